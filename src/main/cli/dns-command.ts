// `netmend dns show|use|revert|flush`: the dns-settings service with words around it.
import type { DnsSettingsFailure, InputErrorCode } from '../../shared/errors'
import { describeDnsOutcome } from '../../shared/texts/dns-settings'
import type { Failure } from '../../shared/result'
import { loadConfig } from '../engine/config'
import { createDnsSettingsService, type AdapterDnsSettings, type DnsSettingsService, type DnsSource, type TransactionStep } from '../dns-settings'
import { resolveServerChoices } from '../dns-settings/server-choice'
import { recoverAtStart } from '../dns-settings/startup'
import { listActiveInterfaces, usableIpFamilies } from '../platform/interfaces'
import { isAdapterId } from '../dns-settings/validate'
import type { CliCommand } from './arguments'
import type { CliTexts } from './texts'
import { oneLine } from './one-line'

export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_BAD_INPUT = 2

type DnsCommand = Extract<CliCommand, { command: 'dns-show' | 'dns-use' | 'dns-revert' | 'dns-flush' }>

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
}

const TEST_PAUSE_VARIABLE = 'NETMEND_TEST_PAUSE_AT'

/**
 * TEST ONLY: with NETMEND_TEST_PAUSE_AT=<step> the CLI stops at that step of a change and waits to be
 * killed, so the lab tests can `kill -9` it mid-transaction. It announces itself on stderr.
 */
export function testPauseHook(env: NodeJS.ProcessEnv, err: (text: string) => void): ((step: TransactionStep) => Promise<void>) | undefined {
  const at = env[TEST_PAUSE_VARIABLE]
  if (at === undefined || at === '') return undefined
  return async (step) => {
    if (step !== at) return
    err(`netmend: test pause at ${step}\n`)
    await new Promise<never>(() => setInterval(() => undefined, 60_000))
  }
}

export function createCliDnsService(io: CliIo, env: NodeJS.ProcessEnv = process.env): DnsSettingsService {
  return createDnsSettingsService({ onStep: testPauseHook(env, io.err) })
}

export function badInputLine(error: Failure<InputErrorCode>, texts: CliTexts): string {
  return `netmend: ${oneLine(texts.inputErrors.input[error.code](error.detail))}\n`
}

const SAYS_ITSELF = new Set<DnsSettingsFailure['code']>([
  'dns-settings.rollback-failed',
  'dns-settings.verification-failed',
  'dns-settings.elevation-declined',
  'dns-settings.snapshot-failed',
  'dns-settings.unsafe-name',
  'dns-settings.refused',
  'dns-settings.aborted',
  'dns-settings.data-folder-unsafe',
  'dns-settings.data-folder-unwritable',
  'dns-settings.undone-not-noted',
  'dns-settings.journal-damaged',
  'dns-settings.original-damaged',
])

const explainInCli = (error: DnsSettingsFailure, texts: CliTexts): string => oneLine(texts.dnsErrors[error.code](error.detail))

function failed(io: CliIo, error: DnsSettingsFailure, texts: CliTexts): number {
  // Some reasons already say what happened to the settings; the rest get "left as they were".
  const tail = SAYS_ITSELF.has(error.code) ? '' : ` ${texts.cli.dns.leftAsItWas}`
  io.err(`netmend: ${explainInCli(error, texts)}${tail}\n`)
  return EXIT_FAILED
}

/** Start-up outcomes that say all there is to say about what an earlier run left. */
const SAYS_WHAT_WAS_LEFT = new Set<DnsSettingsFailure['code']>([
  'dns-settings.busy',
  'dns-settings.data-folder-unsafe',
  'dns-settings.data-folder-unwritable',
  'dns-settings.undone-not-noted',
  'dns-settings.journal-damaged',
  'dns-settings.original-damaged',
])
/** After these, the records are in order again: a command that changes settings may go on. */
const RECORDS_IN_ORDER = new Set<DnsSettingsFailure['code']>(['dns-settings.journal-damaged', 'dns-settings.original-damaged'])

/**
 * Every command starts by dealing with what an earlier run left, and says what it found: a change undone,
 * one still running in another NetMend, a damaged record, a folder it cannot use. False when a command
 * that changes settings must not go on.
 */
