// The window's zustand store, driven through a fake NetmendApi this file controls: it answers each call
// when the test says so and pushes main's events (diagnosis progress, DNS switch undone) at chosen moments.
// Every expectation is about what the person sees: the checklist, the run's state, messages and prompts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ContractEvents, EventName, HistoryEntry, NetmendApi, OsFixSupport } from '../../../src/shared/contract'
import { CHECK_IDS, type CheckId, type CheckReport, type CheckStatus, type DiagnosisReport } from '../../../src/shared/diagnosis'
import { createNetmendStore, shownReport, type NetmendStore } from '../../../src/renderer/src/store'
import { rendererTexts } from '../../../src/renderer/src/texts'

const TEXTS = rendererTexts('en')


interface Deferred<T> {
  promise: Promise<T>
  resolve: (value: T) => void
  reject: (error: unknown) => void
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Lets every promise chain the store started (loading fix support, history) run to its end. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

const NOT_AVAILABLE: OsFixSupport[] = [
  { id: 'flush-dns-cache', available: true, needsAdmin: true },
  { id: 'switch-dns', available: true, needsAdmin: true },
  { id: 'revert-dns', available: false, needsAdmin: true, reason: { code: 'nothing-to-revert' } },
]

function fakeApi() {
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  const api = {
    diagnose: vi.fn<NetmendApi['diagnose']>(async () => ({ ok: true, runId: 'run-1' })),
    cancel: vi.fn<NetmendApi['cancel']>(async () => ({ cancelled: true })),
    fixSupport: vi.fn<NetmendApi['fixSupport']>(async () => NOT_AVAILABLE),
    applyOsFix: vi.fn<NetmendApi['applyOsFix']>(async ({ id }) => ({ ok: true, id, outcome: { code: 'nothing-to-flush' } })),
    confirmDnsChange: vi.fn<NetmendApi['confirmDnsChange']>(async () => ({ kept: true })),
    watchSite: vi.fn<NetmendApi['watchSite']>(async ({ target }) => ({ watching: true, target })),
    stopWatching: vi.fn<NetmendApi['stopWatching']>(async () => ({ watching: false, target: null })),
    copyText: vi.fn<NetmendApi['copyText']>(async () => ({ copied: true })),
    saveText: vi.fn<NetmendApi['saveText']>(async () => ({ saved: true, path: '/tmp/report.txt' })),
    listHistory: vi.fn<NetmendApi['listHistory']>(async () => []),
    deleteHistory: vi.fn<NetmendApi['deleteHistory']>(async () => ({ remaining: 0 })),
    openHelp: vi.fn<NetmendApi['openHelp']>(async () => ({ opened: true })),
    language: vi.fn<NetmendApi['language']>(async () => ({ language: 'en' })),
    watchStatus: vi.fn<NetmendApi['watchStatus']>(async () => ({ watching: false, target: null })),
    startupNotes: vi.fn<NetmendApi['startupNotes']>(async () => ({ settings: null, dnsRecovery: null })),
    on: <E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void): (() => void) => {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as (payload: never) => void)
      return () => set.delete(listener as (payload: never) => void)
    },
  } satisfies NetmendApi
  const emit = <E extends EventName>(event: E, payload: ContractEvents[E]): void => {
    for (const listener of listeners.get(event) ?? []) (listener as (payload: ContractEvents[E]) => void)(payload)
  }
  const listenerCount = (event: EventName): number => listeners.get(event)?.size ?? 0
  return { api, emit, listenerCount }
}
type Fake = ReturnType<typeof fakeApi>

const checkReport = (id: CheckId, status: CheckStatus): CheckReport => ({ id, status, summary: { code: 'crashed', error: `${id} ${status}` }, durationMs: 7 })

const fullReport = (target: string | null, status: CheckStatus = 'pass', durationMs = 1234): DiagnosisReport => ({
  target,
  verdict: { code: 'ok' },
  params: target ? { site: target } : {},
  finishedAt: '2026-11-24T15:00:00.000Z',
  findings: [],
  checks: CHECK_IDS.map((id) => checkReport(id, status)),
  fixes: [{ id: 'retry' }],
  durationMs,
})

// What main pushes while a run goes on.
const started = (fake: Fake, runId: string, id: CheckId): void =>
  fake.emit('diagnosisEvent', { runId, event: { type: 'check-started', id } })
const finishedCheck = (fake: Fake, runId: string, id: CheckId, status: CheckStatus = 'pass'): void =>
  fake.emit('diagnosisEvent', { runId, event: { type: 'check-finished', check: checkReport(id, status) } })
const finishedRun = (fake: Fake, runId: string, report: DiagnosisReport): void => fake.emit('diagnosisEvent', { runId, event: { type: 'finished', report } })

