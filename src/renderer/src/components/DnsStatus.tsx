import { FIX_TEXTS } from '../../../shared/texts'
import { DNS_TEXTS, FIX_LIST_TEXTS } from '../../../shared/ui-texts'
import { unavailableReason } from '../store'
import { useNetmend } from '../store-context'
import { DnsConfirm } from './DnsConfirm'
import { DNS_STATUS_ID, focusById } from './ids'

/** The address book change NetMend made: the "keep?" prompt, then how it ended and the way back. */
export function DnsStatus(): React.JSX.Element {
  const confirming = useNetmend((state) => state.dnsConfirmBy !== null)
  // Changed in this session, or in an earlier one (main then offers to revert from the start).
  const switched = useNetmend((state) => state.dnsSwitched || state.fixSupport?.['revert-dns']?.available === true)
  const notice = useNetmend((state) => state.dnsNotice)
  const revertSupport = useNetmend((state) => state.fixSupport?.['revert-dns'])
  const busy = useNetmend((state) => state.osFixBusy !== null)
  const undo = useNetmend((state) => state.undoDns)
  const revert = FIX_TEXTS['revert-dns']({})
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
          <p>{DNS_TEXTS.changedNote}</p>
          <button type="button" className="button" aria-disabled={!canRevert || undefined} aria-describedby="dns-revert-explanation" onClick={canRevert ? () => void undo().then(() => focusById(DNS_STATUS_ID)) : undefined}>
            {revert.title}
          </button>
          <p id="dns-revert-explanation" className="muted small">
            {revert.explanation}
            {revertSupport && !revertSupport.available && ` ${revertSupport.reason ? unavailableReason(revertSupport.reason) : FIX_LIST_TEXTS.notAvailable}`}
            {revertSupport?.available && revertSupport.needsAdmin && ` ${FIX_LIST_TEXTS.needsAdmin}`}
          </p>
        </div>
      )}
    </div>
  )
}
