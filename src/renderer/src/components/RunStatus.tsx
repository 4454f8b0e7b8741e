import { CHECK_IDS } from '../../../shared/diagnosis'
import { useNetmend } from '../store-context'
import { useTexts } from '../texts-context'

/** How far the checks are, said politely to screen readers; and why a run could not start. */
export function RunStatus(): React.JSX.Element {
  const t = useTexts()
  const progress = useNetmend((state) => state.progress)
  const phase = useNetmend((state) => state.phase)
  const rows = useNetmend((state) => state.rows)
  const problem = useNetmend((state) => state.runMessage)
  const done = Object.values(rows).filter((row) => row.status !== 'pending' && row.status !== 'running').length
  const running = phase !== 'idle'
  return (
    <div className="run-status">
      <p role="status" className="progress-text">
        {progress}
      </p>
      {running && (
        <div className="progress-bar" aria-hidden="true" title={t.run.progressLabel}>
          <div className="progress-fill" style={{ width: `${Math.round((done / CHECK_IDS.length) * 100)}%` }} />
        </div>
      )}
      {problem && problem.tone === 'problem' && (
        <p role="alert" className="message message--problem">
          {problem.text}
        </p>
      )}
    </div>
  )
}
