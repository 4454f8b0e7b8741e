import { buildReport, type ReportKind } from '../../../shared/reports'
import { useNetmend } from '../store-context'
import { ExpandableFix } from './ExpandableFix'
import type { FixProps } from './fix-props'
import { useTexts } from '../texts-context'

/** A report for the site's owners or the internet provider: previewed, then copied or saved. */
export function ReportFix({ fix, words, report, kind }: FixProps & { kind: ReportKind }): React.JSX.Element {
  const t = useTexts()
  const copy = useNetmend((state) => state.copyReport)
  const save = useNetmend((state) => state.saveReport)
  return (
    <ExpandableFix
      fix={fix}
      words={words}
      panel={() => {
        // Built when opened, so the preview is exactly what is copied or saved.
        const text = buildReport(kind, report, t.language)
        return (
          <>
            <p className="muted small">{t.report.intro[kind]}</p>
            <pre className="report-preview" tabIndex={0} role="region" aria-label={t.report.preview[kind]}>
              {text}
            </pre>
            <div className="button-row">
              <button type="button" className="button button--primary" onClick={() => void copy(kind, text)}>
                {t.report.copy}
              </button>
              <button type="button" className="button" onClick={() => void save(kind, text)}>
                {t.report.save}
              </button>
            </div>
          </>
        )
      }}
    />
  )
}