const statuses = (store: NetmendStore): Record<string, string> =>
  Object.fromEntries(Object.values(store.getState().rows).map((row) => [row.id, row.status]))
const allRows = (status: string): Record<string, string> => Object.fromEntries(CHECK_IDS.map((id) => [id, status]))

function setup(): { store: NetmendStore; fake: Fake; stop: () => void } {
  const fake = fakeApi()
  const store = createNetmendStore(fake.api, TEXTS)
  const stop = store.getState().start()
  return { store, fake, stop }
}

/** A store whose run 'run-1' for shop.example has started (main answered with the run id). */
async function running(): Promise<{ store: NetmendStore; fake: Fake }> {
  const { store, fake } = setup()
  store.getState().setAddress('shop.example')
  await store.getState().diagnose()
  expect(store.getState().phase).toBe('running')
  return { store, fake }
}

beforeEach(() => {
  // Only the store's own timers (the history reload after a run) are faked; setImmediate stays real for settle().
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('opening the window', () => {
  it('listens to main’s three events, loads what the fixes can do and the history, and stops listening when asked', async () => {
    const { store, fake, stop } = setup()
    expect(store.getState().phase).toBe('idle')
    expect(statuses(store)).toEqual(allRows('pending'))
    for (const event of ['diagnosisEvent', 'watchEvent', 'dnsChangeReverted'] as const) expect(fake.listenerCount(event)).toBe(1)
    await settle()
    expect(fake.api.fixSupport).toHaveBeenCalledTimes(1)
    expect(store.getState().fixSupport?.['switch-dns']?.available).toBe(true)
    expect(store.getState().fixSupport?.['revert-dns']?.available).toBe(false)
    expect(fake.api.listHistory).toHaveBeenCalledTimes(1)
    expect(store.getState().historyState).toBe('loaded')

    stop()
    for (const event of ['diagnosisEvent', 'watchEvent', 'dnsChangeReverted'] as const) expect(fake.listenerCount(event)).toBe(0)
  })

  it('says it could not ask when main cannot tell what the fixes can do', async () => {
    const fake = fakeApi()
    fake.api.fixSupport.mockRejectedValueOnce(new Error('no handler'))
    const store = createNetmendStore(fake.api, TEXTS)
    store.getState().start()
    await settle()
    expect(store.getState().fixSupport).toEqual({})
    expect(store.getState().fixSupportFailed).toBe(true)
  })
})

describe('running a diagnosis', () => {
  it('asks main with the trimmed address, shows "Starting…" until main answers, then the run and an empty checklist', async () => {
    const { store, fake } = setup()
    const answer = deferred<Awaited<ReturnType<NetmendApi['diagnose']>>>()
    fake.api.diagnose.mockReturnValueOnce(answer.promise)
    store.getState().setAddress('  shop.example  ')

    const pressing = store.getState().diagnose()
    expect(fake.api.diagnose).toHaveBeenCalledWith({ target: 'shop.example' })
    expect(store.getState()).toMatchObject({ phase: 'starting', runId: null, runTarget: 'shop.example', progress: 'Starting…' })

    answer.resolve({ ok: true, runId: 'run-1' })
    await pressing
    expect(store.getState()).toMatchObject({ phase: 'running', runId: 'run-1', report: null, runMessage: null })
    expect(store.getState().progress).toBe(`Checking shop.example… 0 of ${CHECK_IDS.length} checks done.`)
    expect(statuses(store)).toEqual(allRows('pending'))
  })

  it('checks the connection only when no address is typed', async () => {
    const { store, fake } = setup()
    store.getState().setAddress('   ')
    await store.getState().diagnose()
    expect(fake.api.diagnose).toHaveBeenCalledWith({ target: null })
    expect(store.getState().progress).toBe(`Checking your connection… 0 of ${CHECK_IDS.length} checks done.`)
  })

  it('fills the checklist live: a row goes from waiting to checking to its result, the others keep waiting', async () => {
    const { store, fake } = await running()

    started(fake, 'run-1', 'net.interfaces')
    expect(store.getState().rows['net.interfaces'].status).toBe('running')
    expect(store.getState().rows['net.gateway'].status).toBe('pending')

    finishedCheck(fake, 'run-1', 'net.interfaces', 'pass')
    started(fake, 'run-1', 'net.gateway')
    started(fake, 'run-1', 'dns.system')
    finishedCheck(fake, 'run-1', 'dns.system', 'fail')
    const rows = store.getState().rows
    expect(rows['net.interfaces']).toMatchObject({ status: 'pass', report: { summary: { error: 'net.interfaces pass' } } })
    expect(rows['net.gateway'].status).toBe('running')
    expect(rows['dns.system']).toMatchObject({ status: 'fail', report: { summary: { error: 'dns.system fail' } } })
    expect(rows['site.http'].status).toBe('pending')
    expect(store.getState().progress).toBe(`Checking shop.example… 2 of ${CHECK_IDS.length} checks done.`)
    expect(store.getState().phase).toBe('running')
  })

  it('shows the report when the run finishes, goes back to idle and lists it in the history at once', async () => {
    const { store, fake } = await running()
    await settle()
    expect(fake.api.listHistory).toHaveBeenCalledTimes(1)
    const report = fullReport('https://shop.example/', 'warn', 1234)

    finishedRun(fake, 'run-1', report)
    expect(store.getState()).toMatchObject({ phase: 'idle', runId: null, report, runMessage: null })
    expect(store.getState().progress).toBe('All checks done in 1.2 s.')
    expect(statuses(store)).toEqual(allRows('warn'))
    expect(shownReport(store.getState())).toBe(report)
    expect(fake.api.listHistory).toHaveBeenCalledTimes(2)
  })

  it('ignores events of another run, while running and after its own run finished', async () => {
    const { store, fake } = await running()
    started(fake, 'run-old', 'net.interfaces')
    finishedCheck(fake, 'run-old', 'net.gateway', 'fail')
    finishedRun(fake, 'run-old', fullReport(null, 'fail'))
    expect(store.getState().phase).toBe('running')
    expect(store.getState().report).toBeNull()
    expect(statuses(store)).toEqual(allRows('pending'))

    const report = fullReport('https://shop.example/')
    finishedRun(fake, 'run-1', report)
    finishedRun(fake, 'run-other', fullReport(null, 'fail'))
    finishedCheck(fake, 'run-1', 'site.http', 'fail')
    expect(store.getState().report).toBe(report)
    expect(statuses(store)).toEqual(allRows('pass'))
  })

  it('keeps the events that arrive before main has said the run id, and applies only those of this run', async () => {
    const { store, fake } = setup()
    const answer = deferred<Awaited<ReturnType<NetmendApi['diagnose']>>>()
    fake.api.diagnose.mockReturnValueOnce(answer.promise)
    store.getState().setAddress('shop.example')
    const pressing = store.getState().diagnose()

    started(fake, 'run-9', 'net.interfaces')
    finishedCheck(fake, 'run-9', 'net.interfaces', 'pass')
    started(fake, 'run-9', 'net.gateway')
    finishedCheck(fake, 'run-old', 'dns.system', 'fail')
    expect(statuses(store)).toEqual(allRows('pending'))

    answer.resolve({ ok: true, runId: 'run-9' })
    await pressing
    expect(store.getState().runId).toBe('run-9')
    expect(store.getState().rows['net.interfaces'].status).toBe('pass')
    expect(store.getState().rows['net.gateway'].status).toBe('running')
    expect(store.getState().rows['dns.system'].status).toBe('pending')
    expect(store.getState().progress).toBe(`Checking shop.example… 1 of ${CHECK_IDS.length} checks done.`)
  })

  it('shows the report even when the whole run finished before main said the run id', async () => {
    const { store, fake } = setup()
    const answer = deferred<Awaited<ReturnType<NetmendApi['diagnose']>>>()
    fake.api.diagnose.mockReturnValueOnce(answer.promise)
    const pressing = store.getState().diagnose()
    const report = fullReport(null)
    finishedRun(fake, 'run-fast', report)
    answer.resolve({ ok: true, runId: 'run-fast' })
    await pressing
    expect(store.getState()).toMatchObject({ phase: 'idle', runId: null, report })
  })

  it('shows main’s sentence under the address and does not start when the address is refused', async () => {
    const { store, fake } = setup()
    fake.api.diagnose.mockResolvedValueOnce({ ok: false, code: 'target.invalid', detail: 'exa mple' })
    store.getState().setAddress('exa mple')
    await store.getState().diagnose()

    expect(store.getState()).toMatchObject({ addressError: 'That doesn\'t look like a web address: "exa mple".', runMessage: null, phase: 'idle', runId: null, report: null })
    expect(store.getState().progress).toBe('The checks could not start.')
    expect(statuses(store)).toEqual(allRows('pending'))
    started(fake, 'run-1', 'net.interfaces')
    expect(statuses(store)).toEqual(allRows('pending'))

    store.getState().setAddress('example.com')
    expect(store.getState().addressError).toBeNull()
  })

  it('shows other refusals (a run already going) as a message for the run, not under the address', async () => {
    const { store, fake } = setup()
    fake.api.diagnose.mockResolvedValueOnce({ ok: false, code: 'diagnosis.busy', detail: '' })
    await store.getState().diagnose('shop.example')
    expect(store.getState()).toMatchObject({ addressError: null, phase: 'idle', runMessage: { tone: 'problem', text: expect.stringMatching(/^A check is already running/) } })
  })

  it('says something went wrong, and is ready again, when asking main fails', async () => {
    const { store, fake } = setup()
    fake.api.diagnose.mockRejectedValueOnce(new Error('channel closed'))
    await store.getState().diagnose('shop.example')
    expect(store.getState()).toMatchObject({ phase: 'idle', runMessage: { tone: 'problem', text: 'Something went wrong inside NetMend: channel closed' } })
    await store.getState().diagnose('shop.example')
    expect(fake.api.diagnose).toHaveBeenCalledTimes(2)
  })

  it('asks main only once when Diagnose is pressed again while starting, running or stopping', async () => {
    const { store, fake } = setup()
    const answer = deferred<Awaited<ReturnType<NetmendApi['diagnose']>>>()
    fake.api.diagnose.mockReturnValueOnce(answer.promise)
    const first = store.getState().diagnose('shop.example')
    await store.getState().diagnose('shop.example')
    expect(fake.api.diagnose).toHaveBeenCalledTimes(1)

    answer.resolve({ ok: true, runId: 'run-1' })
    await first
    finishedCheck(fake, 'run-1', 'net.interfaces')
    await store.getState().diagnose('other.example')
    expect(fake.api.diagnose).toHaveBeenCalledTimes(1)
    expect(store.getState()).toMatchObject({ runId: 'run-1', runTarget: 'shop.example' })
    expect(store.getState().rows['net.interfaces'].status).toBe('pass')

    const cancelAnswer = deferred<{ cancelled: boolean }>()
    fake.api.cancel.mockReturnValueOnce(cancelAnswer.promise)
    const stopping = store.getState().cancel()
    await store.getState().diagnose('shop.example')
    expect(fake.api.diagnose).toHaveBeenCalledTimes(1)
    cancelAnswer.resolve({ cancelled: true })
    await stopping

    await store.getState().diagnose('shop.example')
    expect(fake.api.diagnose).toHaveBeenCalledTimes(2)
  })

  it('"Check again" runs the same site again', async () => {
    const { store, fake } = await running()
    finishedRun(fake, 'run-1', fullReport('https://shop.example/'))
    store.getState().setAddress('something typed since')
    fake.api.diagnose.mockResolvedValueOnce({ ok: true, runId: 'run-2' })
    await store.getState().checkAgain()
    expect(fake.api.diagnose).toHaveBeenLastCalledWith({ target: 'shop.example' })
    expect(store.getState()).toMatchObject({ runId: 'run-2', report: null })
  })
})

describe('cancelling', () => {
  it('marks the unfinished rows as stopped and keeps the finished ones when main stopped the run', async () => {
    const { store, fake } = await running()
    finishedCheck(fake, 'run-1', 'net.interfaces', 'pass')
    started(fake, 'run-1', 'dns.system')
    const answer = deferred<{ cancelled: boolean }>()
    fake.api.cancel.mockReturnValueOnce(answer.promise)

    const stopping = store.getState().cancel()
    expect(fake.api.cancel).toHaveBeenCalledWith({ runId: 'run-1' })
    expect(store.getState().phase).toBe('cancelling')
    finishedCheck(fake, 'run-1', 'net.gateway', 'pass')
    answer.resolve({ cancelled: true })
    await stopping

    expect(store.getState()).toMatchObject({ phase: 'idle', runId: null, report: null })
    expect(store.getState().progress).toBe('Stopped. The checks that had not finished were not run.')
    expect(statuses(store)).toEqual({ ...allRows('cancelled'), 'net.interfaces': 'pass' })

    // Main still sends the stopped run's last events under its old id: nothing changes.
    finishedRun(fake, 'run-1', fullReport('https://shop.example/', 'skipped'))
    expect(store.getState().report).toBeNull()
    expect(statuses(store)).toEqual({ ...allRows('cancelled'), 'net.interfaces': 'pass' })
  })

  it('keeps the run’s result when main says it had already finished', async () => {
    const { store, fake } = await running()
    finishedCheck(fake, 'run-1', 'net.interfaces', 'pass')
    const answer = deferred<{ cancelled: boolean }>()
    fake.api.cancel.mockReturnValueOnce(answer.promise)

    const stopping = store.getState().cancel()
    const report = fullReport('https://shop.example/', 'fail', 2000)
    finishedRun(fake, 'run-1', report)
    expect(store.getState().report).toBeNull()
    answer.resolve({ cancelled: false })
    await stopping

    expect(store.getState()).toMatchObject({ phase: 'idle', runId: null, report })
    expect(statuses(store)).toEqual(allRows('fail'))
    expect(store.getState().progress).toBe('All checks done in 2.0 s.')
  })

  it('goes on showing the run live when main says it was not stopped and its end is still to come', async () => {
    const { store, fake } = await running()
    fake.api.cancel.mockResolvedValueOnce({ cancelled: false })
    await store.getState().cancel()
    expect(store.getState()).toMatchObject({ phase: 'running', runId: 'run-1' })
    finishedCheck(fake, 'run-1', 'net.interfaces', 'warn')
    expect(store.getState().rows['net.interfaces'].status).toBe('warn')
  })

  it('stops a run cancelled before main said its id, as soon as the id arrives', async () => {
    const { store, fake } = setup()
    const answer = deferred<Awaited<ReturnType<NetmendApi['diagnose']>>>()
    fake.api.diagnose.mockReturnValueOnce(answer.promise)
    const pressing = store.getState().diagnose('shop.example')
    await store.getState().cancel()
    expect(store.getState().phase).toBe('cancelling')
    expect(fake.api.cancel).not.toHaveBeenCalled()
    started(fake, 'run-5', 'net.interfaces')

    answer.resolve({ ok: true, runId: 'run-5' })
    await pressing
    expect(fake.api.cancel).toHaveBeenCalledWith({ runId: 'run-5' })
    expect(store.getState()).toMatchObject({ phase: 'idle', runId: null })
    expect(statuses(store)).toEqual(allRows('cancelled'))
  })

  it('shows the result of a run cancelled before main said its id when it had already finished', async () => {
    const { store, fake } = setup()
    const answer = deferred<Awaited<ReturnType<NetmendApi['diagnose']>>>()
    fake.api.diagnose.mockReturnValueOnce(answer.promise)
    fake.api.cancel.mockResolvedValueOnce({ cancelled: false })
    const pressing = store.getState().diagnose(null)
    await store.getState().cancel()
    const report = fullReport(null)
    finishedRun(fake, 'run-5', report)
    answer.resolve({ ok: true, runId: 'run-5' })
    await pressing
    expect(store.getState()).toMatchObject({ phase: 'idle', runId: null, report })
  })

  it('does nothing when no run is going', async () => {
    const { store, fake } = setup()
    await store.getState().cancel()
    expect(fake.api.cancel).not.toHaveBeenCalled()
    expect(store.getState().phase).toBe('idle')
  })
})

describe('switching DNS and "Keep these settings?"', () => {
  const CONFIRM_BY = 1_900_000_000_000
  const switched = { code: 'switched' as const, servers: ['8.8.8.8'], adapters: ['eth0'] }
  const switchOk = { ok: true as const, id: 'switch-dns' as const, outcome: switched, confirmBy: CONFIRM_BY }
  const revertAvailable: OsFixSupport[] = NOT_AVAILABLE.map((support) => (support.id === 'revert-dns' ? { id: 'revert-dns', available: true, needsAdmin: true } : support))

  it('shows the countdown deadline after a switch, says it worked, and learns that it can now be undone', async () => {
    const { store, fake } = setup()
    await settle()
    const answer = deferred<Awaited<ReturnType<NetmendApi['applyOsFix']>>>()
    fake.api.applyOsFix.mockReturnValueOnce(answer.promise)
    fake.api.fixSupport.mockResolvedValueOnce(revertAvailable)

    const applying = store.getState().applyOsFix('switch-dns')
    expect(fake.api.applyOsFix).toHaveBeenCalledWith({ id: 'switch-dns', resolver: null })
    expect(store.getState().osFixBusy).toBe('switch-dns')
    expect(store.getState().fixMessages['switch-dns']).toEqual({ tone: 'info', text: 'Working…' })

    answer.resolve(switchOk)
    expect(await applying).toEqual({ tone: 'ok', text: 'Now using 8.8.8.8 on eth0.' })
    await settle()
    expect(store.getState()).toMatchObject({ dnsConfirmBy: CONFIRM_BY, dnsSwitched: false, osFixBusy: null })
    expect(store.getState().fixMessages['switch-dns']).toEqual({ tone: 'ok', text: 'Now using 8.8.8.8 on eth0.' })
    expect(fake.api.fixSupport).toHaveBeenCalledTimes(2)
    expect(store.getState().fixSupport?.['revert-dns']?.available).toBe(true)
  })

  it('"Keep" ends the countdown and says the settings are kept', async () => {
    const { store, fake } = setup()
    fake.api.applyOsFix.mockResolvedValueOnce(switchOk)
    await store.getState().applyOsFix('switch-dns')
    await settle()
    const supportCalls = fake.api.fixSupport.mock.calls.length

    await store.getState().keepDns()
    await settle()
    expect(fake.api.confirmDnsChange).toHaveBeenCalledWith(null)
    expect(store.getState()).toMatchObject({ dnsConfirmBy: null, dnsSwitched: true })
    expect(store.getState().dnsNotice).toEqual({ tone: 'ok', text: expect.stringContaining('Kept.') })
    expect(fake.api.fixSupport.mock.calls.length).toBe(supportCalls + 1)
  })

  it('"Keep" pressed too late says the previous settings were put back', async () => {
    const { store, fake } = setup()
    fake.api.applyOsFix.mockResolvedValueOnce(switchOk)
    await store.getState().applyOsFix('switch-dns')
    fake.api.confirmDnsChange.mockResolvedValueOnce({ kept: false })
    await store.getState().keepDns()
    expect(store.getState()).toMatchObject({ dnsConfirmBy: null, dnsSwitched: false, dnsNotice: { tone: 'info', text: TEXTS.dns.revertedUnconfirmed } })
  })

  it('"Undo now" reverts, ends the countdown and answers next to the prompt', async () => {
    const { store, fake } = setup()
    fake.api.applyOsFix.mockResolvedValueOnce(switchOk)
    await store.getState().applyOsFix('switch-dns')
    fake.api.applyOsFix.mockResolvedValueOnce({ ok: true, id: 'revert-dns', outcome: { code: 'reverted', adapters: ['eth0'] } })

    await store.getState().undoDns()
    expect(fake.api.applyOsFix).toHaveBeenLastCalledWith({ id: 'revert-dns', resolver: null })
    expect(store.getState()).toMatchObject({ dnsConfirmBy: null, dnsSwitched: false, dnsNotice: { tone: 'ok', text: 'Your previous settings are back on eth0, exactly as they were.' } })
    expect(store.getState().fixMessages['switch-dns']).toBeUndefined()
  })

  it('when main undoes an unconfirmed switch, the countdown goes away, the person is told why, and what can be undone is asked again', async () => {
    const { store, fake } = setup()
    fake.api.applyOsFix.mockResolvedValueOnce(switchOk)
    await store.getState().applyOsFix('switch-dns')
    await settle()
    const supportCalls = fake.api.fixSupport.mock.calls.length

    fake.emit('dnsChangeReverted', { reason: 'not-confirmed' })
    expect(store.getState()).toMatchObject({
      dnsConfirmBy: null,
      dnsSwitched: false,
      dnsNotice: { tone: 'info', text: 'Nobody confirmed the new settings in time, so your previous ones were put back.' },
    })
    expect(store.getState().fixMessages['switch-dns']).toBeUndefined()
    await settle()
    expect(fake.api.fixSupport.mock.calls.length).toBe(supportCalls + 1)
  })

  it('shows a failed automatic undo as a problem that says why', () => {
    const { store, fake } = setup()
    fake.emit('dnsChangeReverted', { reason: 'failed', failure: { ok: false, code: 'dns-settings.elevation-declined', detail: 'declined' } })
    expect(store.getState().dnsNotice).toEqual({ tone: 'problem', text: expect.stringMatching(/^Nobody confirmed the new settings, but .*password was not given.*still uses the public address book/) })
  })

  it('a switch that needs no confirmation counts as switched at once, without a countdown', async () => {
    const { store, fake } = setup()
    fake.api.applyOsFix.mockResolvedValueOnce({ ok: true, id: 'switch-dns', outcome: switched })
    await store.getState().applyOsFix('switch-dns')
    expect(store.getState()).toMatchObject({ dnsConfirmBy: null, dnsSwitched: true })
  })

  it('a failed switch says why as a problem and starts no countdown', async () => {
    const { store, fake } = setup()
    fake.api.applyOsFix.mockResolvedValueOnce({ ok: false, id: 'switch-dns', code: 'dns-settings.verification-failed', detail: '8.8.8.8 did not answer' })
    const message = await store.getState().applyOsFix('switch-dns')
    expect(message).toEqual({ tone: 'problem', text: 'The new address book did not answer (8.8.8.8 did not answer), so NetMend put your previous settings back.' })
    expect(store.getState()).toMatchObject({ dnsConfirmBy: null, dnsSwitched: false, osFixBusy: null })
  })

  it('runs one change to the computer at a time', async () => {
    const { store, fake } = setup()
    const answer = deferred<Awaited<ReturnType<NetmendApi['applyOsFix']>>>()
    fake.api.applyOsFix.mockReturnValueOnce(answer.promise)
    const first = store.getState().applyOsFix('switch-dns')
    expect(await store.getState().applyOsFix('flush-dns-cache')).toBeNull()
    expect(fake.api.applyOsFix).toHaveBeenCalledTimes(1)
    answer.resolve(switchOk)
    await first
    expect(store.getState().osFixBusy).toBeNull()
  })

  it('refreshes what the fixes can do after every OS fix, even one that threw', async () => {
    const { store, fake } = setup()
    await settle()
    expect(fake.api.fixSupport).toHaveBeenCalledTimes(1)
    await store.getState().applyOsFix('flush-dns-cache')
    await settle()
    expect(fake.api.fixSupport).toHaveBeenCalledTimes(2)

    fake.api.applyOsFix.mockRejectedValueOnce(new Error('elevation refused'))
    const message = await store.getState().applyOsFix('flush-dns-cache')
    expect(message).toEqual({ tone: 'problem', text: 'That did not work: elevation refused' })
    await settle()
    expect(fake.api.fixSupport).toHaveBeenCalledTimes(3)
  })
})

describe('history', () => {
  const entry = (id: string, finishedAt: string, target: string | null = 'https://shop.example/'): HistoryEntry => ({ id, finishedAt, report: fullReport(target) })
  const older = entry('a', '2025-03-01T10:00:00.000Z')
  const newest = entry('b', '2025-03-03T10:00:00.000Z', null)
  const middle = entry('c', '2025-03-02T10:00:00.000Z')

  it('lists past diagnoses newest first', async () => {
    const { store, fake } = setup()
    fake.api.listHistory.mockResolvedValue([older, newest, middle])
    await store.getState().loadHistory()
    expect(store.getState().history.map((item) => item.id)).toEqual(['b', 'c', 'a'])
    expect(store.getState().historyState).toBe('loaded')
  })

  it('says when the history cannot be read', async () => {
    const { store, fake } = setup()
    await settle()
    fake.api.listHistory.mockRejectedValueOnce(new Error('disk'))
    await store.getState().loadHistory()
    expect(store.getState().historyState).toBe('failed')
  })

  it('opening the panel reloads the list', async () => {
    const { store, fake } = setup()
    await settle()
    store.getState().setHistoryOpen(true)
    await settle()
    expect(store.getState().historyOpen).toBe(true)
    expect(fake.api.listHistory).toHaveBeenCalledTimes(2)
  })

  it('shows a past diagnosis read-only, not while a run goes on, and a new run closes it', async () => {
    const { store, fake } = setup()
    fake.api.listHistory.mockResolvedValue([older, middle])
    await store.getState().loadHistory()
    store.getState().viewHistory('a')
    expect(store.getState().viewingId).toBe('a')
    expect(shownReport(store.getState())).toBe(older.report)

    store.getState().closeHistoryView()
    expect(shownReport(store.getState())).toBeNull()

    store.getState().viewHistory('c')
    await store.getState().diagnose('shop.example')
    expect(store.getState().viewingId).toBeNull()
    store.getState().viewHistory('a')
    expect(store.getState().viewingId).toBeNull()
  })

  it('deletes one entry, says so and shows the list without it; deleting the one on screen closes it', async () => {
    const { store, fake } = setup()
    fake.api.listHistory.mockResolvedValue([older, middle])
    await store.getState().loadHistory()
    store.getState().viewHistory('a')

    fake.api.listHistory.mockResolvedValue([middle])
    await store.getState().deleteHistory('a')
    expect(fake.api.deleteHistory).toHaveBeenCalledWith({ id: 'a' })
    expect(store.getState()).toMatchObject({ viewingId: null, historyMessage: 'Deleted.' })
    expect(store.getState().history.map((item) => item.id)).toEqual(['c'])
  })

  it('deletes everything and says the history is empty', async () => {
    const { store, fake } = setup()
    fake.api.listHistory.mockResolvedValue([older, middle])
    await store.getState().loadHistory()
    fake.api.listHistory.mockResolvedValue([])
    await store.getState().deleteHistory(null)
    expect(fake.api.deleteHistory).toHaveBeenCalledWith({ id: null })
    expect(store.getState()).toMatchObject({ history: [], historyMessage: 'The history is empty now.' })
  })

  it('says when deleting failed and shows the list as it really is', async () => {
    const { store, fake } = setup()
    fake.api.listHistory.mockResolvedValue([older, middle])
    await store.getState().loadHistory()
    store.getState().viewHistory('c')
    fake.api.deleteHistory.mockRejectedValueOnce(new Error('read-only folder'))
    await store.getState().deleteHistory('a')
    expect(store.getState().historyMessage).toBe('That did not work: read-only folder')
    expect(store.getState().history.map((item) => item.id)).toEqual(['c', 'a'])
    expect(store.getState().viewingId).toBe('c')
  })

  it('stops showing a past diagnosis that is gone from the list when it is reloaded', async () => {
    const { store, fake } = setup()
    fake.api.listHistory.mockResolvedValue([older, middle])
    await store.getState().loadHistory()
    store.getState().viewHistory('a')
    fake.api.listHistory.mockResolvedValue([middle])
    await store.getState().loadHistory()
    expect(store.getState().viewingId).toBeNull()
  })
})

describe('reports', () => {
  it('copies the report of the diagnosis on screen, or says there is none yet', async () => {
    const { store, fake } = setup()
    await store.getState().copyReport('site-admin')
    expect(fake.api.copyText).not.toHaveBeenCalled()
    expect(store.getState().fixMessages['contact-site-admin']).toEqual({ tone: 'problem', text: 'There is no diagnosis to report yet.' })

    await store.getState().diagnose('shop.example')
    finishedRun(fake, 'run-1', fullReport('https://shop.example/'))
    await store.getState().copyReport('isp')
    const text = fake.api.copyText.mock.calls[0]![0].text
    expect(text).toMatch(/^NetMend report for the internet provider\n/)
    expect(text).toContain('Site: https://shop.example/')
    expect(store.getState().fixMessages['contact-isp']).toEqual({ tone: 'ok', text: 'Copied. Paste it wherever you contact them.' })
  })
})

describe('when NetMend itself fails', () => {
  it('a run whose engine failed ends: the unfinished rows are stopped, the window says so in words and Diagnose works again', async () => {
    const { store, fake } = await running()
    finishedCheck(fake, 'run-1', 'net.interfaces')
    fake.emit('diagnosisEvent', { runId: 'run-1', event: { type: 'failed', failure: { ok: false, code: 'diagnosis.failed', detail: 'TypeError: x is undefined' } } })
    const state = store.getState()
    expect(state.phase).toBe('idle')
    expect(state.runId).toBeNull()
    expect(state.progress).toBe(TEXTS.runFailed)
    expect(state.runMessage).toEqual({ tone: 'problem', text: TEXTS.appFailures.failures['diagnosis.failed']('') })
    expect(state.runMessage?.text).not.toContain('TypeError')
    expect(statuses(store)).toEqual({ ...allRows('cancelled'), 'net.interfaces': 'pass' })
    fake.api.diagnose.mockResolvedValue({ ok: true, runId: 'run-2' })
    await store.getState().diagnose()
    expect(store.getState().phase).toBe('running')
  })

  it('a failure that arrives before main said the run id still ends that run', async () => {
    const { store, fake } = setup()
    const answer = deferred<Awaited<ReturnType<NetmendApi['diagnose']>>>()
    fake.api.diagnose.mockReturnValue(answer.promise)
    const diagnosing = store.getState().diagnose('shop.example')
    fake.emit('diagnosisEvent', { runId: 'run-1', event: { type: 'failed', failure: { ok: false, code: 'diagnosis.failed', detail: 'bug' } } })
    answer.resolve({ ok: true, runId: 'run-1' })
    await diagnosing
    expect(store.getState().phase).toBe('idle')
    expect(store.getState().runMessage?.tone).toBe('problem')
  })

  it('a report that could not be saved says what to do, not the system error', async () => {
    const { store, fake } = setup()
    await store.getState().diagnose('shop.example')
    finishedRun(fake, 'run-1', fullReport('https://shop.example/'))
    fake.api.saveText.mockResolvedValue({ saved: false, failure: { ok: false, code: 'report.not-saved', detail: 'ENOTDIR' } })
    await store.getState().saveReport('site-admin')
    const message = store.getState().fixMessages['contact-site-admin']
    expect(message).toEqual({ tone: 'problem', text: TEXTS.appFailures.failures['report.not-saved']('') })
    expect(message?.text).not.toContain('ENOTDIR')
  })

  it('what start-up found and a watch main kept going are shown when the window opens', async () => {
    const fake = fakeApi()
    const notes = { settings: { ok: false as const, code: 'config.not-json' as const, detail: 'Unexpected token' }, dnsRecovery: { ok: true as const, recovered: true as const } }
    fake.api.startupNotes.mockResolvedValue(notes)
    fake.api.watchStatus.mockResolvedValue({ watching: true, target: 'shop.example' })
    const store = createNetmendStore(fake.api, TEXTS)
    store.getState().start()
    await settle()
    expect(store.getState().startupNotes).toEqual(notes)
    expect(store.getState().watch).toEqual({ watching: true, target: 'shop.example' })
    store.getState().dismissStartupNotes()
    expect(store.getState().startupNotes).toBeNull()
  })
})
