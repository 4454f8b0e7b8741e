import { useEffect, useRef, useState } from 'react'
import { HISTORY_TEXTS } from '../../../shared/ui-texts'
import { useNetmend } from '../store-context'
import { focusById, HISTORY_HEADING_ID } from './ids'

/** "Delete all", asked twice: the history can't be brought back. */
export function DeleteAllHistory({ count }: { count: number }): React.JSX.Element {
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
          {HISTORY_TEXTS.deleteAll}
        </button>
      </div>
    )
  }
  return (
    <div className="history-foot confirm-inline" role="group" aria-labelledby="delete-all-question">
      <p id="delete-all-question">{HISTORY_TEXTS.confirmDeleteAll(count)}</p>
      <div className="button-row">
        <button
          ref={yes}
          type="button"
          className="button button--small button--danger"
          onClick={() => {
            void remove(null).then(() => focusById(HISTORY_HEADING_ID))
          }}
        >
          {HISTORY_TEXTS.confirmYes}
        </button>
        <button type="button" className="button button--small" onClick={() => setAsking(false)}>
          {HISTORY_TEXTS.confirmNo}
        </button>
      </div>
    </div>
  )
}
