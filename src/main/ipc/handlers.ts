import { randomUUID } from 'node:crypto'
import { OS_FIX_IDS, type ContractEvents, type ContractInput, type ContractOutput, type Channel, type EventName, type OsFixOutcome, type OsFixSupport, type StartupNotes, type WatchStatus } from '../../shared/contract'
import type { DnsSettingsErrorCode, DnsSettingsFailure } from '../../shared/errors'
import type { DiagnosisReport } from '../../shared/diagnosis'
import { failure, type Result } from '../../shared/result'
import { PRODUCT_NAME } from '../../shared/app-identity'
import type { Language } from '../../shared/language'
import { describeVerdict, DIAGNOSIS_TEXTS } from '../../shared/texts/diagnosis'
import { APP_FAILURE_TEXTS, describeAppFailure } from '../../shared/texts/app-failures'
import { WATCH_TEXTS } from '../../shared/texts/watch'
import type { EngineConfig } from '../engine/config'
import type { DiagnoseOptions } from '../engine/diagnose'
import { parseSiteTarget } from '../engine/target'
import { serversNamed } from '../dns-settings/server-choice'
import { usableIpFamilies, type NetworkInterfaceInfo } from '../platform/interfaces'
import type { HistoryStore } from '../history/history-store'
import type { ChannelHandler } from './guard'

/** The part of the DNS-settings service the window's fixes use. */
export interface DnsSettingsPort {
  show(): Promise<Result<{ netmendChanged: boolean }, DnsSettingsErrorCode>>
  use(servers: string[], options?: { signal?: AbortSignal }): Promise<Result<{ adapters: string[] }, DnsSettingsErrorCode>>
  confirm(): Promise<Result<object, DnsSettingsErrorCode>>
  revert(): Promise<Result<{ adapters: string[] }, DnsSettingsErrorCode>>
  /** Undoes only a switch nobody confirmed (the one before it stays), as after a crash. */
  recoverUnfinished(): Promise<Result<{ recovered: boolean }, DnsSettingsErrorCode>>
  flush(): Promise<Result<{ flushed: boolean; method: string }, DnsSettingsErrorCode>>
  /** The service's own answer, from the same test its changes act on (root; an elevated Windows process). */
  needsAdminPrompt(): Promise<boolean>
}

export interface MainDependencies {
  config: EngineConfig
  /** The operating system's language, as the platform side picked it: the window and notifications speak it. */
  language: Language
  diagnose: (options: DiagnoseOptions) => Promise<DiagnosisReport>
  emit: <E extends EventName>(event: E, payload: ContractEvents[E]) => void
  /** Null where this system cannot change DNS settings: every OS fix then says so. */
  dnsSettings: DnsSettingsPort | null
  listInterfaces: () => NetworkInterfaceInfo[]
  history: HistoryStore
  copyText: (text: string) => void
  saveText: (suggestedName: string, text: string) => Promise<{ saved: boolean; path?: string }>
  notify: (title: string, body: string) => void
  openHelp: (topic: ContractInput<'openHelp'>['topic']) => Promise<boolean>
  watchIntervalMs: number
  /** How long "Keep these settings?" waits before putting the old ones back. */
  confirmWindowMs: number
  /** What start-up found, for the window to say. */
  startupNotes: StartupNotes
}

/** A thrown error's message, for the technical detail of a failure (never the sentence people read). */
const errorDetail = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** The system's code for why a file could not be written ("ENOTDIR"), else the message. */
const systemCode = (error: unknown): string => (error as NodeJS.ErrnoException | null)?.code ?? errorDetail(error)

export type MainHandlers = { [C in Channel]: ChannelHandler<C> }

