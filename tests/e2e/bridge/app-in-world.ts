// Opens the built renderer in Debian's Chromium, wired to the main-process handlers running in a lab world.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { build } from 'esbuild'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll } from 'vitest'
import { IPC_PREFIX, type Channel } from '../../../src/shared/contract'
import { createWorld, type World, type WorldName } from '../../lab/lab'
import type { HostMessage, HostRequest } from './protocol'

const ROOT = process.cwd()
const RENDERER_DIR = resolve(ROOT, 'out/renderer')
const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' }

export interface AppInWorld {
  page: Page
  pageUrl: string
  dataDir: string
  /** What the fake clipboard and notification centre received. */
  inspect(): Promise<{ copied: string[]; notifications: { title: string; body: string }[]; adminPrompts: string[] }>
  close(): Promise<void>
}

export interface AppOptions {
  colorScheme?: 'light' | 'dark'
  viewport?: { width: number; height: number }
  env?: Record<string, string>
  /** Puts files into the app's data folder before its main process starts (a journal left by a crash). */
  prepareDataDir?: (dataDir: string) => void
}

function serveRenderer(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '')
    const file = resolve(RENDERER_DIR, path === '' ? 'index.html' : path)
    if (!file.startsWith(RENDERER_DIR)) return void response.writeHead(403).end()
    let body: Buffer
    try {
      body = readFileSync(file)
    } catch {
      return void response.writeHead(404).end()
    }
    response.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body)
  })
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)))
}

async function bundle(entry: string, outfile: string, format: 'esm' | 'iife', platform: 'node' | 'browser'): Promise<void> {
  // CommonJS packages (dns-packet) inside an ES module bundle need a require of their own.
  const banner = platform === 'node' ? { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } : undefined
  await build({ entryPoints: [entry], outfile, bundle: true, format, platform, target: platform === 'node' ? 'node20' : 'chrome120', logLevel: 'warning', banner })
}

type HostRequestWithoutId = HostRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never

class BridgeHost {
  private nextId = 1
  private readonly pending = new Map<number, { done: (value: unknown) => void; fail: (error: Error) => void }>()
  readonly ready: Promise<void>

  constructor(
    private readonly child: ChildProcess,
    onEvent: (event: string, payload: unknown) => void,
  ) {
    let markReady: () => void = () => undefined
    let markFailed: (error: Error) => void = () => undefined
    this.ready = new Promise((done, fail) => ((markReady = done), (markFailed = fail)))
    child.once('exit', (code) => {
      const error = new Error(`the bridge host exited (code ${code})`)
      markFailed(error)
      for (const waiter of this.pending.values()) waiter.fail(error)
      this.pending.clear()
    })
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as HostMessage
      if (message.type === 'ready') markReady()
      else if (message.type === 'event') onEvent(message.event, message.payload)
      else {
        const waiter = this.pending.get(message.id)
        this.pending.delete(message.id)
        if (message.error !== undefined) waiter?.fail(new Error(message.error))
        else waiter?.done(message.result)
      }
    })
  }

  request(request: HostRequestWithoutId): Promise<unknown> {
    const id = this.nextId++
    this.child.stdin!.write(`${JSON.stringify({ ...request, id })}\n`)
    return new Promise((done, fail) => this.pending.set(id, { done, fail }))
  }

  async stop(): Promise<void> {
    const exited = new Promise((done) => this.child.once('exit', done))
    this.child.stdin!.end()
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))])
    this.child.kill('SIGKILL')
  }
}

let browser: Browser | null = null

export async function closeBrowser(): Promise<void> {
  await browser?.close()
  browser = null
}

/** The app as a person sees it, with its main process living on the world's client machine. */
export async function openAppInWorld(world: World, options: AppOptions = {}): Promise<AppInWorld> {
  const work = mkdtempSync(join(tmpdir(), 'netmend-e2e-'))
  const dataDir = join(world.dir, `app-data-${Date.now()}`)
  options.prepareDataDir?.(dataDir)
  await Promise.all([
    bundle(resolve(ROOT, 'tests/e2e/bridge/host.ts'), join(work, 'host.mjs'), 'esm', 'node'),
    bundle(resolve(ROOT, 'tests/e2e/bridge/page-api.ts'), join(work, 'page-api.js'), 'iife', 'browser'),
  ])
  const server = await serveRenderer()
  const pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`

  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: options.viewport ?? { width: 1000, height: 900 } })
  const page = await context.newPage()

  const child = spawn('ip', ['netns', 'exec', world.clientNs, process.execPath, join(work, 'host.mjs'), world.configPath, pageUrl, dataDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
    // The stand-in main process speaks English unless a test gives it another system language.
    env: { ...process.env, LC_ALL: 'C.UTF-8', ...options.env },
  })
  const host = new BridgeHost(child, (event, payload) => {
    void page.evaluate(([channel, data]) => (globalThis as unknown as { __netmendDispatch: (c: string, p: unknown) => void }).__netmendDispatch(channel as string, data), [`${IPC_PREFIX}${event}`, payload] as const).catch(() => undefined)
  })
  await host.ready

  await page.exposeBinding('__netmendInvoke', async ({ frame }, ipcChannel: string, input: unknown) =>
    host.request({ type: 'invoke', channel: ipcChannel.slice(IPC_PREFIX.length) as Channel, input, frame: { url: frame.url(), parent: frame.parentFrame() ? {} : null } }),
  )
  await page.addInitScript({ path: join(work, 'page-api.js') })
  await page.goto(pageUrl)

  return {
    page,
    pageUrl,
    dataDir,
    inspect: () => host.request({ type: 'inspect' }) as ReturnType<AppInWorld['inspect']>,
    close: async () => {
      await context.close()
      await host.stop()
      await new Promise((done) => server.close(done))
      rmSync(work, { recursive: true, force: true })
    },
  }
}

/**
 * For a suite (call it inside its describe): opens the app in a fresh lab world each time, and once the suite's
 * tests are done closes every app, its world and the browser.
 */
export function appsInWorlds(): (name: WorldName, options?: AppOptions) => Promise<{ app: AppInWorld; world: World; page: Page }> {
  const opened: { app: AppInWorld; world: World }[] = []
  afterAll(async () => {
    for (const { app, world } of opened) {
      await app.close()
      await world.destroy()
    }
    await closeBrowser()
  })
  return async (name, options) => {
    const world = await createWorld(name)
    const app = await openAppInWorld(world, options)
    opened.push({ app, world })
    return { app, world, page: app.page }
  }
}
