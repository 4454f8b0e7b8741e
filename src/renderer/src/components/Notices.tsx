import { DnsStatus } from './DnsStatus'
import { WatchBanner } from './WatchBanner'

/** What NetMend is doing for you beyond one diagnosis: a DNS change to confirm or undo, a site being watched. */
export function Notices(): React.JSX.Element {
  return (
    <div className="notices">
      <DnsStatus />
      <WatchBanner />
    </div>
  )
}