/** Every IPC channel's behaviour, free of Electron so the same code runs in tests and the browser bridge. */
export function createMainHandlers(deps: MainDependencies): MainHandlers & { dispose: () => Promise<void> } {
  let running: { runId: string; controller: AbortController } | null = null
  let watch: { timer: NodeJS.Timeout; controller: AbortController; status: WatchStatus } | null = null
  /** What the window last heard about watching (a site back, a watch that failed), for a window opened later. */
  let lastWatchEvent: ContractEvents['watchEvent'] = { watching: false, target: null }
  let pendingConfirmation: { timer: NodeJS.Timeout; deadline: number } | null = null

  const osFixFailure = (id: OsFixOutcome['id'], failed: DnsSettingsFailure): OsFixOutcome => ({ ...failed, id })
  const unsupported: DnsSettingsFailure = failure('dns-settings.unsupported', process.platform)

  const stopWatch = (): WatchStatus => {
    if (watch) {
      clearInterval(watch.timer)
      watch.controller.abort()
    }
    watch = null
    lastWatchEvent = { watching: false, target: null }
    return lastWatchEvent
  }

  const tellWatch = (event: ContractEvents['watchEvent']): void => {
    lastWatchEvent = event
    deps.emit('watchEvent', event)
  }

  const clearConfirmation = (): void => {
    if (pendingConfirmation) clearTimeout(pendingConfirmation.timer)
    pendingConfirmation = null
  }

  /** "Keep these settings?": unless confirmed by the deadline, only the unconfirmed switch is undone. */
  const armConfirmation = (settings: DnsSettingsPort, deadline: number): void => {
    const timer = setTimeout(() => {
      pendingConfirmation = null
      void settings
        .recoverUnfinished()
        .then((recovered) => deps.emit('dnsChangeReverted', recovered.ok ? { reason: 'not-confirmed' } : { reason: 'failed', failure: recovered }))
    }, Math.max(0, deadline - Date.now()))
    pendingConfirmation = { timer, deadline }
  }

  const handlers: MainHandlers = {
    diagnose: async ({ target: input }) => {
      if (running) return failure('diagnosis.busy', '')
      let target = null
      if (input !== null && input.trim() !== '') {
        const parsed = parseSiteTarget(input)
        if (!parsed.ok) return parsed
        target = parsed.target
      }
      const run = { runId: randomUUID(), controller: new AbortController() }
      running = run
      // 'finished' goes out only once the report is in the history, so the window can list it at once.
      void deps
        .diagnose({
          config: deps.config,
          target,
          signal: run.controller.signal,
          onEvent: (event) => event.type !== 'finished' && deps.emit('diagnosisEvent', { runId: run.runId, event }),
        })
        .then(async (report) => {
          // A history that cannot be written (full disk, read-only profile) must not keep the window waiting.
          if (!run.controller.signal.aborted) await deps.history.add(report).catch(() => undefined)
          deps.emit('diagnosisEvent', { runId: run.runId, event: { type: 'finished', report } })
        })
        // The engine failing is a bug, but the window must still hear that the run is over, in words.
        .catch((error: unknown) => deps.emit('diagnosisEvent', { runId: run.runId, event: { type: 'failed', failure: failure('diagnosis.failed', errorDetail(error)) } }))
        .finally(() => {
          if (running === run) running = null
        })
      return { ok: true, runId: run.runId }
    },

    cancel: async ({ runId }) => {
      if (running?.runId !== runId) return { cancelled: false }
      running.controller.abort()
      // A new diagnosis may start at once; the cancelled one's last events carry its old run id.
      running = null
      return { cancelled: true }
    },

    fixSupport: async () => {
      const settings = deps.dnsSettings
      const unavailable = (id: OsFixSupport['id']): OsFixSupport => ({ id, available: false, needsAdmin: false, reason: unsupported })
      if (!settings) return OS_FIX_IDS.map(unavailable)
      const shown = await settings.show()
      const changed = shown.ok && shown.netmendChanged
      const needsAdmin = await settings.needsAdminPrompt()
      return [
        { id: 'flush-dns-cache', available: true, needsAdmin },
        { id: 'switch-dns', available: shown.ok, needsAdmin, ...(shown.ok ? {} : { reason: shown }) },
        { id: 'revert-dns', available: changed, needsAdmin, ...(changed ? {} : { reason: shown.ok ? { code: 'nothing-to-revert' } : shown }) },
      ]
    },

    applyOsFix: async ({ id, resolver }) => {
      const settings = deps.dnsSettings
      if (!settings) return osFixFailure(id, unsupported)
      if (id === 'flush-dns-cache') {
        const flushed = await settings.flush()
        if (!flushed.ok) return osFixFailure(id, flushed)
        return { ok: true, id, outcome: flushed.flushed ? { code: 'flushed', method: flushed.method } : { code: 'nothing-to-flush' } }
      }
      if (id === 'revert-dns') {
        clearConfirmation()
        const reverted = await settings.revert()
        if (!reverted.ok) return osFixFailure(id, reverted)
        return { ok: true, id, outcome: reverted.adapters.length > 0 ? { code: 'reverted', adapters: reverted.adapters } : { code: 'nothing-to-revert' } }
      }
      // The window names a configured public resolver; an address or any other name is refused here too.
      const provider = resolver ?? deps.config.publicResolvers[0]!.name
      const servers = serversNamed(provider, deps.config.publicResolvers, usableIpFamilies(deps.listInterfaces()))
      if (servers === undefined) return osFixFailure(id, failure('dns-settings.unknown-resolver', provider))
      clearConfirmation()
      const switched = await settings.use(servers)
      if (!switched.ok) return osFixFailure(id, switched)
      const confirmBy = Date.now() + deps.confirmWindowMs
      armConfirmation(settings, confirmBy)
      return { ok: true, id, outcome: { code: 'switched', servers, adapters: switched.adapters }, confirmBy }
    },

    confirmDnsChange: async () => {
      const pending = pendingConfirmation
      if (!pending || !deps.dnsSettings) return { kept: false }
      clearConfirmation()
      const confirmed = await deps.dnsSettings.confirm()
      // Not kept after all: the countdown goes on, so the change still ends undone if nobody acts.
      if (!confirmed.ok) armConfirmation(deps.dnsSettings, pending.deadline)
      return { kept: confirmed.ok }
    },

    watchSite: async ({ target }) => {
      const parsed = parseSiteTarget(target)
      if (!parsed.ok) return stopWatch()
      stopWatch()
      const status: WatchStatus = { watching: true, target: parsed.target.displayName }
      const controller = new AbortController()
      let checking = false
      let notBefore = 0
      const check = async (): Promise<void> => {
        if (checking || running || Date.now() < notBefore) return
        checking = true
        try {
          const report = await deps.diagnose({ config: deps.config, target: parsed.target, signal: controller.signal })
          // A check still under way when its watch was stopped or replaced must not speak for the new one.
          if (watch !== mine) return
          // A site that asked to be left alone for a while (429 with Retry-After) is not asked again before then.
          const waitS = report.params.retryAfterSeconds
          notBefore = waitS === undefined ? 0 : Date.now() + waitS * 1000
          mine.status = { ...status, lastCheckedAt: new Date().toISOString(), lastVerdict: report.verdict.code }
          const back = report.verdict.code === 'ok'
          if (back) {
            stopWatch()
            deps.notify(WATCH_TEXTS[deps.language].back(parsed.target.displayName), describeVerdict(report, DIAGNOSIS_TEXTS[deps.language]).title)
          }
          tellWatch({ ...mine.status, ...(back ? { back: true, watching: false } : {}) })
        } catch (error) {
          if (watch !== mine) return
          // A watch that cannot check stops, and says so, rather than seeming to watch forever.
          stopWatch()
          const failed = failure('watch.failed', errorDetail(error))
          deps.notify(PRODUCT_NAME, describeAppFailure(failed, APP_FAILURE_TEXTS[deps.language], parsed.target.displayName))
          tellWatch({ ...mine.status, watching: false, failure: failed })
        } finally {
          checking = false
        }
      }
      const mine = { status, controller, timer: setInterval(() => void check(), deps.watchIntervalMs) }
      watch = mine
      void check()
      return status
    },

    stopWatching: async () => stopWatch(),
    copyText: async ({ text }) => {
      try {
        deps.copyText(text)
        return { copied: true }
      } catch {
        return { copied: false }
      }
    },
    saveText: async ({ suggestedName, text }): Promise<ContractOutput<'saveText'>> => {
      try {
        return await deps.saveText(suggestedName.replace(/[^\w.-]+/g, '-'), text)
      } catch (error) {
        return { saved: false, failure: failure('report.not-saved', systemCode(error)) }
      }
    },
    listHistory: () => deps.history.list(),
    deleteHistory: async ({ id }) => ({ remaining: await deps.history.remove(id) }),
    openHelp: async ({ topic }) => ({ opened: await deps.openHelp(topic) }),
    language: async () => ({ language: deps.language }),
    watchStatus: async () => (watch ? watch.status : lastWatchEvent),
    startupNotes: async () => deps.startupNotes,
  }

  return {
    ...handlers,
    // On quit, a change nobody confirmed is undone now rather than at the next start.
    dispose: async () => {
      running?.controller.abort()
      stopWatch()
      const unconfirmed = pendingConfirmation !== null
      clearConfirmation()
      if (unconfirmed) await deps.dnsSettings?.recoverUnfinished()
    },
  }
}

