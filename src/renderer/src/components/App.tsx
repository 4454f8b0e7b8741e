import { AddressForm } from './AddressForm'
import { Header } from './Header'
import { HistoryPanel } from './HistoryPanel'
import { Notices } from './Notices'
import { PastReportBanner } from './PastReportBanner'
import { Results } from './Results'
import { RunStatus } from './RunStatus'

/** The one window: what to check, how it is going, what it found, what to do, and the history. */
export function App(): React.JSX.Element {
  return (
    <>
      <Header />
      <main className="page">
        <HistoryPanel />
        <AddressForm />
        <Notices />
        <PastReportBanner />
        <RunStatus />
        <Results />
      </main>
    </>
  )
}
