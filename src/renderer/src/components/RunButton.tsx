import { useNetmend } from '../store-context'

import { RUN_BUTTON_ID } from './ids'
import { useTexts } from '../texts-context'

/**
 * Diagnose when idle, Cancel while a run is going: one element, so focus stays on it when it flips,
 * and a second run can never be started while one is going.
 */
export function RunButton(): React.JSX.Element {
  const t = useTexts()
  const phase = useNetmend((state) => state.phase)
  const cancel = useNetmend((state) => state.cancel)
  const busy = phase !== 'idle'
  const stopping = phase === 'cancelling'
  return (
    <button
      id={RUN_BUTTON_ID}
      type={busy ? 'button' : 'submit'}
      className={busy ? 'button button--run button--cancel' : 'button button--run button--primary'}
      aria-disabled={stopping || undefined}
      onClick={
        busy
          ? (event) => {
              event.preventDefault()
              if (!stopping) void cancel()
            }
          : undefined
      }
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {stopping ? t.address.cancelling : busy ? t.address.cancel : t.address.diagnose}
    </button>
  )
}
