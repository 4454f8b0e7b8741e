import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, Notification, session } from 'electron'
import { APP_ID, PRODUCT_NAME } from '../../shared/app-identity'
import { CHANNELS, IPC_PREFIX } from '../../shared/contract'
import { pickLanguage, type Language } from '../../shared/language'
import { DNS_SETTINGS_TEXTS } from '../../shared/texts/dns-settings'
import { composeMain, type PlatformEffects } from '../compose/compose-main'
import { systemElevationRunner } from '../dns-settings/elevation-runners'
import type { GuardedHandlers } from '../ipc/guard'
import { netmendDataDir } from '../platform/data-dir'
import { runCommand } from '../platform/run-command'
import { backgroundWatching } from './background'
import { openHelpWindow } from './help-window'
import { createMainWindow } from './main-window'
import { applicationMenu } from './menu'
import { rendererPageUrl } from './renderer-location'
import { shellTexts } from './texts'

let window: BrowserWindow | null = null
// A notification must stay referenced until it is clicked, or its click is lost.
let lastNotification: Notification | null = null
/** Opens the window, or brings it forward: from a notification, the tray, or NetMend started again. Set at start. */
let showWindow = (): void => undefined

const pageUrl = (): string => rendererPageUrl('index', app.isPackaged)

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    const stayOnOurPage = (event: { preventDefault: () => void }, url: string): void => {
      if (url !== pageUrl()) event.preventDefault()
    }
    contents.on('will-navigate', (event, url) => stayOnOurPage(event, url))
    contents.on('will-redirect', (event, url) => stayOnOurPage(event, url))
    contents.on('will-frame-navigate', (event) => stayOnOurPage(event, event.url))
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
}

function buildMenu(language: Language): Menu | null {
  const template = applicationMenu(process.platform, app.isPackaged, PRODUCT_NAME, shellTexts(language).menu)
  return template && Menu.buildFromTemplate(template)
}

/** The platform's part; `language` is the operating system's, known once the app is ready. A click on any of
 * NetMend's notifications ("the site is back") opens the window. */
const effectsIn = (language: Language): PlatformEffects => ({
  language,
  emit: (event, payload) => window?.webContents.send(`${IPC_PREFIX}${event}`, payload),
  copyText: (text) => clipboard.writeText(text),
  saveText: async (suggestedName, text) => {
    const choice = await dialog.showSaveDialog({ defaultPath: join(app.getPath('documents'), suggestedName) })
    if (choice.canceled || !choice.filePath) return { saved: false }
    await writeFile(choice.filePath, text)
    return { saved: true, path: choice.filePath }
  },
  notify: (title, body) => {
    lastNotification = new Notification({ title, body })
    lastNotification.on('click', () => showWindow())
    lastNotification.show()
  },
  openHelp: async (topic) => {
    openHelpWindow(topic, app.isPackaged, language)
    return true
  },
  // The system's own password dialog, with the one fixed script inline (pkexec, osascript, UAC).
  adminPrompt: systemElevationRunner(process.platform, runCommand, undefined, DNS_SETTINGS_TEXTS[language].adminPromptReason),
})

function registerIpc(ipc: GuardedHandlers): void {
  for (const channel of CHANNELS) ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, input: unknown) => ipc[channel](event.senderFrame, input))
}

async function start(): Promise<void> {
  lockDown()
  // The operating system's languages, best first; the window and notifications speak the first NetMend has.
  const language = pickLanguage([...app.getPreferredSystemLanguages(), app.getLocale()])
  const dataDir = netmendDataDir()
  showWindow = (): void => {
    if (!window) openWindow()
    else if (window.isMinimized()) window.restore()
    window?.focus()
  }
  const effects = effectsIn(language)
  // A settings file NetMend could not use is told in the window (startupNotes), not in a dialog before it.
  const { handlers, ipc } = await composeMain(effects, { dataDir, pageUrl: pageUrl() })
  registerIpc(ipc)
  Menu.setApplicationMenu(buildMenu(language))
  const background = backgroundWatching({
    platform: process.platform,
    packaged: app.isPackaged,
    texts: shellTexts(language).background,
    watchedSite: async () => {
      const status = await handlers.watchStatus(null)
      return status.watching ? status.target : null
    },
    stopWatching: async () => void (await handlers.stopWatching(null)),
    showWindow: () => showWindow(),
    hasWindow: () => window !== null,
    notify: (body) => effects.notify(PRODUCT_NAME, body),
  })
  function openWindow(): void {
    window = createMainWindow({ url: pageUrl(), packaged: app.isPackaged, dataDir })
    window.on('closed', () => (window = null))
    background.windowShown()
  }
  openWindow()
  // macOS keeps the app running without windows; clicking its dock icon opens the window again.
  app.on('activate', () => window ?? openWindow())
  app.on('window-all-closed', () => void background.windowsClosed())
  let disposed = false
  app.on('before-quit', (event) => {
    if (disposed) return
    event.preventDefault()
    disposed = true
    void handlers.dispose().finally(() => app.quit())
  })
}

if (!app.requestSingleInstanceLock()) app.quit()
else {
  // Started again (also while it watches with no window open): the window comes forward, or opens.
  app.on('second-instance', () => showWindow())
  // Windows shows notifications (the "site is back" alert) only for an app with this id.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
  void app.whenReady().then(start)
}
