import type { HistoryEntry } from '../../../shared/contract'
import { VERDICT_SIDES } from '../sides'
import { describeVerdict } from '../../../shared/texts/diagnosis'
import { formatDateTime, siteLabel } from '../format'
import { useNetmend } from '../store-context'
import { focusById, HISTORY_HEADING_ID } from './ids'
import { useTexts } from '../texts-context'

export function HistoryItem({ entry }: { entry: HistoryEntry }): React.JSX.Element {
  const t = useTexts()
  const view = useNetmend((state) => state.viewHistory)
  const remove = useNetmend((state) => state.deleteHistory)
  const running = useNetmend((state) => state.phase !== 'idle')
  const site = entry.report.target ? siteLabel(entry.report.target) : t.history.connectionOnly
  const subject = t.history.subject(entry.report.target ? site : null)
  const when = formatDateTime(entry.finishedAt, t.locale)
  const ok = entry.report.verdict.code === 'ok'
  const unclear = VERDICT_SIDES[entry.report.verdict.code] === 'unknown'
  return (
    <li className="history-item" data-history-id={entry.id} data-verdict={entry.report.verdict.code}>
      <span className={`status-icon status-icon--${ok ? 'pass' : unclear ? 'skipped' : 'fail'}`} aria-hidden="true">
        {ok ? '✓' : unclear ? '–' : '✕'}
      </span>
      <div className="history-text">
        <p className="history-site">
          {site} <span className="history-when">· {when}</span>
        </p>
        <p className="history-verdict">{describeVerdict(entry.report, t.diagnosis).title}</p>
      </div>
      <div className="history-actions">
        <button type="button" className="button button--small" aria-disabled={running || undefined} onClick={running ? undefined : () => view(entry.id)}>
          {t.history.open}
          <span className="sr-only">{t.history.entryName(subject, when)}</span>
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => {
            void remove(entry.id).then(() => focusById(HISTORY_HEADING_ID))
          }}
        >
          {t.history.delete}
          <span className="sr-only">{t.history.entryName(subject, when)}</span>
        </button>
      </div>
    </li>
  )
}
