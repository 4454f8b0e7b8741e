import { BrowserWindow } from 'electron'
import type { HelpTopic } from '../../shared/contract'
import { lockedDownPreferences } from './main-window'
import { rendererPageUrl } from './renderer-location'

let helpWindow: BrowserWindow | null = null

/** Shows a help page from inside the app (no internet needed), in one help window reused for every topic. */
export function openHelpWindow(topic: HelpTopic, packaged: boolean): void {
  const url = `${rendererPageUrl('help', packaged)}?topic=${encodeURIComponent(topic)}`
  if (!helpWindow) {
    // No preload: the help page cannot talk to the main process at all.
    helpWindow = new BrowserWindow({ width: 640, height: 560, minWidth: 360, minHeight: 320, webPreferences: lockedDownPreferences(packaged) })
    helpWindow.on('closed', () => (helpWindow = null))
  }
  void helpWindow.loadURL(url)
  helpWindow.focus()
}
