import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { placeWindow, readWindowState, saveWindowState, type WindowState } from '../../../src/main/electron/window-state'

const SCREEN = { x: 0, y: 0, width: 1920, height: 1040 }
const SECOND_SCREEN = { x: 1920, y: 0, width: 1280, height: 984 }
const DEFAULT = { width: 960, height: 760 }
const dirs: string[] = []
const dataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'netmend-window-'))
  dirs.push(dir)
  return dir
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('the window remembers its size and place', () => {
  it('reopens where it was closed, maximized or not', () => {
    const dir = dataDir()
    const closed: WindowState = { bounds: { x: 2000, y: 40, width: 800, height: 600 }, maximized: true }
    saveWindowState(dir, closed)
    expect(readdirSync(dir)).toEqual(['window-state.json'])
    expect(placeWindow(readWindowState(dir), [SCREEN, SECOND_SCREEN], DEFAULT)).toEqual({ bounds: closed.bounds, maximized: true })
  })

  it('opens centred at the default size the first time, or when the file is unreadable', () => {
    const dir = dataDir()
    expect(placeWindow(readWindowState(dir), [SCREEN], DEFAULT)).toEqual({ bounds: DEFAULT, maximized: false })
    writeFileSync(join(dir, 'window-state.json'), '{"bounds":{"x":"left"}')
    expect(readWindowState(dir)).toBeNull()
    writeFileSync(join(dir, 'window-state.json'), JSON.stringify({ bounds: { x: 1, y: 1, width: 1, height: Infinity }, maximized: false }))
    expect(readWindowState(dir)).toBeNull()
  })

  it('does not reopen on a screen that has been unplugged, nor with its title bar out of reach', () => {
    const onSecondScreen: WindowState = { bounds: { x: 2000, y: 40, width: 800, height: 600 }, maximized: false }
    expect(placeWindow(onSecondScreen, [SCREEN], DEFAULT).bounds).toEqual(DEFAULT)
    const titleBarAbove: WindowState = { bounds: { x: 100, y: -200, width: 800, height: 600 }, maximized: false }
    expect(placeWindow(titleBarAbove, [SCREEN], DEFAULT).bounds).toEqual(DEFAULT)
    const almostOffTheRight: WindowState = { bounds: { x: 1900, y: 40, width: 800, height: 600 }, maximized: false }
    expect(placeWindow(almostOffTheRight, [SCREEN], DEFAULT).bounds).toEqual(DEFAULT)
  })

  it('shrinks to fit a screen that became smaller', () => {
    const large: WindowState = { bounds: { x: 0, y: 0, width: 2400, height: 1400 }, maximized: false }
    expect(placeWindow(large, [SCREEN], DEFAULT).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 })
  })
})
