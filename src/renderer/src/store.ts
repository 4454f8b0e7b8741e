// The window's whole state and every action, in one zustand store. It is built around whatever
// NetmendApi it is given (the preload's in the app, a test bridge or a fake elsewhere) and never
// touches `window` itself.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ContractEvents, HelpTopic, HistoryEntry, NetmendApi, OsFixId, OsFixSupport, RunFailedEvent, StartupNotes, WatchStatus } from '../../shared/contract'
import { CHECK_IDS, type CheckId, type CheckReport, type CheckStatus, type DiagnosisEvent, type DiagnosisReport, type FixId } from '../../shared/diagnosis'
import { buildReport, type ReportKind } from '../../shared/reports'
import { describeAppFailure } from '../../shared/texts/app-failures'
import { describeDnsFailure, describeDnsOutcome } from '../../shared/texts/dns-settings'
import { describeDiagnoseError } from '../../shared/texts/input-errors'
import { durationText } from '../../shared/texts/shape'
import { sameSite, siteLabel } from './format'
import type { RendererTexts } from './texts'

export type RowStatus = 'pending' | 'running' | 'cancelled' | CheckStatus

export interface CheckRow {
  id: CheckId
  status: RowStatus
  report?: CheckReport
}

export type RunPhase = 'idle' | 'starting' | 'running' | 'cancelling'

export type Tone = 'ok' | 'info' | 'problem'
export interface Message {
  tone: Tone
  text: string
}

export interface NetmendState {
  address: string
  /** Why the address can't be used, as main said it (one sentence for people). */
  addressError: string | null
  phase: RunPhase
  runId: string | null
  /** What the current or last run was asked to check, as typed. */
  runTarget: string | null
  rows: Record<CheckId, CheckRow>
  report: DiagnosisReport | null
  /** How the last run ended when it did not produce a report. */
  runMessage: Message | null
  /** The latest progress sentence, for the polite live region. */
  progress: string

  fixSupport: Partial<Record<OsFixId, OsFixSupport>> | null
  fixSupportFailed: boolean
  osFixBusy: OsFixId | null
  fixMessages: Partial<Record<FixId, Message>>
  /** Epoch ms by which a DNS switch must be kept, or it is undone by main. */
  dnsConfirmBy: number | null
  /** NetMend switched DNS in this session and the change was kept. */
  dnsSwitched: boolean
  dnsNotice: Message | null

  watch: (WatchStatus & { back?: boolean }) | null

  history: HistoryEntry[]
  historyState: 'unloaded' | 'loaded' | 'failed'
  historyOpen: boolean
  historyMessage: string | null
  /** The past diagnosis shown read-only instead of the current one. */
  viewingId: string | null
  /** What start-up found (a settings file it could not use, a DNS change it undid); null once dismissed. */
  startupNotes: StartupNotes | null
}

export interface NetmendActions {
  /** Subscribes to main's events and loads what the window needs; returns the unsubscribe. */
  start: () => () => void
  setAddress: (text: string) => void
  diagnose: (target?: string | null) => Promise<void>
  checkAgain: () => Promise<void>
  cancel: () => Promise<void>
  /** Resolves with what happened, or null when another OS fix is still running. */
  applyOsFix: (id: OsFixId) => Promise<Message | null>
  keepDns: () => Promise<void>
  undoDns: () => Promise<void>
  watchSite: () => Promise<void>
  stopWatching: () => Promise<void>
  dismissWatch: () => void
  /** `text`: the exact preview shown; built afresh when not given. */
  copyReport: (kind: ReportKind, text?: string) => Promise<void>
  saveReport: (kind: ReportKind, text?: string) => Promise<void>
  openHelp: (topic: HelpTopic, fix: FixId) => Promise<void>
  setHistoryOpen: (open: boolean) => void
  loadHistory: () => Promise<void>
  deleteHistory: (id: string | null) => Promise<void>
  viewHistory: (id: string) => void
  closeHistoryView: () => void
  dismissStartupNotes: () => void
}

