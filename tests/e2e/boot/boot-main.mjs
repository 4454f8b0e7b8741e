// Boots the built main bundle under the stand-in (`node --import ./register.mjs boot-main.mjs BUNDLE OUT`),
// waits until start-up has opened the main window, then tries the guards the app installed the way a
// hostile page would, and writes everything that happened to OUT as JSON. With a third argument
// `probe-refusals` it also tries to reach the network and start a process itself, to show that the
// refusals are real; with `background`, it closes and reopens the window with and without a watch.
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const [bundle, output, mode] = process.argv.slice(2)
const boot = globalThis.netmendBoot
const turn = () => new Promise((resolve) => setImmediate(resolve))
const STARTUP_DEADLINE_MS = 20_000

await import(pathToFileURL(bundle).href)
const startedAt = Date.now()
while (!boot.windows.some((window) => window.loaded.length > 0) && Date.now() - startedAt < STARTUP_DEADLINE_MS) await turn()
for (let i = 0; i < 5; i++) await turn()

const atLaunch = {
  calls: boot.calls.map(({ api, detail }) => ({ api, detail: JSON.parse(JSON.stringify(detail ?? null)) })),
  refused: [...boot.refused],
  errors: [...boot.errors],
  windows: boot.windows.map((window) => ({ options: JSON.parse(JSON.stringify(window.options)), loaded: [...window.loaded] })),
  ipcChannels: boot.ipcHandlers.map(({ channel }) => channel),
  menu: JSON.parse(JSON.stringify(boot.menu)),
}

const main = boot.windows[0]
const contents = main?.webContents
const pageUrl = main?.loaded[0]
const prevented = (event, url, ...rest) => {
  let wasPrevented = false
  contents.emit(event, { url, preventDefault: () => (wasPrevented = true) }, url, ...rest)
  return wasPrevented
}
const attacks = contents && {
  listeners: contents.eventNames(),
  windowOpen: contents.guards.windowOpen?.({ url: 'https://example.com/', frameName: '', features: '' })?.action ?? null,
  navigateAway: Object.fromEntries(['will-navigate', 'will-redirect', 'will-frame-navigate'].map((event) => [event, prevented(event, 'https://example.com/')])),
  navigateToOwnPage: prevented('will-navigate', pageUrl),
  attachWebview: prevented('will-attach-webview', undefined, {}, { src: 'https://example.com/' }),
  permissionRequest: boot.permissions.request ? await new Promise((resolve) => boot.permissions.request(contents, 'geolocation', resolve, {})) : null,
  permissionCheck: boot.permissions.check ? boot.permissions.check(contents, 'geolocation', 'https://example.com', {}) : null,
}

async function invoke(channel, senderUrl, input) {
  const entry = boot.ipcHandlers.find((handler) => handler.channel === channel)
  try {
    return { ok: true, value: await entry.handler({ senderFrame: { url: senderUrl, parent: null } }, input) }
  } catch (error) {
    return { ok: false, error: String(error?.message ?? error) }
  }
}
const ipc = pageUrl && {
  fromAnotherSite: await invoke('netmend:openHelp', 'https://example.com/', { topic: 'dns' }),
  badArgument: await invoke('netmend:openHelp', pageUrl, { topic: '../../../etc/passwd' }),
  openHelp: await invoke('netmend:openHelp', pageUrl, { topic: 'dns' }),
  language: await invoke('netmend:language', pageUrl, null),
}
// Closing the window writes down where it was, for the next start.
main?.emit('close', { preventDefault: () => undefined })

const helpWindows = boot.windows.slice(1).map((window) => ({ options: JSON.parse(JSON.stringify(window.options)), loaded: [...window.loaded] }))

// With a third argument `background`: closing and reopening the window, with and without a watch.
const background = mode === 'background' && main ? await (await import('./background-story.mjs')).playBackground((channel, input) => invoke(channel, pageUrl, input).then((result) => result.value ?? result)) : null

let probes = null
if (mode === 'probe-refusals') {
  const attempt = async (action) => {
    try {
      await action()
    } catch {
      // refused (or failed): the record says which
    }
  }
  const { execFile } = await import('node:child_process')
  const { connect } = await import('node:net')
  const dgram = await import('node:dgram')
  const { lookup } = await import('node:dns/promises')
  const { get } = await import('node:http')
  await attempt(() => execFile('true'))
  await attempt(() => connect(9, '127.0.0.1'))
  await attempt(() => dgram.createSocket('udp4').send('x', 9, '127.0.0.1'))
  await attempt(() => lookup('localhost'))
  await attempt(() => get('http://127.0.0.1:9/'))
  await attempt(() => fetch('http://127.0.0.1:9/'))
  probes = [...boot.refused]
}

writeFileSync(output, JSON.stringify({ atLaunch, attacks, ipc, helpWindows, refusedAfterwards: [...boot.refused], errorsAfterwards: [...boot.errors], probes, background }))
process.exit(0)
