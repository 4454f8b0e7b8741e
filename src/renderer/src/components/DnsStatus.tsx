import { unavailableReason } from '../store'
import { useNetmend } from '../store-context'
import { DnsConfirm } from './DnsConfirm'
import { DNS_STATUS_ID, focusById } from './ids'
import { useTexts } from '../texts-context'

/** The address book change NetMend made: the "keep?" prompt, then how it ended and the way back. */
export function DnsStatus(): React.JSX.Element {
  const t = useTexts()
  const confirming = useNetmend((state) => state.dnsConfirmBy !== null)
  // Changed in this session, or in an earlier one (main then offers to revert from the start).
  const switched = useNetmend((state) => state.dnsSwitched || state.fixSupport?.['revert-dns']?.available === true)
  const notice = useNetmend((state) => state.dnsNotice)
  const revertSupport = useNetmend((state) => state.fixSupport?.['revert-dns'])
  const busy = useNetmend((state) => state.osFixBusy !== null)
  const undo = useNetmend((state) => state.undoDns)
  const revert = t.diagnosis.fixes['revert-dns']({})
  const canRevert = revertSupport?.available === true && !busy
  const visible = confirming || switched || notice !== null
  return (
    <div id={DNS_STATUS_ID} tabIndex={-1} className={visible ? 'banner dns-status' : 'dns-status dns-status--empty'}>
      {confirming && <DnsConfirm />}
      <p role="status" className={notice ? `message message--${notice.tone}` : 'message message--empty'}>
        {notice?.text}
      </p>
      {switched && !confirming && (
        <div className="dns-changed">
          <p>{t.dns.changedNote}</p>
          <button type="button" className="button" aria-disabled={!canRevert || undefined} aria-describedby="dns-revert-explanation" onClick={canRevert ? () => void undo().then(() => focusById(DNS_STATUS_ID)) : undefined}>
            {revert.title}
          </button>
          <p id="dns-revert-explanation" className="muted small">
            {revert.explanation}
            {revertSupport && !revertSupport.available && ` ${revertSupport.reason ? unavailableReason(revertSupport.reason, t) : t.fixList.notAvailable}`}
            {revertSupport?.available && revertSupport.needsAdmin && ` ${t.fixList.needsAdmin}`}
          </p>
        </div>
      )}
    </div>
  )
}
