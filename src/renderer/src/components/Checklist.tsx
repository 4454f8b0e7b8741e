import { useMemo } from 'react'
import { CHECK_IDS } from '../../../shared/diagnosis'
import { CHECKLIST_TEXTS } from '../../../shared/ui-texts'
import { rowsOfReport } from '../store'
import { useNetmend } from '../store-context'
import { CheckRowView } from './CheckRowView'

/** All nine checks in their fixed order, filling in live (or a past diagnosis's, read-only). */
export function Checklist(): React.JSX.Element {
  const liveRows = useNetmend((state) => state.rows)
  const viewingId = useNetmend((state) => state.viewingId)
  const history = useNetmend((state) => state.history)
  const running = useNetmend((state) => state.phase !== 'idle')
  const rows = useMemo(() => {
    const past = viewingId ? history.find((entry) => entry.id === viewingId) : undefined
    return past ? rowsOfReport(past.report) : liveRows
  }, [viewingId, history, liveRows])
  return (
    <section className="card checklist" aria-labelledby="checks-heading">
      <h2 id="checks-heading">{CHECKLIST_TEXTS.heading}</h2>
      <ol className="checks" aria-label={CHECKLIST_TEXTS.listLabel} aria-busy={running || undefined}>
        {CHECK_IDS.map((id) => (
          <CheckRowView key={id} row={rows[id]} />
        ))}
      </ol>
    </section>
  )
}
