// A recording stand-in for the `electron` module, for booting the built main bundle on plain Node (no
// Electron binary runs on our machines). It does nothing real: it writes down every call in order, so the
// boot test can read what the app did at launch. `globalThis.netmendBoot` (set by register.mjs) holds the
// record; NETMEND_BOOT_PACKAGED=1 plays an installed app, NETMEND_BOOT_LANGUAGES=fr-FR,de-DE a system's languages.
import { EventEmitter } from 'node:events'
import { join } from 'node:path'

const boot = globalThis.netmendBoot
const record = (api, detail) => boot.calls.push(detail === undefined ? { api } : { api, detail })

/** Any other Electron API: calls are recorded and do nothing. */
const recorder = (name) =>
  new Proxy({}, { get: (_target, method) => (typeof method === 'string' ? (...args) => record(`${name}.${method}`, args.length ? args : undefined) : undefined) })

class RecordingEmitter extends EventEmitter {
  constructor(name) {
    super()
    this.recordedName = name
  }
  // once() goes through on() too.
  on(event, listener) {
    record(`${this.recordedName}.on`, event)
    return super.on(event, listener)
  }
}

class App extends RecordingEmitter {
  isPackaged = process.env.NETMEND_BOOT_PACKAGED === '1'
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock')
    return true
  }
  whenReady() {
    record('app.whenReady')
    return Promise.resolve()
  }
  setAppUserModelId(id) {
    record('app.setAppUserModelId', id)
  }
  getPath(name) {
    return join(boot.home, name)
  }
  getAppPath() {
    return process.cwd()
  }
  getPreferredSystemLanguages() {
    return (process.env.NETMEND_BOOT_LANGUAGES || 'en-US').split(',')
  }
  getLocale() {
    return this.getPreferredSystemLanguages()[0]
  }
  getName() {
    return 'NetMend'
  }
  getVersion() {
    return '0.0.0-boot'
  }
  quit() {
    record('app.quit')
  }
}
export const app = new App('app')

class WebContents extends RecordingEmitter {
  constructor() {
    super('webContents')
    this.guards = { windowOpen: null }
  }
  setWindowOpenHandler(handler) {
    record('webContents.setWindowOpenHandler')
    this.guards.windowOpen = handler
  }
  send(channel) {
    record('webContents.send', channel)
  }
}

export class BrowserWindow extends RecordingEmitter {
  static windows = []
  static getAllWindows() {
    return BrowserWindow.windows
  }
  constructor(options = {}) {
    super('BrowserWindow')
    record('BrowserWindow.new', options)
    this.options = options
    this.loaded = []
    this.webContents = new WebContents()
    BrowserWindow.windows.push(this)
    boot.windows.push(this)
    app.emit('web-contents-created', {}, this.webContents)
  }
  loadURL(url) {
    record('BrowserWindow.loadURL', url)
    this.loaded.push(url)
    return Promise.resolve()
  }
  loadFile(file, options) {
    record('BrowserWindow.loadFile', [file, options])
    this.loaded.push(`file:${file}`)
    return Promise.resolve()
  }
  show() {}
  focus() {}
  maximize() {}
  restore() {}
  isMaximized() {
    return false
  }
  isMinimized() {
    return false
  }
  getNormalBounds() {
    return { x: this.options.x ?? 0, y: this.options.y ?? 0, width: this.options.width ?? 800, height: this.options.height ?? 600 }
  }
}

export const ipcMain = {
  handle(channel, handler) {
    record('ipcMain.handle', channel)
    boot.ipcHandlers.push({ channel, handler })
  },
  on(channel) {
    record('ipcMain.on', channel)
  },
}

export const Menu = {
  buildFromTemplate(template) {
    record('Menu.buildFromTemplate')
    return { template }
  },
  setApplicationMenu(menu) {
    record('Menu.setApplicationMenu')
    boot.menu = { set: true, template: menu?.template ?? null }
  },
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      record('session.setPermissionRequestHandler')
      boot.permissions.request = handler
    },
    setPermissionCheckHandler(handler) {
      record('session.setPermissionCheckHandler')
      boot.permissions.check = handler
    },
  },
}

export const screen = {
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
}

export class Notification extends RecordingEmitter {
  constructor(options) {
    super('Notification')
    record('Notification.new', options)
    this.options = options
    boot.notifications.push(this)
  }
  show() {
    record('Notification.show')
  }
}

export class Tray extends RecordingEmitter {
  constructor(image) {
    super('Tray')
    record('Tray.new', image)
    this.image = image
    this.menu = null
    this.destroyed = false
    boot.trays.push(this)
  }
  setToolTip(text) {
    record('Tray.setToolTip', text)
    this.toolTip = text
  }
  setContextMenu(menu) {
    record('Tray.setContextMenu')
    this.menu = menu
  }
  destroy() {
    record('Tray.destroy')
    this.destroyed = true
  }
}

// Opening a browser or a file manager starts a process: refused like every other process.
export const shell = new Proxy({}, { get: (_target, method) => () => boot.refuse(`shell.${String(method)}`) })
// Electron's own network stack and updater would reach the internet.
export const net = new Proxy({}, { get: (_target, method) => () => boot.refuse(`electron.net.${String(method)}`) })
export const autoUpdater = new Proxy({}, { get: (_target, method) => () => boot.refuse(`autoUpdater.${String(method)}`) })

export const clipboard = recorder('clipboard')
export const dialog = recorder('dialog')
export const nativeTheme = recorder('nativeTheme')
export const powerMonitor = recorder('powerMonitor')
export const protocol = recorder('protocol')
export const globalShortcut = recorder('globalShortcut')
export const systemPreferences = recorder('systemPreferences')
export const contextBridge = recorder('contextBridge')
export const ipcRenderer = recorder('ipcRenderer')

export default { app, BrowserWindow, ipcMain, Menu, session, screen, Notification, Tray, shell, net, autoUpdater, clipboard, dialog, nativeTheme, powerMonitor, protocol, globalShortcut, systemPreferences, contextBridge, ipcRenderer }
