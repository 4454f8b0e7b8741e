// The one contract between the window and the main process: every channel, its argument (validated at
// runtime in main) and its result type. The preload exposes exactly these names; main handles exactly these.
import type { DiagnosisEvent, DiagnosisReport, FixId } from './diagnosis'
import type { DnsOutcome } from './dns-outcome'
import type { ConfigErrorCode, DiagnoseErrorCode, DnsSettingsErrorCode, DnsSettingsFailure } from './errors'
import type { Language } from './language'
import type { Failure, Result } from './result'
import { v, type Infer, type Validator } from './validate'

export const RUN_ID = v.string(64)

/**
 * The window picks a public resolver by the name it is configured under (Google, Cloudflare, Quad9), never by
 * address: main maps the name to the configured addresses. A name starts with a letter and holds no dot or
 * colon, so no IP address passes.
 */
export const RESOLVER_NAME = v.matching(/^\p{L}[\p{L}\p{N} _-]{0,63}$/u, 'the name of a configured public resolver')

export const OS_FIX_IDS = ['flush-dns-cache', 'switch-dns', 'revert-dns'] as const
export type OsFixId = (typeof OS_FIX_IDS)[number]

export interface OsFixSupport {
  id: OsFixId
  available: boolean
  /** The OS will ask for an administrator password first. */
  needsAdmin: boolean
  /** Why it is not available. */
  reason?: DnsSettingsFailure | Extract<DnsOutcome, { code: 'nothing-to-revert' }>
}

export type OsFixOutcome = { ok: true; id: OsFixId; outcome: DnsOutcome; confirmBy?: number } | (DnsSettingsFailure & { id: OsFixId })

export interface HistoryEntry {
  id: string
  finishedAt: string
  report: DiagnosisReport
}

export interface WatchStatus {
  watching: boolean
  target: string | null
  lastCheckedAt?: string
  lastVerdict?: string
  /** Why the watch stopped by itself (it could not check the site). */
  failure?: Failure<'watch.failed'>
}

/** A run that ended without a report: the engine failed. Sent like its other events, so it ends the run in the window. */
export interface RunFailedEvent {
  type: 'failed'
  failure: Failure<'diagnosis.failed'>
}

/** What start-up had to tell before the window opened: a settings file it could not use, a DNS change it undid (or could not). */
export interface StartupNotes {
  settings: Failure<ConfigErrorCode> | null
  /** null when there was nothing unfinished (or this system cannot change DNS settings). */
  dnsRecovery: Result<{ recovered: true }, DnsSettingsErrorCode> | null
}

export type DiagnoseStarted = { ok: true; runId: string } | Failure<DiagnoseErrorCode>

/** Help pages shipped inside the app (docs/help/<topic>.md), readable without internet. */
export const HELP_TOPICS = ['clear-site-data', 'restart-router', 'dns'] as const
export type HelpTopic = (typeof HELP_TOPICS)[number]

const inputs = {
  diagnose: v.object({ target: v.nullable(v.string(2048)) }),
  cancel: v.object({ runId: RUN_ID }),
  fixSupport: v.nothing(),
  applyOsFix: v.object({ id: v.literal(...OS_FIX_IDS), resolver: v.nullable(RESOLVER_NAME) }),
  confirmDnsChange: v.nothing(),
  watchSite: v.object({ target: v.string(2048) }),
  stopWatching: v.nothing(),
  copyText: v.object({ text: v.string(100_000) }),
  saveText: v.object({ suggestedName: v.string(128), text: v.string(100_000) }),
  listHistory: v.nothing(),
  deleteHistory: v.object({ id: v.nullable(v.string(64)) }),
  openHelp: v.object({ topic: v.literal(...HELP_TOPICS) }),
  language: v.nothing(),
  watchStatus: v.nothing(),
  startupNotes: v.nothing(),
} satisfies Record<string, Validator<unknown>>

export interface ContractOutputs {
  diagnose: DiagnoseStarted
  cancel: { cancelled: boolean }
  fixSupport: OsFixSupport[]
  applyOsFix: OsFixOutcome
  confirmDnsChange: { kept: boolean }
  watchSite: WatchStatus
  stopWatching: WatchStatus
  copyText: { copied: boolean }
  saveText: { saved: boolean; path?: string; failure?: Failure<'report.not-saved'> }
  listHistory: HistoryEntry[]
  deleteHistory: { remaining: number }
  openHelp: { opened: boolean }
  /** The language the window speaks: the one main chose from the operating system's. */
  language: { language: Language }
  /** The watch going on now: a window opened again while NetMend kept watching shows it. */
  watchStatus: WatchStatus & { back?: boolean }
  startupNotes: StartupNotes
}

export const CONTRACT_INPUTS = inputs
export type Channel = keyof typeof inputs
export const CHANNELS = Object.keys(inputs) as Channel[]
export type ContractInput<C extends Channel> = Infer<(typeof inputs)[C]>
export type ContractOutput<C extends Channel> = ContractOutputs[C]

/** Events main pushes to the window. */
export interface ContractEvents {
  diagnosisEvent: { runId: string; event: DiagnosisEvent | RunFailedEvent }
  watchEvent: WatchStatus & { back?: boolean }
  /** A switch nobody confirmed in time was undone, or undoing it failed. */
  dnsChangeReverted: { reason: 'not-confirmed' } | { reason: 'failed'; failure: DnsSettingsFailure }
}
export type EventName = keyof ContractEvents
export const EVENT_NAMES: EventName[] = ['diagnosisEvent', 'watchEvent', 'dnsChangeReverted']

/** What the preload puts on `window.netmend`: one method per channel, one subscription per event. */
export type NetmendApi = { [C in Channel]: (input: ContractInput<C>) => Promise<ContractOutput<C>> } & {
  on: <E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void) => () => void
}

export const IPC_PREFIX = 'netmend:'
export type GuidedFixId = Exclude<FixId, OsFixId | 'retry' | 'watch-site' | 'contact-site-admin' | 'contact-isp'>
