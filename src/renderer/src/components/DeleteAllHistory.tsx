import { useEffect, useRef, useState } from 'react'
import { useNetmend } from '../store-context'
import { focusById, HISTORY_HEADING_ID } from './ids'
import { useTexts } from '../texts-context'

/** "Delete all", asked twice: the history can't be brought back. */
export function DeleteAllHistory({ count }: { count: number }): React.JSX.Element {
  const t = useTexts()
  const [asking, setAsking] = useState(false)
  const remove = useNetmend((state) => state.deleteHistory)
  const first = useRef<HTMLButtonElement>(null)
  const yes = useRef<HTMLButtonElement>(null)
  const wasAsking = useRef(false)

  useEffect(() => {
    if (asking) yes.current?.focus()
    else if (wasAsking.current) first.current?.focus()
    wasAsking.current = asking
  }, [asking])

  if (!asking) {
    return (
      <div className="history-foot">
        <button ref={first} type="button" className="button button--small button--danger" onClick={() => setAsking(true)}>
          {t.history.deleteAll}
        </button>
      </div>
    )
  }
  return (
    <div className="history-foot confirm-inline" role="group" aria-labelledby="delete-all-question">
      <p id="delete-all-question">{t.history.confirmDeleteAll(count)}</p>
      <div className="button-row">
        <button
          ref={yes}
          type="button"
          className="button button--small button--danger"
          onClick={() => {
            void remove(null).then(() => focusById(HISTORY_HEADING_ID))
          }}
        >
          {t.history.confirmYes}
        </button>
        <button type="button" className="button button--small" onClick={() => setAsking(false)}>
          {t.history.confirmNo}
        </button>
      </div>
    </div>
  )
}
