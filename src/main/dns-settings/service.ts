// The transaction: snapshot → apply → verify → (keep | roll back), made durable at every step so that a
// crash, a kill -9 or a power cut at any point ends, at the next start, with the settings the user had.
import { readFile } from 'node:fs/promises'
import { failure, type Failure, type Result } from '../../shared/result'
import { trustedSystemRoot } from '../platform/windows-system-root'
import type { AdapterReading, DnsBackend } from './backend'
import type { StepExecutor } from './elevation'
import { nscdRunning, planFlush } from './flush'
import { currentProcess, isAlive, isSameProcess, type ProcessIdentity } from './owner-process'
import { RESOLV_CONF } from './privileged-commands'
import type { DnsSettingsStore, Journal, StoreProblem, StoreRead, StoreWrite } from './store'
import type { AdapterDnsSettings, AdapterState, DnsSettingsErrorCode, Snapshot, Step, VerificationReport } from './types'
import { MAX_SERVERS } from './server-choice'
import { isAdapterId, isUsableServer, uniqueServers } from './validate'
import { startsWithServers, verifySwitch, type VerifyDeps } from './verify'

/** Where a change can be stopped by the test-only pause hook (see the CLI's NETMEND_TEST_PAUSE_AT). */
export type TransactionStep = 'snapshot-written' | 'applied' | 'verified' | 'revert-started' | 'rollback-started'

const RESTORE_ROUNDS = 2

type R<T> = Promise<Result<T, DnsSettingsErrorCode>>
/** confirm()'s success carries nothing but ok: true. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Nothing = {}

export interface DnsSettingsService {
  show(): R<{ adapters: AdapterDnsSettings[]; netmendChanged: boolean }>
  use(servers: string[], options?: { signal?: AbortSignal; adapters?: string[] }): R<{ adapters: string[]; verified: VerificationReport }>
  confirm(): R<Nothing>
  revert(): R<{ adapters: string[] }>
  flush(): R<{ flushed: boolean; method: string }>
  recoverUnfinished(): R<{ recovered: boolean }>
  /** Whether changing settings will show the admin password prompt (the same answer the change itself acts on). */
  needsAdminPrompt(): Promise<boolean>
}

export interface ServiceParts {
  platform: NodeJS.Platform
  backend: DnsBackend
  store: DnsSettingsStore
  executor: StepExecutor
  /** Runs unprivileged commands (Windows' ipconfig /flushdns). */
  runPlain: (file: string, args: string[]) => Promise<boolean>
  verify?: VerifyDeps
  onStep?: (step: TransactionStep) => Promise<void> | void
  /**
   * Why the state in the data folder must not be acted on by this process (it runs with admin rights and
   * others can write the folder: state-trust.ts); undefined when it may.
   */
  stateProblem?: () => Promise<string | undefined>
}

function snapshotOf(platform: NodeJS.Platform, states: AdapterState[]): Snapshot {
  return { version: 1, platform, takenAt: new Date().toISOString(), adapters: states }
}

