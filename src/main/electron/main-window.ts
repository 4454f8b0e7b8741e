import { join } from 'node:path'
import { BrowserWindow, screen, type WebPreferences } from 'electron'
import { APP_TEXTS } from '../../shared/ui-texts'
import { placeWindow, readWindowState, saveWindowState } from './window-state'

const DEFAULT_SIZE = { width: 960, height: 760 }

/** Every window of ours: isolated, sandboxed, no Node; DevTools only while developing. */
export function lockedDownPreferences(packaged: boolean, preload?: string): WebPreferences {
  return { ...(preload ? { preload } : {}), contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: !packaged }
}

/** The main window, where and as large as it was last time; its size and place are saved when it closes. */
export function createMainWindow(options: { url: string; packaged: boolean; dataDir: string }): BrowserWindow {
  const placement = placeWindow(
    readWindowState(options.dataDir),
    screen.getAllDisplays().map((display) => display.workArea),
    DEFAULT_SIZE,
  )
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: 420,
    minHeight: 480,
    title: APP_TEXTS.appName,
    show: false,
    webPreferences: lockedDownPreferences(options.packaged, join(__dirname, '../preload/index.cjs')),
  })
  if (placement.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.on('close', () => {
    try {
      saveWindowState(options.dataDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() })
    } catch {
      // Not remembering the window's place is no reason to stop it from closing.
    }
  })
  void window.loadURL(options.url)
  return window
}
