import { useId, useState } from 'react'
import { describeCheckSummary } from '../../../shared/texts/diagnosis'
import { hasEvidence } from '../evidence'
import { durationText } from '../../../shared/texts/shape'
import type { CheckRow } from '../store'
import { EvidenceView } from './EvidenceView'
import { StatusIcon } from './StatusIcon'
import { useTexts } from '../texts-context'

/** One check: its state, its one-line result, and its details on demand. */
export function CheckRowView({ row }: { row: CheckRow }): React.JSX.Element {
  const t = useTexts()
  const title = t.diagnosis.checkTitles[row.id]
  const [open, setOpen] = useState(false)
  const detailsId = useId()
  const check = row.report
  const summary = check ? describeCheckSummary(check.summary, t.diagnosis) : (row.status === 'running' ? t.checklist.status.running : row.status === 'cancelled' ? t.checklist.status.cancelled : t.checklist.notYet)
  const expandable = check !== undefined && hasEvidence(check)
  return (
    <li className={`check check--${row.status}`} data-check-id={row.id} data-status={row.status} aria-busy={row.status === 'running' || undefined}>
      <div className="check-line">
        <StatusIcon status={row.status} />
        <div className="check-text">
          <p className="check-title">
            {title}
            <span className="sr-only">: {t.checklist.status[row.status]}.</span>
          </p>
          <p className="check-summary">{summary}</p>
        </div>
        <div className="check-side">
          {check && <span className="check-time">{durationText(check.durationMs, t.locale)}</span>}
          {expandable && (
            <button type="button" className="button button--small button--quiet" aria-expanded={open} aria-controls={open ? detailsId : undefined} onClick={() => setOpen(!open)}>
              <span className={open ? 'chevron chevron--open' : 'chevron'} aria-hidden="true" />
              {t.checklist.details}
              <span className="sr-only">{t.checklist.detailsFor(title)}</span>
            </button>
          )}
        </div>
      </div>
      {open && check && <EvidenceView id={detailsId} check={check} />}
    </li>
  )
}
