import { useNetmend } from '../store-context'

import { HISTORY_PANEL_ID, HISTORY_TOGGLE_ID } from './ids'
import { useTexts } from '../texts-context'

export function Header(): React.JSX.Element {
  const t = useTexts()
  const open = useNetmend((state) => state.historyOpen)
  const count = useNetmend((state) => state.history.length)
  const setOpen = useNetmend((state) => state.setHistoryOpen)
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3 12h4l3-7 4 14 3-7h4" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <div>
          <h1>{t.app.name}</h1>
          <p className="tagline">{t.app.tagline}</p>
        </div>
      </div>
      <button
        id={HISTORY_TOGGLE_ID}
        type="button"
        className="button button--quiet"
        aria-expanded={open}
        aria-controls={open ? HISTORY_PANEL_ID : undefined}
        onClick={() => setOpen(!open)}
      >
        {t.history.toggle}
        {count > 0 && (
          <span className="badge" aria-hidden="true">
            {count}
          </span>
        )}
      </button>
    </header>
  )
}