export type NetmendStore = StoreApi<NetmendState & NetmendActions>


const REPORT_FIX: Record<ReportKind, FixId> = { 'site-admin': 'contact-site-admin', isp: 'contact-isp' }

export const emptyRows = (): Record<CheckId, CheckRow> =>
  Object.fromEntries(CHECK_IDS.map((id) => [id, { id, status: 'pending' }])) as Record<CheckId, CheckRow>

export const rowsOfReport = (report: DiagnosisReport): Record<CheckId, CheckRow> => {
  const rows = emptyRows()
  for (const check of report.checks) rows[check.id] = { id: check.id, status: check.status, report: check }
  return rows
}

/** The rows of a run that ended early: what had not finished is marked stopped. */
const stoppedRows = (rows: Record<CheckId, CheckRow>): Record<CheckId, CheckRow> =>
  Object.fromEntries(
    Object.values(rows).map((row) => [row.id, row.status === 'pending' || row.status === 'running' ? { ...row, status: 'cancelled' as const } : row]),
  ) as Record<CheckId, CheckRow>

const doneCount = (rows: Record<CheckId, CheckRow>): number =>
  Object.values(rows).filter((row) => row.status !== 'pending' && row.status !== 'running').length

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Why an OS fix can't be used now, in words. */
export const unavailableReason = (reason: NonNullable<OsFixSupport['reason']>, texts: RendererTexts): string =>
  'ok' in reason ? describeDnsFailure(reason, texts.dnsSettings) : describeDnsOutcome(reason, texts.dnsSettings)

/** The report on screen: a past one being viewed, or the current run's. */
export function shownReport(state: NetmendState): DiagnosisReport | null {
  if (state.viewingId) return state.history.find((entry) => entry.id === state.viewingId)?.report ?? null
  return state.report
}

export function reportFileName(kind: ReportKind, report: DiagnosisReport, texts: RendererTexts, now = new Date()): string {
  const site = report.target ? siteLabel(report.target).replace(/[^a-z0-9.-]+/gi, '-') : 'connection'
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, '-')
  return `netmend-${site}-${texts.report.fileName[kind]}-${stamp}.txt`.slice(0, 120)
}

