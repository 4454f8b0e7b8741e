// The one contract between the window and the main process: every channel, its argument (validated at
// runtime in main) and its result type. The preload exposes exactly these names; main handles exactly these.
import type { DiagnosisEvent, DiagnosisReport, FixId } from './diagnosis'
import type { Failure } from './result'
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
  /** Why it is not available, for people. */
  reason?: string
}

export type OsFixOutcome =
  | { ok: true; id: OsFixId; message: string; confirmBy?: number }
  | (Failure & { id: OsFixId; message: string })

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
}

export type DiagnoseStarted = { ok: true; runId: string } | Failure

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
  saveText: { saved: boolean; path?: string }
  listHistory: HistoryEntry[]
  deleteHistory: { remaining: number }
  openHelp: { opened: boolean }
}

export const CONTRACT_INPUTS = inputs
export type Channel = keyof typeof inputs
export const CHANNELS = Object.keys(inputs) as Channel[]
export type ContractInput<C extends Channel> = Infer<(typeof inputs)[C]>
export type ContractOutput<C extends Channel> = ContractOutputs[C]

/** Events main pushes to the window. */
export interface ContractEvents {
  diagnosisEvent: { runId: string; event: DiagnosisEvent }
  watchEvent: WatchStatus & { back?: boolean }
  dnsChangeReverted: { reason: 'not-confirmed' | 'failed'; message: string }
}
export type EventName = keyof ContractEvents
export const EVENT_NAMES: EventName[] = ['diagnosisEvent', 'watchEvent', 'dnsChangeReverted']

/** What the preload puts on `window.netmend`: one method per channel, one subscription per event. */
export type NetmendApi = { [C in Channel]: (input: ContractInput<C>) => Promise<ContractOutput<C>> } & {
  on: <E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void) => () => void
}

export const IPC_PREFIX = 'netmend:'
export type GuidedFixId = Exclude<FixId, OsFixId | 'retry' | 'watch-site' | 'contact-site-admin' | 'contact-isp'>
