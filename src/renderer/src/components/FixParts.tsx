// Pieces every fix is made of: its title (a button when the app can act), what it will do, and what happened.
import type { ReactNode } from 'react'
import type { FixId } from '../../../shared/diagnosis'
import { useNetmend } from '../store-context'

export const explanationId = (id: FixId): string => `fix-${id}-explanation`

/** The fix's title as a heading, or as the heading's button when there is something to press. */
export function FixTitle({ id, title, onPress, disabled, expanded, controls, describedBy, primary }: {
  id: FixId
  title: string
  onPress?: () => void
  disabled?: boolean
  expanded?: boolean
  controls?: string
  describedBy?: string
  primary?: boolean
}): React.JSX.Element {
  if (!onPress) return <h3 className="fix-title">{title}</h3>
  const disclosure = expanded !== undefined
  return (
    <h3 className="fix-title">
      <button
        type="button"
        className={disclosure ? 'button button--disclosure' : primary ? 'button button--primary' : 'button'}
        aria-disabled={disabled || undefined}
        aria-expanded={expanded}
        aria-controls={expanded ? controls : undefined}
        aria-describedby={describedBy ?? explanationId(id)}
        onClick={disabled ? undefined : onPress}
      >
        {disclosure && <span className={expanded ? 'chevron chevron--open' : 'chevron'} aria-hidden="true" />}
        {title}
      </button>
    </h3>
  )
}

export function FixExplanation({ id, children }: { id: FixId; children: ReactNode }): React.JSX.Element {
  return (
    <p id={explanationId(id)} className="fix-explanation">
      {children}
    </p>
  )
}

/** What the last action on this fix did; polite, so it is announced without moving focus. */
export function FixMessage({ id }: { id: FixId }): React.JSX.Element {
  const message = useNetmend((state) => state.fixMessages[id])
  return (
    <p role="status" className={message ? `message message--${message.tone}` : 'message message--empty'}>
      {message?.text}
    </p>
  )
}
