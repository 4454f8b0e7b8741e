import { useEffect } from 'react'
import { useNetmend } from '../store-context'
import { DeleteAllHistory } from './DeleteAllHistory'
import { HistoryItem } from './HistoryItem'
import { focusById, HISTORY_HEADING_ID, HISTORY_PANEL_ID, HISTORY_TOGGLE_ID } from './ids'
import { useTexts } from '../texts-context'

/** Past diagnoses kept on this computer: open one read-only, delete one or all. */
export function HistoryPanel(): React.JSX.Element | null {
  const t = useTexts()
  const open = useNetmend((state) => state.historyOpen)
  const history = useNetmend((state) => state.history)
  const loadState = useNetmend((state) => state.historyState)
  const message = useNetmend((state) => state.historyMessage)
  const setOpen = useNetmend((state) => state.setHistoryOpen)

  useEffect(() => {
    if (open) focusById(HISTORY_HEADING_ID)
  }, [open])

  if (!open) return null
  const close = (): void => {
    setOpen(false)
    focusById(HISTORY_TOGGLE_ID)
  }
  return (
    <section
      id={HISTORY_PANEL_ID}
      className="card history"
      aria-labelledby={HISTORY_HEADING_ID}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close()
      }}
    >
      <div className="history-head">
        <h2 id={HISTORY_HEADING_ID} tabIndex={-1}>
          {t.history.heading}
        </h2>
        <button type="button" className="button button--quiet button--small" onClick={close}>
          {t.history.close}
        </button>
      </div>
      <p role="status" className="message">
        {message}
      </p>
      {loadState === 'failed' && <p className="message message--problem">{t.history.loadFailed}</p>}
      {loadState !== 'failed' && history.length === 0 && <p className="muted">{t.history.empty}</p>}
      {history.length > 0 && (
        <>
          <ul className="history-list" aria-label={t.history.listLabel}>
            {history.map((entry) => (
              <HistoryItem key={entry.id} entry={entry} />
            ))}
          </ul>
          <DeleteAllHistory count={history.length} />
        </>
      )}
    </section>
  )
}
