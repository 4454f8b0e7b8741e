import { useId, useState } from 'react'
import { describeCheckSummary } from '../../../shared/texts'
import { CHECKLIST_TEXTS } from '../../../shared/ui-texts'
import { hasEvidence } from '../evidence'
import { formatMs } from '../format'
import type { CheckRow } from '../store'
import { EvidenceView } from './EvidenceView'
import { StatusIcon } from './StatusIcon'

/** One check: its state, its one-line result, and its details on demand. */
export function CheckRowView({ row }: { row: CheckRow }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const detailsId = useId()
  const check = row.report
  const summary = check ? describeCheckSummary(check.summary) : (row.status === 'running' ? CHECKLIST_TEXTS.status.running : row.status === 'cancelled' ? CHECKLIST_TEXTS.status.cancelled : CHECKLIST_TEXTS.notYet)
  const expandable = check !== undefined && hasEvidence(check)
  return (
    <li className={`check check--${row.status}`} data-check-id={row.id} data-status={row.status} aria-busy={row.status === 'running' || undefined}>
      <div className="check-line">
        <StatusIcon status={row.status} />
        <div className="check-text">
          <p className="check-title">
            {row.title}
            <span className="sr-only">: {CHECKLIST_TEXTS.status[row.status]}.</span>
          </p>
          <p className="check-summary">{summary}</p>
        </div>
        <div className="check-side">
          {check && <span className="check-time">{formatMs(check.durationMs)}</span>}
          {expandable && (
            <button type="button" className="button button--small button--quiet" aria-expanded={open} aria-controls={open ? detailsId : undefined} onClick={() => setOpen(!open)}>
              <span className={open ? 'chevron chevron--open' : 'chevron'} aria-hidden="true" />
              {CHECKLIST_TEXTS.details}
              <span className="sr-only">{CHECKLIST_TEXTS.detailsFor(row.title)}</span>
            </button>
          )}
        </div>
      </div>
      {open && check && <EvidenceView id={detailsId} check={check} />}
    </li>
  )
}
