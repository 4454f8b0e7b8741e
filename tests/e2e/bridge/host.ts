// The main process, minus Electron: the app's own composition root (composeMain) with recording stand-ins
// for the platform's effects, driven over stdin/stdout by the end-to-end tests. It runs inside a lab
// world's client namespace, so the real engine sees that world.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { composeMain, type PlatformEffects } from '../../../src/main/compose/compose-main'
import { diagnose } from '../../../src/main/engine/diagnose'
import { languageFromEnvironment } from '../../../src/shared/language'
import type { HostMessage, HostRequest } from './protocol'
import { standInEngine } from './stand-in-engines'

const [configPath, pageUrl, dataDir] = process.argv.slice(2) as [string, string, string]
const send = (message: HostMessage): void => void process.stdout.write(`${JSON.stringify(message)}\n`)

const copied: string[] = []
const notifications: { title: string; body: string }[] = []
const adminPrompts: string[] = []
const effects: PlatformEffects = {
  // This stand-in's operating system language is its environment's (LANG and friends).
  language: languageFromEnvironment(process.env),
  emit: (event, payload) => send({ type: 'event', event, payload }),
  copyText: (text) => void copied.push(text),
  // NETMEND_BRIDGE_SAVE_DIR plays the folder the person picked in the save dialog.
  saveText: async (suggestedName, text) => {
    const path = join(process.env.NETMEND_BRIDGE_SAVE_DIR ?? dataDir, suggestedName)
    writeFileSync(path, text)
    return { saved: true, path }
  },
  notify: (title, body) => void notifications.push({ title, body }),
  openHelp: async () => true,
  // No password prompt can be answered here: one that appears is recorded and declined.
  adminPrompt: async (script) => (adminPrompts.push(script), { ok: false, reason: 'declined', detail: 'the test bridge declines every admin prompt' }),
}

// NETMEND_BRIDGE_CONFIG names another settings file (one that is broken, to see the window say so).
const settingsOverride = process.env.NETMEND_BRIDGE_CONFIG
const { handlers, ipc, configProblem } = await composeMain(effects, { dataDir, pageUrl }, {
  configPath: settingsOverride ?? configPath,
  dnsSettings: process.env.NETMEND_BRIDGE_DNS === 'off' ? false : undefined,
  diagnose: standInEngine(process.env.NETMEND_BRIDGE_ENGINE, diagnose),
  watchIntervalMs: Number(process.env.NETMEND_BRIDGE_WATCH_MS ?? 1000),
  confirmWindowMs: Number(process.env.NETMEND_BRIDGE_CONFIRM_MS ?? 20_000),
})
// The world's own settings must work: the engine falling back to the defaults would ask real public servers.
if (configProblem && !settingsOverride) throw new Error(configProblem.detail)

createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line) as HostRequest
  if (request.type === 'inspect') return send({ type: 'reply', id: request.id, result: { copied, notifications, adminPrompts } })
  ipc[request.channel](request.frame, request.input).then(
    (result) => send({ type: 'reply', id: request.id, result }),
    (error: Error) => send({ type: 'reply', id: request.id, error: error.message }),
  )
})
process.stdin.on('end', () => void handlers.dispose().finally(() => process.exit(0)))
send({ type: 'ready' })