export async function recoverForCli(service: Pick<DnsSettingsService, 'recoverUnfinished'>, io: CliIo, texts: CliTexts): Promise<boolean> {
  const recovered = await recoverAtStart(service)
  if (recovered.ok) {
    if (recovered.recovered) io.err(`netmend: ${texts.dnsSettings.recovered}\n`)
    return true
  }
  const words = explainInCli(recovered, texts)
  io.err(`netmend: ${SAYS_WHAT_WAS_LEFT.has(recovered.code) ? words : texts.cli.dns.notRecovered(words)}\n`)
  return RECORDS_IN_ORDER.has(recovered.code)
}

function adapterLines(adapter: AdapterDnsSettings, T: CliTexts['cli']['dns']): string[] {
  const family = (label: string, servers: string[], source: DnsSource): string =>
    `    ${label}: ${servers.length > 0 ? servers.join(', ') : T.none} (${T.source[source]})`
  const lines = [`  ${adapter.name} [${adapter.id}]${adapter.virtual ? ` — ${T.vpn}` : ''}`]
  lines.push(family('IPv4', adapter.ipv4.servers, adapter.ipv4.source))
  if (adapter.ipv6.servers.length > 0 || adapter.ipv6.source !== adapter.ipv4.source) lines.push(family('IPv6', adapter.ipv6.servers, adapter.ipv6.source))
  return lines
}

/** Checks a dns command's input without touching anything; a failure means exit 2. */
export async function prepareDnsCommand(command: DnsCommand, env: NodeJS.ProcessEnv = process.env): Promise<{ ok: true; servers: string[] } | Failure<InputErrorCode>> {
  if (command.command !== 'dns-use') return { ok: true, servers: [] }
  const badAdapter = command.adapters.find((adapter) => !isAdapterId(adapter))
  if (badAdapter !== undefined) return { ok: false, code: 'dns.bad-adapter', detail: badAdapter }
  const loaded = await loadConfig(command.configPath, env)
  if (!loaded.ok) return loaded
  return resolveServerChoices(command.servers, loaded.config.publicResolvers, usableIpFamilies(listActiveInterfaces()))
}

export async function runDnsCommand(command: DnsCommand, servers: string[], service: DnsSettingsService, io: CliIo, texts: CliTexts): Promise<number> {
  const T = texts.cli.dns
  const inOrder = await recoverForCli(service, io, texts)
  // Showing and flushing go on whatever was found; a change waits until the records are in order.
  if (!inOrder && (command.command === 'dns-use' || command.command === 'dns-revert')) return EXIT_FAILED

  switch (command.command) {
    case 'dns-show': {
      const shown = await service.show()
      if (!shown.ok) return failed(io, shown, texts)
      if (command.json) {
        io.out(`${JSON.stringify({ adapters: shown.adapters, netmendChanged: shown.netmendChanged })}\n`)
        return EXIT_OK
      }
      const lines = [T.listTitle, ...shown.adapters.flatMap((adapter) => adapterLines(adapter, T)), '', shown.netmendChanged ? T.changedByNetMend : T.notChanged]
      io.out(`${lines.join('\n')}\n`)
      return EXIT_OK
    }
    case 'dns-use': {
      if (await service.needsAdminPrompt()) io.err(`netmend: ${T.adminNeeded}\n`)
      const switched = await service.use(servers, { adapters: command.adapters.length > 0 ? command.adapters : undefined })
      if (!switched.ok) return failed(io, switched, texts)
      // The command line has no countdown: the person asked for this switch, and it was verified.
      const kept = await service.confirm()
      if (!kept.ok) return failed(io, kept, texts)
      const answered = switched.verified.servers.map((check) => T.serverAnswered(check.address, check.latencyMs))
      const outcome = describeDnsOutcome({ code: 'switched', servers, adapters: switched.adapters }, texts.dnsSettings)
      io.out(`${outcome}\n${T.checked(answered)}\n${T.howToUndo}\n`)
      return EXIT_OK
    }
    case 'dns-revert': {
      const reverted = await service.revert()
      if (!reverted.ok) return failed(io, reverted, texts)
      io.out(`${describeDnsOutcome(reverted.adapters.length > 0 ? { code: 'reverted', adapters: reverted.adapters } : { code: 'nothing-to-revert' }, texts.dnsSettings)}\n`)
      return EXIT_OK
    }
    case 'dns-flush': {
      const flushed = await service.flush()
      if (!flushed.ok) return failed(io, flushed, texts)
      io.out(`${describeDnsOutcome(flushed.flushed ? { code: 'flushed', method: flushed.method } : { code: 'nothing-to-flush' }, texts.dnsSettings)}\n`)
      return EXIT_OK
    }
  }
}
