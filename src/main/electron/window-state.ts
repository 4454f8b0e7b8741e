// The main window opens where and as large as it was last time, as long as that place is still on a screen.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

export interface WindowPlacement {
  /** No x/y: the OS centres the window. */
  bounds: Partial<Rect> & { width: number; height: number }
  maximized: boolean
}

const FILE = 'window-state.json'
/** How much of the window's top edge must lie on a screen for people to grab it and move it. */
const MIN_VISIBLE = 64

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

function parseWindowState(text: string): WindowState | null {
  try {
    const value = JSON.parse(text) as { bounds?: Record<string, unknown>; maximized?: unknown }
    const { x, y, width, height } = value.bounds ?? {}
    if (![x, y, width, height].every(isFiniteNumber) || typeof value.maximized !== 'boolean') return null
    return { bounds: { x, y, width, height } as Rect, maximized: value.maximized }
  } catch {
    return null
  }
}

/** The last saved state, or null when there is none or it is unreadable (then the window opens as new). */
export function readWindowState(dataDir: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(join(dataDir, FILE), 'utf8'))
  } catch {
    return null
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  mkdirSync(dataDir, { recursive: true })
  const temporary = join(dataDir, `.${FILE}.tmp`)
  writeFileSync(temporary, JSON.stringify(state))
  renameSync(temporary, join(dataDir, FILE))
}

function topEdgeVisibleOn(bounds: Rect, area: Rect): boolean {
  const overlap = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x)
  return overlap >= MIN_VISIBLE && bounds.y >= area.y && bounds.y < area.y + area.height - MIN_VISIBLE / 2
}

/** Where to open: the saved place when its top edge is on one of today's screens, else the default size, centred. */
export function placeWindow(saved: WindowState | null, workAreas: Rect[], defaultSize: { width: number; height: number }): WindowPlacement {
  const area = saved && workAreas.find((candidate) => topEdgeVisibleOn(saved.bounds, candidate))
  if (!saved || !area) return { bounds: { ...defaultSize }, maximized: saved?.maximized ?? false }
  return {
    bounds: { ...saved.bounds, width: Math.min(saved.bounds.width, area.width), height: Math.min(saved.bounds.height, area.height) },
    maximized: saved.maximized,
  }
}
