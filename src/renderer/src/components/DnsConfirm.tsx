import { useEffect, useRef, useState } from 'react'
import { useNetmend } from '../store-context'
import { DNS_STATUS_ID, focusById } from './ids'
import { useTexts } from '../texts-context'

const focusDnsStatus = (): void => focusById(DNS_STATUS_ID)

const secondsLeft = (deadline: number): number => Math.max(0, Math.ceil((deadline - Date.now()) / 1000))

/** After a DNS switch: keep it, or undo it now; main undoes it by itself when the time runs out. */
export function DnsConfirm(): React.JSX.Element | null {
  const t = useTexts()
  const deadline = useNetmend((state) => state.dnsConfirmBy)
  const busy = useNetmend((state) => state.osFixBusy !== null)
  const keep = useNetmend((state) => state.keepDns)
  const undo = useNetmend((state) => state.undoDns)
  const [, tick] = useState(0)
  const keepButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const timer = setInterval(() => tick((count) => count + 1), 1000)
    return () => clearInterval(timer)
  }, [])
  // Time is short: put the keyboard on the answer.
  useEffect(() => keepButton.current?.focus(), [])

  if (deadline === null) return null
  return (
    <section className="confirm" aria-labelledby="dns-confirm-heading" aria-describedby="dns-confirm-body">
      <h2 id="dns-confirm-heading" className="confirm-heading">
        {t.dns.confirmHeading}
      </h2>
      <p id="dns-confirm-body">{t.dns.confirmBody}</p>
      <p className="countdown" role="timer">
        {t.dns.countdown(secondsLeft(deadline))}
      </p>
      <div className="button-row">
        <button ref={keepButton} type="button" className="button button--primary" onClick={() => void keep().then(focusDnsStatus)}>
          {t.dns.keep}
        </button>
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={busy ? undefined : () => void undo().then(focusDnsStatus)}>
          {t.dns.undo}
        </button>
      </div>
    </section>
  )
}
