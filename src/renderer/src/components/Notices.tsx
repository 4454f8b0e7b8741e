import { DnsStatus } from './DnsStatus'
import { StartupNotes } from './StartupNotes'
import { WatchBanner } from './WatchBanner'

/** What NetMend found at start, and is doing for you beyond one diagnosis: a DNS change to confirm or undo, a site being watched. */
export function Notices(): React.JSX.Element {
  return (
    <div className="notices">
      <StartupNotes />
      <DnsStatus />
      <WatchBanner />
    </div>
  )
}
