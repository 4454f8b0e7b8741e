// Watching outlives the window: while "Tell me when it is back" runs, closing the window keeps NetMend
// running (macOS: in the dock, as every Mac app; Windows and Linux: a tray icon with "Show" and "Stop
// watching"), and says so once. With nothing watched, closing the window quits as before.
import { join } from 'node:path'
import { app, Menu, Tray } from 'electron'
import type { ShellTexts } from './texts'

/** The tray icon (resources/icons/32x32.png, from `npm run icons`): packed as tray.png beside the app. */
export function trayIconPath(packaged: boolean): string {
  return packaged ? join(process.resourcesPath, 'tray.png') : join(app.getAppPath(), 'resources', 'icons', '32x32.png')
}

export interface BackgroundOptions {
  platform: NodeJS.Platform
  packaged: boolean
  texts: ShellTexts['background']
  /** The site being watched, or null when nothing is. */
  watchedSite: () => Promise<string | null>
  stopWatching: () => Promise<void>
  showWindow: () => void
  hasWindow: () => boolean
  notify: (body: string) => void
}

export interface Background {
  /** Call when the last window closed: keeps running while a watch goes on, else quits (macOS stays, as ever). */
  windowsClosed: () => Promise<void>
  /** Call when a window opens again: the tray icon is no longer needed. */
  windowShown: () => void
}

export function backgroundWatching(options: BackgroundOptions): Background {
  let tray: Tray | null = null
  let told = false
  const keepsDock = options.platform === 'darwin'

  const leaveTray = (): void => {
    tray?.destroy()
    tray = null
  }

  const quitUnlessNeeded = (): void => {
    if (!keepsDock && !options.hasWindow()) app.quit()
  }

  const showTray = (site: string): void => {
    if (!tray) {
      tray = new Tray(trayIconPath(options.packaged))
      // Windows opens the window on a click of the icon itself; Linux trays show the menu.
      tray.on('click', options.showWindow)
    }
    tray.setToolTip(options.texts.trayTooltip(site))
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: options.texts.show, click: options.showWindow },
        {
          label: options.texts.stopWatching,
          click: () =>
            void options.stopWatching().finally(() => {
              leaveTray()
              quitUnlessNeeded()
            }),
        },
      ]),
    )
  }

  return {
    windowsClosed: async () => {
      const site = await options.watchedSite()
      if (site === null) return quitUnlessNeeded()
      if (!keepsDock) showTray(site)
      if (!told) options.notify(options.texts.keepsWatching(site))
      told = true
    },
    windowShown: leaveTray,
  }
}
