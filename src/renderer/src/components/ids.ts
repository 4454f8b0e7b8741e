// Element ids shared between components, and the focus moves that use them (when what had the
// keyboard disappears, the keyboard goes somewhere sensible instead of to the page's start).
export const ADDRESS_INPUT_ID = 'address'
export const RUN_BUTTON_ID = 'run-button'
export const HISTORY_TOGGLE_ID = 'history-toggle'
export const HISTORY_PANEL_ID = 'history-panel'
export const HISTORY_HEADING_ID = 'history-heading'
export const DNS_STATUS_ID = 'dns-status'

export const focusById = (id: string): void => document.getElementById(id)?.focus()
