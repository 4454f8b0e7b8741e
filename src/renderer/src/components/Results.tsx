import { shownReport } from '../store'
import { useNetmend } from '../store-context'
import { Checklist } from './Checklist'
import { FixList } from './FixList'
import { VerdictCard } from './VerdictCard'

/** The verdict and its fixes once there is a report, and the checklist always. */
export function Results(): React.JSX.Element {
  const report = useNetmend(shownReport)
  const readOnly = useNetmend((state) => state.viewingId !== null)
  return (
    <div className="results">
      {/* Always in the page, so a verdict appearing in it is announced. */}
      <div aria-live="polite" className="verdict-live">
        {report && <VerdictCard report={report} />}
      </div>
      {report && <FixList report={report} readOnly={readOnly} />}
      <Checklist />
    </div>
  )
}
