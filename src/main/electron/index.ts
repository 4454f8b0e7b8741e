import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, clipboard, dialog, ipcMain, Notification, session, shell } from 'electron'
import { CHANNELS, IPC_PREFIX } from '../../shared/contract'
import { composeMain, type PlatformEffects } from '../compose/compose-main'
import { sudoPromptRunner } from '../dns-settings/elevation'
import type { GuardedHandlers } from '../ipc/guard'
import { netmendDataDir } from '../platform/data-dir'
import { HELP_LINKS, isAllowedExternalUrl } from './help-links'

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

const effects: PlatformEffects = {
  emit: (event, payload) => window?.webContents.send(`${IPC_PREFIX}${event}`, payload),
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
  adminPrompt: sudoPromptRunner,
}

function registerIpc(ipc: GuardedHandlers): void {
  for (const channel of CHANNELS) ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, input: unknown) => ipc[channel](event.senderFrame, input))
}

async function start(): Promise<void> {
  lockDown()
  const { handlers, ipc, configProblem } = await composeMain(effects, { dataDir: netmendDataDir(), pageUrl: pageUrl() })
  if (configProblem) dialog.showErrorBox('NetMend settings', `${configProblem.detail}\nNetMend uses its default settings instead.`)
  registerIpc(ipc)
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
