import { buildReport, type ReportKind } from '../../../shared/reports'
import { REPORT_TEXTS } from '../../../shared/ui-texts'
import { useNetmend } from '../store-context'
import { ExpandableFix } from './ExpandableFix'
import type { FixProps } from './fix-props'

/** A report for the site's owners or the internet provider: previewed, then copied or saved. */
export function ReportFix({ fix, report, kind }: FixProps & { kind: ReportKind }): React.JSX.Element {
  const copy = useNetmend((state) => state.copyReport)
  const save = useNetmend((state) => state.saveReport)
  return (
    <ExpandableFix
      fix={fix}
      panel={() => {
        // Built when opened, so the preview is exactly what is copied or saved.
        const text = buildReport(kind, report)
        return (
          <>
            <p className="muted small">{REPORT_TEXTS.intro[kind]}</p>
            <pre className="report-preview" tabIndex={0} role="region" aria-label={REPORT_TEXTS.preview[kind]}>
              {text}
            </pre>
            <div className="button-row">
              <button type="button" className="button button--primary" onClick={() => void copy(kind, text)}>
                {REPORT_TEXTS.copy}
              </button>
              <button type="button" className="button" onClick={() => void save(kind, text)}>
                {REPORT_TEXTS.save}
              </button>
            </div>
          </>
        )
      }}
    />
  )
}
