import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, clipboard, dialog, ipcMain, Notification, session, shell } from 'electron'
import { CHANNELS, IPC_PREFIX, type Channel } from '../../shared/contract'
import { DEFAULT_CONFIG, loadConfigFile, type EngineConfig } from '../engine/config'
import { diagnose } from '../engine/diagnose'
import { createDnsSettingsService } from '../dns-settings'
import { createHistoryStore } from '../history/history-store'
import { guardHandler } from '../ipc/guard'
import { netmendDataDir } from '../platform/data-dir'
import { listActiveInterfaces } from '../platform/interfaces'
import { createMainHandlers, type MainHandlers } from '../ipc/handlers'
import { HELP_LINKS, isAllowedExternalUrl } from './help-links'

const CONFIRM_WINDOW_MS = 20_000
const WATCH_INTERVAL_MS = 60_000

let window: BrowserWindow | null = null

function pageUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
    const stayOnOurPage = (event: { preventDefault: () => void }, url: string): void => {
      if (url !== pageUrl()) event.preventDefault()
    }
    contents.on('will-navigate', (event, url) => stayOnOurPage(event, url))
    contents.on('will-redirect', (event, url) => stayOnOurPage(event, url))
    contents.on('will-frame-navigate', (event) => stayOnOurPage(event, event.url))
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
}

function createWindow(): BrowserWindow {
  const created = new BrowserWindow({
    width: 960,
    height: 760,
    minWidth: 420,
    minHeight: 480,
    title: 'NetMend',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  })
  created.once('ready-to-show', () => created.show())
  void created.loadURL(pageUrl())
  return created
}

async function loadConfig(): Promise<EngineConfig> {
  const path = process.env.NETMEND_CONFIG
  if (!path) return DEFAULT_CONFIG
  const loaded = await loadConfigFile(path)
  if (loaded.ok) return loaded.config
  dialog.showErrorBox('NetMend settings', `${loaded.detail}\nNetMend uses its default settings instead.`)
  return DEFAULT_CONFIG
}

function registerIpc(handlers: MainHandlers): void {
  const register = <C extends Channel>(channel: C): void => {
    const guarded = guardHandler(channel, handlers[channel], pageUrl())
    ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, input: unknown) => guarded(event.senderFrame, input))
  }
  CHANNELS.forEach(register)
}

async function start(): Promise<void> {
  lockDown()
  const dataDir = netmendDataDir()
  const dnsSettings = createDnsSettingsService({ dataDir })
  // A DNS change left unconfirmed by a crash or a kill is undone before anything else.
  await dnsSettings.recoverUnfinished()
  const handlers = createMainHandlers({
    config: await loadConfig(),
    diagnose,
    emit: (event, payload) => window?.webContents.send(`${IPC_PREFIX}${event}`, payload),
    dnsSettings,
    listInterfaces: () => listActiveInterfaces(),
    history: createHistoryStore(dataDir),
    copyText: (text) => clipboard.writeText(text),
    saveText: async (suggestedName, text) => {
      const choice = await dialog.showSaveDialog({ defaultPath: join(app.getPath('documents'), suggestedName) })
      if (choice.canceled || !choice.filePath) return { saved: false }
      await writeFile(choice.filePath, text)
      return { saved: true, path: choice.filePath }
    },
    notify: (title, body) => new Notification({ title, body }).show(),
    openHelp: async (topic) => {
      await shell.openExternal(HELP_LINKS[topic])
      return true
    },
    watchIntervalMs: WATCH_INTERVAL_MS,
    confirmWindowMs: CONFIRM_WINDOW_MS,
  })
  registerIpc(handlers)
  window = createWindow()
  window.on('closed', () => (window = null))
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
  app.on('second-instance', () => {
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  void app.whenReady().then(start)
  app.on('window-all-closed', () => app.quit())
}
