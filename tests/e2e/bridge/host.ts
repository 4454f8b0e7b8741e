// The main process, minus Electron: the very same IPC handlers and guard, driven over stdin/stdout by the
// end-to-end tests. It runs inside a lab world's client namespace, so the real engine sees that world.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { CHANNELS, type Channel } from '../../../src/shared/contract'
import { loadConfigFile } from '../../../src/main/engine/config'
import { diagnose } from '../../../src/main/engine/diagnose'
import { createDnsSettingsService } from '../../../src/main/dns-settings'
import { createHistoryStore } from '../../../src/main/history/history-store'
import { guardHandler, type SenderFrame } from '../../../src/main/ipc/guard'
import { createMainHandlers } from '../../../src/main/ipc/handlers'
import { listActiveInterfaces } from '../../../src/main/platform/interfaces'
import type { HostMessage, HostRequest } from './protocol'

const [configPath, pageUrl, dataDir] = process.argv.slice(2) as [string, string, string]
const send = (message: HostMessage): void => void process.stdout.write(`${JSON.stringify(message)}\n`)

const loaded = await loadConfigFile(configPath)
if (!loaded.ok) throw new Error(loaded.detail)
const dnsSettings = process.env.NETMEND_BRIDGE_DNS === 'off' ? null : createDnsSettingsService({ dataDir })
await dnsSettings?.recoverUnfinished()
const copied: string[] = []
const notifications: { title: string; body: string }[] = []
const handlers = createMainHandlers({
  config: loaded.config,
  diagnose,
  emit: (event, payload) => send({ type: 'event', event, payload }),
  dnsSettings,
  listInterfaces: () => listActiveInterfaces(),
  history: createHistoryStore(dataDir),
  copyText: (text) => void copied.push(text),
  saveText: async (suggestedName, text) => {
    const path = join(dataDir, suggestedName)
    writeFileSync(path, text)
    return { saved: true, path }
  },
  notify: (title, body) => void notifications.push({ title, body }),
  openHelp: async () => true,
  watchIntervalMs: Number(process.env.NETMEND_BRIDGE_WATCH_MS ?? 1000),
  confirmWindowMs: Number(process.env.NETMEND_BRIDGE_CONFIRM_MS ?? 20_000),
})
const guarded = Object.fromEntries(CHANNELS.map((channel) => [channel, guardHandler(channel, handlers[channel] as never, pageUrl)])) as Record<
  Channel,
  (frame: SenderFrame, input: unknown) => Promise<unknown>
>

createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line) as HostRequest
  if (request.type === 'inspect') return send({ type: 'reply', id: request.id, result: { copied, notifications } })
  guarded[request.channel](request.frame, request.input).then(
    (result) => send({ type: 'reply', id: request.id, result }),
    (error: Error) => send({ type: 'reply', id: request.id, error: error.message }),
  )
})
process.stdin.on('end', () => void handlers.dispose().finally(() => process.exit(0)))
send({ type: 'ready' })
