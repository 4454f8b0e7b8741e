import type { RowStatus } from '../store'

const GLYPHS: Record<RowStatus, string> = {
  pending: '○',
  running: '',
  pass: '✓',
  warn: '!',
  fail: '✕',
  skipped: '–',
  cancelled: '–',
}

/** A shape per status (never colour alone); the words are given to screen readers next to it. */
export function StatusIcon({ status }: { status: RowStatus }): React.JSX.Element {
  return (
    <span className={`status-icon status-icon--${status}`} aria-hidden="true">
      {status === 'running' ? <span className="spinner" /> : GLYPHS[status]}
    </span>
  )
}