/** The name a person knows an adapter by. */
export function stateLabel(state: AdapterState): string {
  switch (state.owner) {
    case 'plain-file':
      return state.path
    case 'resolvconf':
    case 'systemd-resolved':
      return state.interface === 'lo' ? '/etc/resolv.conf (resolvconf)' : state.interface
    case 'networkmanager':
    case 'windows':
      return state.name
    case 'networksetup':
      return state.service
  }
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function createService(parts: ServiceParts): DnsSettingsService {
  const { backend, store, executor, platform } = parts
  const self = currentProcess()
  const pause = async (step: TransactionStep): Promise<void> => {
    await parts.onStep?.(step)
  }

  async function readings(also?: readonly AdapterState[]): Promise<Result<{ readings: AdapterReading[] }, DnsSettingsErrorCode>> {
    try {
      return await backend.read(also)
    } catch (error) {
      return failure('dns-settings.unreadable', describeFailure(error))
    }
  }

  /**
   * Puts every adapter in `snapshot` back; checks afterwards that nothing differs any more. In up to two
   * rounds: undoing NetMend's change may already bring an adapter's own values back (systemd-resolved's
   * revert does, with what DHCP gives the link), and only what still differs is then set explicitly.
   */
  async function restore(snapshot: Snapshot): R<{ adapters: string[] }> {
    for (let round = 0; ; round += 1) {
      const now = await readings(snapshot.adapters)
      if (!now.ok) return now
      const current = now.readings.map((reading) => reading.state)
      const plans = snapshot.adapters.map((saved) => ({ saved, plan: backend.planRestore(saved, current) }))
      if (round === RESTORE_ROUNDS) {
        const left = plans.filter(({ plan }) => !plan.ok || plan.steps.length > 0).map(({ saved }) => saved.key)
        if (left.length > 0) return failure('dns-settings.rollback-failed', `still different after restoring: ${left.join(', ')}`)
        return { ok: true, adapters: snapshot.adapters.map(stateLabel) }
      }
      const steps: Step[] = []
      for (const { plan } of plans) {
        if (!plan.ok) return plan
        steps.push(...plan.steps)
      }
      if (steps.length === 0) return { ok: true, adapters: snapshot.adapters.map(stateLabel) }
      const executed = await executor.execute(steps)
      if (!executed.ok) return executed
    }
  }

  /** A record written after the settings were put back: a folder that cannot be written does not make that a failure to undo. */
  const noted = (write: StoreWrite): Result<Nothing, DnsSettingsErrorCode> =>
    write.ok || write.code !== 'dns-settings.data-folder-unwritable' ? write : failure('dns-settings.undone-not-noted', write.detail)

  const busy = (owner: ProcessIdentity): Failure<DnsSettingsErrorCode> => failure('dns-settings.busy', `NetMend process ${owner.pid} is changing the settings`)

  /**
   * Ends what `journal` started, as if it had never happened: a switch goes back to `before` (and takes
   * original.json with it when it created that file); an interrupted revert is finished.
   */
  async function finishJournal(journal: Journal): R<Nothing> {
    if (journal.kind === 'use') await pause('rollback-started')
    const restored = await restore(journal.before)
    if (!restored.ok) return restored
    // Adapters a later switch added to original.json stay there: reverting them is a no-op.
    if (journal.kind === 'revert' || journal.firstChange) {
      const removed = noted(await store.removeOriginal())
      if (!removed.ok) return removed
    }
    return noted(await store.removeJournal())
  }

  /** A damaged original.json cannot be reverted to any more: it is reported once and set aside. */
  async function setAsideOriginal(original: StoreProblem): Promise<Failure<DnsSettingsErrorCode>> {
    await store.setAside('original')
    return failure('dns-settings.original-damaged', original.detail)
  }

  /**
   * A journal nobody can read says neither what changed nor who changed it. original.json, written before
   * NetMend's first change and untouched since, is what the user had: it is put back (as revert would)
   * and the journal set aside. Without original.json nothing of NetMend's is in place to undo.
   */
  async function settleDamagedJournal(journal: StoreProblem, original: StoreRead<Snapshot>): Promise<Failure<DnsSettingsErrorCode>> {
    if (!original.ok) {
      await Promise.all([store.setAside('journal'), store.setAside('original')])
      return failure('dns-settings.original-damaged', `${journal.detail}; ${original.detail}`)
    }
    if (original.value !== undefined) {
      const restored = await restore(original.value)
      if (!restored.ok) return failure('dns-settings.rollback-failed', `${journal.detail}; putting back the settings from before NetMend's first change: ${restored.detail}`)
    }
    const aside = noted(await store.setAside('journal'))
    if (!aside.ok) return aside
    if (original.value !== undefined) {
      const removed = noted(await store.removeOriginal())
      if (!removed.ok) return removed
    }
    return failure('dns-settings.journal-damaged', journal.detail)
  }

  /**
   * Finishes or undoes whatever an earlier run left, and reports damaged records; call with the lock held
   * (or, where the folder cannot be written, without: then nobody can start a change meanwhile).
   */
  async function settle(): R<{ recovered: boolean }> {
    const [journalRead, originalRead] = await Promise.all([store.readJournal(), store.readOriginal()])
    for (const read of [journalRead, originalRead]) if (!read.ok && read.code === 'dns-settings.data-folder-unsafe') return read
    if (!journalRead.ok) return settleDamagedJournal(journalRead, originalRead)
    const journal = journalRead.value
    if (journal !== undefined) {
      if (isAlive(journal.owner, self) && !isSameProcess(journal.owner, self)) return busy(journal.owner)
      const finished = await finishJournal(journal)
      if (!finished.ok) return finished
    }
    const originalRemoved = journal !== undefined && (journal.kind === 'revert' || journal.firstChange)
    if (!originalRead.ok && !originalRemoved) return setAsideOriginal(originalRead)
    return { ok: true, recovered: journal !== undefined }
  }

  async function locked<T>(task: () => R<T>): R<T> {
    const untrusted = await parts.stateProblem?.()
    if (untrusted !== undefined) return failure('dns-settings.data-folder-unsafe', untrusted)
    const outcome = await store.withLock(task)
    if (outcome.held) return outcome.value
    return 'problem' in outcome ? outcome.problem : busy(outcome.owner)
  }

  function chooseAdapters(all: AdapterReading[], wanted: string[] | undefined): Result<{ chosen: AdapterReading[] }, DnsSettingsErrorCode> {
    if (wanted !== undefined && wanted.length > 0) {
      const chosen: AdapterReading[] = []
      for (const id of wanted) {
        const reading = all.find((candidate) => candidate.adapter.id === id)
        if (reading === undefined) return failure('dns-settings.unknown-adapter', id)
        if (!chosen.includes(reading)) chosen.push(reading)
      }
      return { ok: true, chosen }
    }
    const ordinary = all.filter((reading) => !reading.adapter.virtual)
    const primary = ordinary.filter((reading) => reading.adapter.primary)
    if (primary.length > 0) return { ok: true, chosen: primary }
    if (ordinary.length === 1) return { ok: true, chosen: ordinary }
    return failure('dns-settings.no-adapter', all.length === 0 ? 'no adapter has DNS settings' : 'only VPN or virtual adapters carry the connection')
  }

  async function readBackUses(keys: string[], servers: string[]): Promise<boolean> {
    const after = await readings()
    if (!after.ok) return false
    return keys.every((key) => {
      const state = after.readings.find((reading) => reading.state.key === key)?.state
      return state !== undefined && startsWithServers(backend.serversInUse(state), servers)
    })
  }

  async function use(servers: string[], options: { signal?: AbortSignal; adapters?: string[] } = {}): R<{ adapters: string[]; verified: VerificationReport }> {
    if (!Array.isArray(servers) || servers.length === 0) return failure('dns-settings.no-servers', 'no server given')
    const bad = servers.find((server) => !isUsableServer(server))
    if (bad !== undefined) return failure('dns-settings.bad-address', String(bad))
    const chosenServers = uniqueServers(servers)
    if (chosenServers.length > MAX_SERVERS) return failure('dns-settings.bad-address', `at most ${MAX_SERVERS} servers`)
    const badAdapter = options.adapters?.find((id) => !isAdapterId(id))
    if (badAdapter !== undefined) return failure('dns-settings.unknown-adapter', String(badAdapter))

    return locked(async () => {
      const settled = await settle()
      if (!settled.ok) return settled
      if (options.signal?.aborted) return failure('dns-settings.aborted', 'stopped before anything changed')

      const read = await readings()
      if (!read.ok) return read
      const choice = chooseAdapters(read.readings, options.adapters)
      if (!choice.ok) return choice
      const before = snapshotOf(platform, choice.chosen.map((reading) => reading.state))
      const plans: Step[] = []
      for (const reading of choice.chosen) {
        const plan = backend.planApply(reading.state, chosenServers)
        if (!plan.ok) return plan
        plans.push(...plan.steps)
      }

      // 1. Snapshot, durably, before anything changes; if that fails, nothing changes.
      const original = await store.readOriginal()
      if (!original.ok) return original
      const journal: Journal = {
        version: 1,
        id: store.newId(),
        kind: 'use',
        state: 'prepared',
        owner: self,
        startedAt: new Date().toISOString(),
        before,
        firstChange: original.value === undefined,
        servers: chosenServers,
      }
      const started = await store.writeJournal(journal)
      if (!started.ok) return started
      const known = new Set(original.value?.adapters.map((state) => state.key))
      const added = before.adapters.filter((state) => !known.has(state.key))
      const saved =
        original.value === undefined
          ? await store.writeOriginal(before)
          : added.length > 0
            ? await store.writeOriginal({ ...original.value, adapters: [...original.value.adapters, ...added] })
            : started
      if (!saved.ok) {
        await store.removeJournal()
        if (journal.firstChange) await store.removeOriginal()
        return saved
      }
      await pause('snapshot-written')

      const undo = async (code: DnsSettingsErrorCode, why: string): R<never> => {
        const undone = await finishJournal(journal)
        // Back as before, only not noted down: the next start finds nothing left to do but the note.
        if (!undone.ok && undone.code !== 'dns-settings.undone-not-noted') {
          return failure('dns-settings.rollback-failed', `${why}; and putting the settings back failed: ${undone.detail}`)
        }
        return failure(code, why)
      }

      // 2. Apply.
      if (options.signal?.aborted) return undo('dns-settings.aborted', 'stopped before anything changed')
      const applied = await executor.execute(plans)
      if (!applied.ok) return undo(applied.code, applied.detail)
      journal.state = 'applied'
      // Only a note of progress: the journal written before already undoes the change after a crash.
      await store.writeJournal(journal)
      await pause('applied')

      // 3. Verify; 4. roll back by ourselves if the new servers don't work.
      const keys = before.adapters.map((state) => state.key)
      const verification = await verifySwitch(chosenServers, () => readBackUses(keys, chosenServers), { ...parts.verify, signal: options.signal })
      if (options.signal?.aborted) return undo('dns-settings.aborted', 'stopped while checking the new servers')
      if (!verification.ok) return undo('dns-settings.verification-failed', verification.why)
      journal.state = 'verified'
      const verified = await store.writeJournal(journal)
      if (!verified.ok) return undo(verified.code, verified.detail)
      await pause('verified')
      return { ok: true, adapters: choice.chosen.map((reading) => reading.adapter.name), verified: verification.report }
    })
  }

  async function confirm(): R<Nothing> {
    return locked(async () => {
      const read = await store.readJournal()
      if (!read.ok) return read
      const journal = read.value
      if (journal === undefined || journal.kind !== 'use' || journal.state !== 'verified') return failure('dns-settings.nothing-to-confirm', 'no switch is waiting')
      return store.removeJournal()
    })
  }

  async function revert(): R<{ adapters: string[] }> {
    return locked(async () => {
      const [read, original] = await Promise.all([store.readJournal(), store.readOriginal()])
      if (!read.ok || !original.ok) {
        // Damaged records or a folder not to trust: dealt with and said as at start. What settles without
        // a word is a dead first switch taking the damaged original.json with it: nothing is left to revert.
        const settled = await settle()
        return settled.ok ? { ok: true, adapters: [] } : settled
      }
      const unfinished = read.value
      if (unfinished !== undefined && isAlive(unfinished.owner, self) && !isSameProcess(unfinished.owner, self)) return busy(unfinished.owner)
      if (original.value === undefined) {
        // Only an unconfirmed switch of this process (or of a dead one) can be left: undo it.
        if (unfinished?.kind === 'use') {
          const undone = await finishJournal(unfinished)
          return undone.ok ? { ok: true, adapters: unfinished.before.adapters.map(stateLabel) } : undone
        }
        const removed = await store.removeJournal()
        return removed.ok ? { ok: true, adapters: [] } : removed
      }
      const journal: Journal = {
        version: 1,
        id: store.newId(),
        kind: 'revert',
        state: 'prepared',
        owner: self,
        startedAt: new Date().toISOString(),
        before: original.value,
        firstChange: false,
        servers: [],
      }
      const started = await store.writeJournal(journal)
      if (!started.ok) return started
      await pause('revert-started')
      const restored = await restore(original.value)
      if (!restored.ok) {
        // Nothing is half done that a restart should finish behind the user's back: they can try again.
        await store.removeJournal()
        return restored
      }
      for (const remove of [store.removeOriginal, store.removeJournal]) {
        const removed = noted(await remove())
        if (!removed.ok) return removed
      }
      return restored
    })
  }

  /**
   * What an earlier run left, dealt with: an unfinished change undone, damaged records reported. Failures
   * are values to show (a change still running in another NetMend, a folder not to trust or that cannot be
   * written, a damaged record and what was done about it); nothing is ever thrown.
   */
  async function recoverUnfinished(): R<{ recovered: boolean }> {
    // The common case, nothing unfinished, reads a few missing files and creates nothing.
    const there = await store.peek()
    if (!there.ok) return there
    if (!there.journal && !there.lock) {
      const original = there.original ? await store.readOriginal() : undefined
      if (original === undefined || original.ok) return { ok: true, recovered: false }
    }
    const outcome = await store.withLock(settle)
    if (outcome.held) return outcome.value
    if ('owner' in outcome) return busy(outcome.owner)
    // A folder that cannot be written cannot hold a lock either, so nobody can start a change in it: what
    // an earlier run left is still undone, and the note that it was is what cannot be written.
    return outcome.problem.code === 'dns-settings.data-folder-unwritable' ? settle() : outcome.problem
  }

  async function show(): R<{ adapters: AdapterDnsSettings[]; netmendChanged: boolean }> {
    const [read, original] = await Promise.all([readings(), store.readOriginal()])
    if (!read.ok) return read
    return { ok: true, adapters: read.readings.map((reading) => reading.adapter), netmendChanged: original.ok && original.value !== undefined }
  }

  async function flush(): R<{ flushed: boolean; method: string }> {
    let resolvConf: string | undefined
    if (platform === 'linux') resolvConf = await readFile(RESOLV_CONF, 'utf8').catch(() => undefined)
    const plan = planFlush(platform, { resolvConf, nscd: platform === 'linux' ? await nscdRunning() : false, systemRoot: trustedSystemRoot() })
    if (!('privileged' in plan)) return { ok: true, flushed: false, method: 'none' }
    if (!plan.privileged) {
      const done = await parts.runPlain(plan.file, plan.args)
      return done ? { ok: true, flushed: true, method: plan.method } : failure('dns-settings.flush-failed', plan.method)
    }
    const executed = await executor.execute(plan.steps)
    if (!executed.ok) return executed.code === 'dns-settings.apply-failed' ? failure('dns-settings.flush-failed', executed.detail) : executed
    return { ok: true, flushed: true, method: plan.method }
  }

  return { show, use, confirm, revert, flush, recoverUnfinished, needsAdminPrompt: () => executor.needsPrompt() }
}
