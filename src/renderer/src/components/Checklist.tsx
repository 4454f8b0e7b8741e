import { useMemo } from 'react'
import { CHECK_IDS } from '../../../shared/diagnosis'
import { rowsOfReport } from '../store'
import { useNetmend } from '../store-context'
import { CheckRowView } from './CheckRowView'
import { useTexts } from '../texts-context'

/** All nine checks in their fixed order, filling in live (or a past diagnosis's, read-only). */
export function Checklist(): React.JSX.Element {
  const t = useTexts()
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
      <h2 id="checks-heading">{t.checklist.heading}</h2>
      <ol className="checks" aria-label={t.checklist.listLabel} aria-busy={running || undefined}>
        {CHECK_IDS.map((id) => (
          <CheckRowView key={id} row={rows[id]} />
        ))}
      </ol>
    </section>
  )
}