/** `texts`: everything the store says, in the language main chose. */
export function createNetmendStore(api: NetmendApi, texts: RendererTexts): NetmendStore {
  const { run: RUN, fixList: FIX_LIST, dns: DNS, history: HISTORY, report: REPORT } = texts
  // Events held back: for a run whose id main has not told us yet (they can overtake the answer to
  // `diagnose`), and while a cancel is on its way (kept only if main says the run was already over).
  let held: ContractEvents['diagnosisEvent'][] = []
  let cancelWanted = false

  return createStore<NetmendState & NetmendActions>()((set, get) => {
    const progressText = (rows: Record<CheckId, CheckRow>): string => {
      const target = get().runTarget
      const done = doneCount(rows)
      return target ? RUN.checkingSite(siteLabel(target), done, CHECK_IDS.length) : RUN.checkingConnection(done, CHECK_IDS.length)
    }

    const setFixMessage = (id: FixId, message: Message | null): void =>
      set((state) => {
        const fixMessages = { ...state.fixMessages }
        if (message) fixMessages[id] = message
        else delete fixMessages[id]
        return { fixMessages }
      })

    const applyEvent = (event: DiagnosisEvent | RunFailedEvent): void => {
      const state = get()
      if (event.type === 'failed') {
        cancelWanted = false
        set({
          rows: stoppedRows(state.rows),
          phase: 'idle',
          runId: null,
          progress: texts.runFailed,
          runMessage: { tone: 'problem', text: describeAppFailure(event.failure, texts.appFailures) },
        })
      } else if (event.type === 'check-started') {
        const rows = { ...state.rows, [event.id]: { ...state.rows[event.id], status: 'running' as const } }
        set({ rows })
      } else if (event.type === 'check-finished') {
        const check = event.check
        const rows = { ...state.rows, [check.id]: { id: check.id, status: check.status, report: check } }
        set({ rows, progress: progressText(rows) })
      } else {
        const report = event.report
        cancelWanted = false
        set({
          report,
          rows: rowsOfReport(report),
          phase: 'idle',
          runId: null,
          progress: RUN.finished(durationText(report.durationMs, texts.locale)),
          runMessage: null,
        })
        // Main sends 'finished' once the report is in the history.
        void get().loadHistory()
      }
    }

    const onDiagnosisEvent = (payload: ContractEvents['diagnosisEvent']): void => {
      const { phase, runId } = get()
      if (phase === 'starting' || (phase === 'cancelling' && (runId === null || payload.runId === runId))) held.push(payload)
      else if (runId !== null && payload.runId === runId) applyEvent(payload.event)
    }

    /** Asks main to stop the run; if it had already finished, what it sent meanwhile is shown after all. */
    const stopRun = async (runId: string): Promise<void> => {
      let cancelled = true
      try {
        cancelled = (await api.cancel({ runId })).cancelled
      } catch {
        // Either way this window stops listening to that run.
      }
      if (get().runId !== runId) return
      const pending = held.filter((payload) => payload.runId === runId)
      held = []
      if (!cancelled) {
        set({ phase: 'running' })
        for (const payload of pending) if (get().runId === runId) applyEvent(payload.event)
        return
      }
      set({ rows: stoppedRows(get().rows), phase: 'idle', runId: null, progress: RUN.cancelled })
    }

    const onWatchEvent = (payload: ContractEvents['watchEvent']): void => set({ watch: payload })

    const onDnsReverted = (payload: ContractEvents['dnsChangeReverted']): void => {
      set({
        dnsConfirmBy: null,
        dnsSwitched: false,
        dnsNotice:
          payload.reason === 'failed'
            ? { tone: 'problem', text: DNS.autoRevertFailed(describeDnsFailure(payload.failure, texts.dnsSettings)) }
            : { tone: 'info', text: DNS.revertedUnconfirmed },
      })
      setFixMessage('switch-dns', null)
      void loadFixSupport()
    }

    /** A window opened while NetMend went on watching shows that watch; and what start-up had to say. */
    const loadWhatMainKnows = async (): Promise<void> => {
      try {
        const [watch, startupNotes] = await Promise.all([api.watchStatus(null), api.startupNotes(null)])
        const worthSaying = startupNotes.settings !== null || startupNotes.dnsRecovery !== null
        set({ startupNotes: worthSaying ? startupNotes : null, ...(get().watch === null && (watch.watching || watch.back || watch.failure) ? { watch } : {}) })
      } catch {
        // Nothing to add: the window works without it.
      }
    }

    const loadFixSupport = async (): Promise<void> => {
      try {
        const list = await api.fixSupport(null)
        set({ fixSupport: Object.fromEntries(list.map((support) => [support.id, support])), fixSupportFailed: false })
      } catch {
        set({ fixSupport: {}, fixSupportFailed: true })
      }
    }

    const withReport = (kind: ReportKind): DiagnosisReport | null => {
      const report = shownReport(get())
      if (!report) setFixMessage(REPORT_FIX[kind], { tone: 'problem', text: FIX_LIST.noReport })
      return report
    }

    return {
      address: '',
      addressError: null,
      phase: 'idle',
      runId: null,
      runTarget: null,
      rows: emptyRows(),
      report: null,
      runMessage: null,
      progress: RUN.idle,
      fixSupport: null,
      fixSupportFailed: false,
      osFixBusy: null,
      fixMessages: {},
      dnsConfirmBy: null,
      dnsSwitched: false,
      dnsNotice: null,
      watch: null,
      history: [],
      historyState: 'unloaded',
      historyOpen: false,
      historyMessage: null,
      viewingId: null,
      startupNotes: null,

      start: () => {
        const unsubscribe = [api.on('diagnosisEvent', onDiagnosisEvent), api.on('watchEvent', onWatchEvent), api.on('dnsChangeReverted', onDnsReverted)]
        void loadFixSupport()
        void loadWhatMainKnows()
        void get().loadHistory()
        return () => unsubscribe.forEach((off) => off())
      },

      setAddress: (text) => set({ address: text, addressError: null }),

      diagnose: async (targetOverride) => {
        if (get().phase !== 'idle') return
        const typed = targetOverride === undefined ? get().address : targetOverride
        const target = typed && typed.trim() !== '' ? typed.trim() : null
        held = []
        cancelWanted = false
        const rows = emptyRows()
        set({
          phase: 'starting',
          runId: null,
          runTarget: target,
          rows,
          report: null,
          runMessage: null,
          addressError: null,
          viewingId: null,
          fixMessages: {},
          progress: RUN.starting,
        })
        let started: Awaited<ReturnType<NetmendApi['diagnose']>>
        try {
          started = await api.diagnose({ target })
        } catch (error) {
          set({ phase: 'idle', progress: RUN.couldNotStart, runMessage: { tone: 'problem', text: RUN.failedUnexpectedly(describe(error)) } })
          return
        }
        if (!started.ok) {
          // An address main can't use is said next to the field; a run already going, under the button.
          const isTarget = started.code !== 'diagnosis.busy'
          const text = describeDiagnoseError(started.code, started.detail, texts.inputErrors)
          cancelWanted = false
          held = []
          set({
            phase: 'idle',
            progress: RUN.couldNotStart,
            addressError: isTarget ? text : null,
            runMessage: isTarget ? null : { tone: 'problem', text },
          })
          return
        }
        const runId = started.runId
        const buffered = held.filter((payload) => payload.runId === runId)
        held = []
        if (cancelWanted) {
          cancelWanted = false
          held = buffered
          set({ runId })
          await stopRun(runId)
          return
        }
        set({ runId, phase: 'running', progress: progressText(get().rows) })
        for (const payload of buffered) if (get().runId === runId) applyEvent(payload.event)
      },

      checkAgain: async () => {
        const { runTarget, report } = get()
        await get().diagnose(runTarget ?? report?.target ?? null)
      },

      cancel: async () => {
        const { phase, runId } = get()
        if (phase === 'starting') {
          cancelWanted = true
          set({ phase: 'cancelling' })
          return
        }
        if (phase !== 'running' || runId === null) return
        held = []
        set({ phase: 'cancelling' })
        await stopRun(runId)
      },

      applyOsFix: async (id) => {
        if (get().osFixBusy) return null
        set({ osFixBusy: id, dnsNotice: null })
        setFixMessage(id, { tone: 'info', text: FIX_LIST.working })
        let message: Message
        try {
          const outcome = await api.applyOsFix({ id, resolver: null })
          message = outcome.ok
            ? { tone: 'ok', text: describeDnsOutcome(outcome.outcome, texts.dnsSettings) }
            : { tone: 'problem', text: describeDnsFailure(outcome, texts.dnsSettings) }
          if (outcome.ok && id === 'switch-dns') set({ dnsConfirmBy: outcome.confirmBy ?? null, dnsSwitched: outcome.confirmBy === undefined })
          if (outcome.ok && id === 'revert-dns') {
            set({ dnsConfirmBy: null, dnsSwitched: false })
            setFixMessage('switch-dns', null)
          }
        } catch (error) {
          message = { tone: 'problem', text: FIX_LIST.unexpected(describe(error)) }
        }
        setFixMessage(id, message)
        set({ osFixBusy: null })
        // What can be undone changed with it (main offers "revert" only once it has changed something).
        void loadFixSupport()
        return message
      },

      keepDns: async () => {
        try {
          const { kept } = await api.confirmDnsChange(null)
          set({ dnsConfirmBy: null, dnsSwitched: kept, dnsNotice: { tone: kept ? 'ok' : 'info', text: kept ? DNS.kept : DNS.revertedUnconfirmed } })
          void loadFixSupport()
        } catch (error) {
          set({ dnsNotice: { tone: 'problem', text: FIX_LIST.unexpected(describe(error)) } })
        }
      },

      undoDns: async () => {
        // Answered next to the prompt (or note) the person used, not only in the fix list.
        const message = await get().applyOsFix('revert-dns')
        if (message) set({ dnsNotice: message })
      },

      watchSite: async () => {
        const state = get()
        const report = shownReport(state)
        if (!report?.target) {
          setFixMessage('watch-site', { tone: 'problem', text: FIX_LIST.noSite })
          return
        }
        // What the person typed reads best in the notification ("bücher.de", not its punycode).
        const target = !state.viewingId && state.runTarget && sameSite(state.runTarget, report.target) ? state.runTarget : report.target
        try {
          set({ watch: await api.watchSite({ target }) })
          setFixMessage('watch-site', null)
        } catch (error) {
          setFixMessage('watch-site', { tone: 'problem', text: FIX_LIST.unexpected(describe(error)) })
        }
      },

      stopWatching: async () => {
        try {
          set({ watch: await api.stopWatching(null) })
        } catch (error) {
          setFixMessage('watch-site', { tone: 'problem', text: FIX_LIST.unexpected(describe(error)) })
        }
      },

      dismissWatch: () => set({ watch: null }),

      copyReport: async (kind, text) => {
        const report = withReport(kind)
        if (!report) return
        try {
          const { copied } = await api.copyText({ text: text ?? buildReport(kind, report, texts.language) })
          setFixMessage(REPORT_FIX[kind], copied ? { tone: 'ok', text: REPORT.copied } : { tone: 'problem', text: REPORT.notCopied })
        } catch (error) {
          setFixMessage(REPORT_FIX[kind], { tone: 'problem', text: FIX_LIST.unexpected(describe(error)) })
        }
      },

      saveReport: async (kind, text) => {
        const report = withReport(kind)
        if (!report) return
        try {
          const result = await api.saveText({ suggestedName: reportFileName(kind, report, texts), text: text ?? buildReport(kind, report, texts.language) })
          const failed = result.failure && { tone: 'problem' as const, text: describeAppFailure(result.failure, texts.appFailures) }
          setFixMessage(REPORT_FIX[kind], result.saved ? { tone: 'ok', text: REPORT.saved(result.path) } : (failed ?? { tone: 'info', text: REPORT.notSaved }))
        } catch (error) {
          setFixMessage(REPORT_FIX[kind], { tone: 'problem', text: FIX_LIST.unexpected(describe(error)) })
        }
      },

      openHelp: async (topic, fix) => {
        try {
          const { opened } = await api.openHelp({ topic })
          if (!opened) setFixMessage(fix, { tone: 'problem', text: FIX_LIST.helpNotOpened })
        } catch {
          setFixMessage(fix, { tone: 'problem', text: FIX_LIST.helpNotOpened })
        }
      },

      setHistoryOpen: (open) => {
        set({ historyOpen: open, historyMessage: null })
        if (open) void get().loadHistory()
      },

      loadHistory: async () => {
        try {
          const entries = await api.listHistory(null)
          const history = [...entries].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))
          const viewingId = get().viewingId
          set({ history, historyState: 'loaded', viewingId: viewingId && history.some((entry) => entry.id === viewingId) ? viewingId : null })
        } catch {
          set({ historyState: 'failed' })
        }
      },

      deleteHistory: async (id) => {
        try {
          await api.deleteHistory({ id })
          if (id === null || get().viewingId === id) set({ viewingId: null })
          set({ historyMessage: id === null ? HISTORY.deletedAll : HISTORY.deleted })
        } catch (error) {
          set({ historyMessage: FIX_LIST.unexpected(describe(error)) })
        }
        await get().loadHistory()
      },

      viewHistory: (id) => {
        if (get().phase !== 'idle') return
        set({ viewingId: id, historyOpen: false })
      },

      closeHistoryView: () => set({ viewingId: null }),

      dismissStartupNotes: () => set({ startupNotes: null }),
    }
  })
}
