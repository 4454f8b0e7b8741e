/** A padlock drawn in the page (no emoji font is guaranteed): "a password will be asked for". */
export function LockIcon(): React.JSX.Element {
  return (
    <svg className="lock-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="2.5" y="7" width="11" height="7.5" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  )
}
