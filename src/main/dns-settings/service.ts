// The transaction: snapshot → apply → verify → (keep | roll back), made durable at every step so that a
// crash, a kill -9 or a power cut at any point ends, at the next start, with the settings the user had.
import { readFile } from 'node:fs/promises'
import { failure, type Result } from '../../shared/result'
import { trustedSystemRoot } from '../platform/windows-system-root'
import type { AdapterReading, DnsBackend } from './backend'
import { createStepExecutor } from './elevation'
import { nscdRunning, planFlush } from './flush'
import { RESOLV_CONF } from './privileged-commands'
import type { DnsSettingsStore, Journal } from './store'
import { currentProcess, isAlive, isSameProcess } from './store'
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
}

export interface ServiceParts {
  platform: NodeJS.Platform
  backend: DnsBackend
  store: DnsSettingsStore
  executor: ReturnType<typeof createStepExecutor>
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

  /**
   * Undoes an unfinished switch: its adapters go back to `before`; original.json goes too when this switch
   * created it. (Adapters a later switch added to original.json stay there: reverting them is a no-op.)
   */
  async function rollBack(journal: Journal): R<Nothing> {
    await pause('rollback-started')
    const restored = await restore(journal.before)
    if (!restored.ok) return restored
    if (journal.firstChange) {
      await store.removeOriginal()
    }
    await store.removeJournal()
    return { ok: true }
  }

  /** Finishes what an unfinished journal started; call with the lock held. */
  async function settleJournal(): R<{ recovered: boolean; busy?: boolean }> {
    const read = await store.readJournal()
    if (!read.ok) return failure('dns-settings.unreadable', read.detail)
    const journal = read.value
    if (journal === undefined) return { ok: true, recovered: false }
    if (isAlive(journal.owner, self) && !isSameProcess(journal.owner, self)) return { ok: true, recovered: false, busy: true }
    if (journal.kind === 'use') {
      const undone = await rollBack(journal)
      return undone.ok ? { ok: true, recovered: true } : undone
    }
    const restored = await restore(journal.before)
    if (!restored.ok) return restored
    await store.removeOriginal()
    await store.removeJournal()
    return { ok: true, recovered: true }
  }

  async function locked<T>(task: () => R<T>): R<T> {
    const untrusted = await parts.stateProblem?.()
    if (untrusted !== undefined) return failure('dns-settings.untrusted-state', untrusted)
    try {
      const outcome = await store.withLock(task)
      if (!outcome.held) return failure('dns-settings.busy', `NetMend process ${outcome.owner.pid} is changing the settings`)
      return outcome.value
    } catch (error) {
      return failure('dns-settings.snapshot-failed', describeFailure(error))
    }
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
      const settled = await settleJournal()
      if (!settled.ok) return settled
      if (settled.busy === true) return failure('dns-settings.busy', 'another NetMend change is waiting to be kept or undone')
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
      if (!original.ok) return failure('dns-settings.snapshot-failed', original.detail)
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
      try {
        await store.writeJournal(journal)
        if (original.value === undefined) {
          await store.writeOriginal(before)
        } else {
          const known = new Set(original.value.adapters.map((state) => state.key))
          const added = before.adapters.filter((state) => !known.has(state.key))
          if (added.length > 0) await store.writeOriginal({ ...original.value, adapters: [...original.value.adapters, ...added] })
        }
      } catch (error) {
        await store.removeJournal().catch(() => undefined)
        if (journal.firstChange) await store.removeOriginal().catch(() => undefined)
        return failure('dns-settings.snapshot-failed', describeFailure(error))
      }
      await pause('snapshot-written')

      const undo = async (code: DnsSettingsErrorCode, why: string): R<never> => {
        const undone = await rollBack(journal)
        if (!undone.ok) return failure('dns-settings.rollback-failed', `${why}; and putting the settings back failed: ${undone.detail}`)
        return failure(code, why)
      }

      // 2. Apply.
      if (options.signal?.aborted) return undo('dns-settings.aborted', 'stopped before anything changed')
      const applied = await executor.execute(plans)
      if (!applied.ok) return undo(applied.code, applied.detail)
      journal.state = 'applied'
      await store.writeJournal(journal).catch(() => undefined)
      await pause('applied')

      // 3. Verify; 4. roll back by ourselves if the new servers don't work.
      const keys = before.adapters.map((state) => state.key)
      const verification = await verifySwitch(chosenServers, () => readBackUses(keys, chosenServers), { ...parts.verify, signal: options.signal })
      if (options.signal?.aborted) return undo('dns-settings.aborted', 'stopped while checking the new servers')
      if (!verification.ok) return undo('dns-settings.verification-failed', verification.why)
      journal.state = 'verified'
      try {
        await store.writeJournal(journal)
      } catch (error) {
        return undo('dns-settings.snapshot-failed', describeFailure(error))
      }
      await pause('verified')
      return { ok: true, adapters: choice.chosen.map((reading) => reading.adapter.name), verified: verification.report }
    })
  }

  async function confirm(): R<Nothing> {
    return locked(async () => {
      const read = await store.readJournal()
      if (!read.ok) return failure('dns-settings.unreadable', read.detail)
      const journal = read.value
      if (journal === undefined || journal.kind !== 'use' || journal.state !== 'verified') return failure('dns-settings.nothing-to-confirm', 'no switch is waiting')
      await store.removeJournal()
      return { ok: true }
    })
  }

  async function revert(): R<{ adapters: string[] }> {
    return locked(async () => {
      const read = await store.readJournal()
      if (!read.ok) return failure('dns-settings.unreadable', read.detail)
      if (read.value !== undefined && isAlive(read.value.owner, self) && !isSameProcess(read.value.owner, self)) {
        return failure('dns-settings.busy', 'another NetMend change is waiting to be kept or undone')
      }
      const original = await store.readOriginal()
      if (!original.ok) return failure('dns-settings.unreadable', original.detail)
      if (original.value === undefined) {
        // Only an unconfirmed switch of this process (or of a dead one) can be left: undo it.
        if (read.value?.kind === 'use') {
          const undone = await rollBack(read.value)
          return undone.ok ? { ok: true, adapters: read.value.before.adapters.map(stateLabel) } : undone
        }
        await store.removeJournal()
        return { ok: true, adapters: [] }
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
      try {
        await store.writeJournal(journal)
      } catch (error) {
        return failure('dns-settings.snapshot-failed', describeFailure(error))
      }
      await pause('revert-started')
      const restored = await restore(original.value)
      if (!restored.ok) {
        // Nothing is half done that a restart should finish behind the user's back: they can try again.
        await store.removeJournal().catch(() => undefined)
        return restored
      }
      await store.removeOriginal()
      await store.removeJournal()
      return restored
    })
  }

  async function recoverUnfinished(): R<{ recovered: boolean }> {
    // The common case, nothing unfinished, reads one missing file and creates nothing.
    const peek = await store.readJournal()
    if (peek.ok && peek.value === undefined) return { ok: true, recovered: false }
    return locked(async () => {
      const settled = await settleJournal()
      return settled.ok ? { ok: true, recovered: settled.recovered } : settled
    }).then((result) => (!result.ok && result.code === 'dns-settings.busy' ? { ok: true, recovered: false } : result))
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

  return { show, use, confirm, revert, flush, recoverUnfinished }
}
