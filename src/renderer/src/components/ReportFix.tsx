import { useMemo, useState } from 'react'
import { buildReport, type ReportKind } from '../../../shared/reports'
import { REPORT_TEXTS } from '../../../shared/ui-texts'
import { useNetmend } from '../store-context'
import type { FixProps } from './FixItem'
import { FixExplanation, FixMessage, FixTitle } from './FixParts'

/** A report for the site's owners or the internet provider: previewed, then copied or saved. */
export function ReportFix({ fix, report, kind }: FixProps & { kind: ReportKind }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const copy = useNetmend((state) => state.copyReport)
  const save = useNetmend((state) => state.saveReport)
  // Built when opened, so the preview is exactly what is copied or saved.
  const text = useMemo(() => (open ? buildReport(kind, report) : ''), [open, kind, report])
  const panelId = `fix-${fix.id}-panel`
  return (
    <>
      <FixTitle id={fix.id} title={fix.title} expanded={open} controls={panelId} onPress={() => setOpen(!open)} />
      <FixExplanation id={fix.id}>{fix.explanation}</FixExplanation>
      {open && (
        <div id={panelId} className="fix-panel">
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
        </div>
      )}
      <FixMessage id={fix.id} />
    </>
  )
}
