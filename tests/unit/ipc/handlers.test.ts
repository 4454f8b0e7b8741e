import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ContractEvents, EventName } from '../../../src/shared/contract'
import type { DiagnosisReport } from '../../../src/shared/diagnosis'
import { DEFAULT_CONFIG } from '../../../src/main/engine/config'
import type { DiagnoseOptions } from '../../../src/main/engine/diagnose'
import { createHistoryStore } from '../../../src/main/history/history-store'
import { createMainHandlers, type DnsSettingsPort, type MainDependencies } from '../../../src/main/ipc/handlers'

const report = (code: DiagnosisReport['verdict']['code']): DiagnosisReport => ({
  target: 'https://shop.example/',
  verdict: { code },
  params: { site: 'shop.example' },
  finishedAt: '2026-11-24T15:00:00.000Z',
  findings: [],
  checks: [],
  fixes: [],
  durationMs: 5,
})

function fakeDnsSettings(): DnsSettingsPort & { calls: string[] } {
  const calls: string[] = []
  let changed = false
  return {
    calls,
    show: async () => ({ ok: true, netmendChanged: changed }),
    use: async (servers) => (calls.push(`use ${servers.join(' ')}`), (changed = true), { ok: true, adapters: ['eth0'] }),
    confirm: async () => (calls.push('confirm'), { ok: true }),
    revert: async () => {
      calls.push('revert')
      const adapters = changed ? ['eth0'] : []
      changed = false
      return { ok: true, adapters }
    },
    flush: async () => (calls.push('flush'), { ok: true, flushed: false, method: 'none' }),
    recoverUnfinished: async () => (calls.push('recover'), (changed = false), { ok: true, recovered: true }),
    needsAdminPrompt: async () => true,
  }
}

function setup(overrides: Partial<MainDependencies> = {}) {
  const events: { event: EventName; payload: unknown }[] = []
  const deps: MainDependencies = {
    config: DEFAULT_CONFIG,
    language: 'en',
    diagnose: async (options: DiagnoseOptions) => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      return report(options.signal?.aborted ? 'inconclusive' : 'ok')
    },
    emit: <E extends EventName>(event: E, payload: ContractEvents[E]) => void events.push({ event, payload }),
    dnsSettings: null,
    listInterfaces: () => [{ name: 'eth0', addresses: [{ address: '192.0.2.100', family: 'IPv4', internal: false, scope: 'global' }] }],
    history: createHistoryStore(mkdtempSync(join(tmpdir(), 'netmend-history-'))),
    copyText: vi.fn(),
    saveText: vi.fn(async () => ({ saved: true })),
    notify: vi.fn(),
    openHelp: vi.fn(async () => true),
    watchIntervalMs: 30,
    confirmWindowMs: 100,
    startupNotes: { settings: null, dnsRecovery: null },
    ...overrides,
  }
  const handlers = createMainHandlers(deps)
  return { handlers, deps, events }
}

// Waits that are ordered against the handlers' own timers (the fake diagnosis' 20 ms, a 100 ms countdown): a
// busy machine delays both, never reorders them. Work that also writes files is waited for, not timed.
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const WRITTEN = { timeout: 30_000, interval: 10 }
const finishedEvents = (events: { event: EventName; payload: unknown }[]) =>
  events.filter((event) => event.event === 'diagnosisEvent' && (event.payload as { event: { type: string } }).event.type === 'finished')

describe('main handlers', () => {
  let dispose: (() => Promise<void>) | undefined
  afterEach(async () => dispose?.())

  it('never starts a second diagnosis while one runs', async () => {
    const { handlers } = setup()
    dispose = handlers.dispose
    const first = await handlers.diagnose({ target: 'shop.example' })
    const second = await handlers.diagnose({ target: 'shop.example' })
    expect(first.ok).toBe(true)
    expect(second).toMatchObject({ ok: false, code: 'diagnosis.busy' })
  })

  it('refuses a bad address with its code and what was wrong with it', async () => {
    const { handlers } = setup()
    dispose = handlers.dispose
    expect(await handlers.diagnose({ target: 'ftp://shop.example' })).toEqual({ ok: false, code: 'target.unsupported-scheme', detail: 'ftp:' })
  })

  it('keeps finished diagnoses in the history, and can delete them', async () => {
    const { handlers, events } = setup()
    dispose = handlers.dispose
    await handlers.diagnose({ target: null })
    await vi.waitFor(() => expect(finishedEvents(events)).toHaveLength(1), WRITTEN)
    const history = await handlers.listHistory(null)
    expect(history).toHaveLength(1)
    expect(await handlers.deleteHistory({ id: history[0]!.id })).toEqual({ remaining: 0 })
  })

  it('lets a new diagnosis start right after a cancel', async () => {
    const { handlers } = setup()
    dispose = handlers.dispose
    const first = await handlers.diagnose({ target: null })
    expect(first.ok && (await handlers.cancel({ runId: first.runId }))).toEqual({ cancelled: true })
    expect((await handlers.diagnose({ target: null })).ok).toBe(true)
  })

  it('announces the end of a diagnosis only once it is in the history', async () => {
    const history = createHistoryStore(mkdtempSync(join(tmpdir(), 'netmend-history-')))
    let saved = false
    const order: string[] = []
    const { handlers } = setup({
      history: { ...history, add: async (report) => ((saved = true), history.add(report)) },
      emit: (_event, payload) => void ('event' in payload && payload.event.type === 'finished' && order.push(saved ? 'finished after saving' : 'finished before saving')),
    })
    dispose = handlers.dispose
    await handlers.diagnose({ target: null })
    await vi.waitFor(() => expect(order).toHaveLength(1), WRITTEN)
    expect(order).toEqual(['finished after saving'])
  })

  it('cancels the running diagnosis and keeps it out of the history', async () => {
    const { handlers } = setup()
    dispose = handlers.dispose
    const started = await handlers.diagnose({ target: null })
    expect(started.ok && (await handlers.cancel({ runId: started.runId }))).toEqual({ cancelled: true })
    await wait(60)
    expect(await handlers.listHistory(null)).toHaveLength(0)
    expect(await handlers.cancel({ runId: 'not-running' })).toEqual({ cancelled: false })
  })

  it('says honestly that OS fixes are not available when the system cannot change DNS', async () => {
    const { handlers } = setup()
    dispose = handlers.dispose
    const support = await handlers.fixSupport(null)
    expect(support.every((fix) => !fix.available && fix.reason?.code === 'dns-settings.unsupported')).toBe(true)
    const outcome = await handlers.applyOsFix({ id: 'switch-dns', resolver: null })
    expect(outcome).toMatchObject({ ok: false, code: 'dns-settings.unsupported' })
  })

  it('says there is nothing to undo when NetMend changed nothing, and which connections it put back when it did', async () => {
    const dns = fakeDnsSettings()
    const { handlers } = setup({ dnsSettings: dns })
    dispose = handlers.dispose
    expect((await handlers.fixSupport(null)).find((fix) => fix.id === 'revert-dns')).toMatchObject({ available: false, reason: { code: 'nothing-to-revert' } })
    expect(await handlers.applyOsFix({ id: 'revert-dns', resolver: null })).toEqual({ ok: true, id: 'revert-dns', outcome: { code: 'nothing-to-revert' } })
    await handlers.applyOsFix({ id: 'switch-dns', resolver: null })
    expect(await handlers.applyOsFix({ id: 'revert-dns', resolver: null })).toEqual({ ok: true, id: 'revert-dns', outcome: { code: 'reverted', adapters: ['eth0'] } })
  })

  it('puts the old DNS back when nobody confirms the switch in time', async () => {
    const dns = fakeDnsSettings()
    const { handlers, events } = setup({ dnsSettings: dns })
    dispose = handlers.dispose
    const outcome = await handlers.applyOsFix({ id: 'switch-dns', resolver: 'Cloudflare' })
    expect(outcome).toMatchObject({ ok: true, id: 'switch-dns' })
    expect(outcome.ok && outcome.confirmBy).toBeGreaterThan(Date.now())
    expect(dns.calls).toEqual(['use 1.1.1.1'])
    await wait(200)
    expect(dns.calls).toEqual(['use 1.1.1.1', 'recover'])
    expect(events.find((event) => event.event === 'dnsChangeReverted')?.payload).toMatchObject({ reason: 'not-confirmed' })
  })

  it.each(['203.0.113.66', '2001:db8::66', 'OpenDNS', 'cloudflare.com'])(
    'the window cannot choose a resolver that is not configured, by address or by name (%s): refused, nothing switched, nothing to keep',
    async (resolver) => {
      const dns = fakeDnsSettings()
      const { handlers } = setup({ dnsSettings: dns })
      dispose = handlers.dispose
      const outcome = await handlers.applyOsFix({ id: 'switch-dns', resolver })
      expect(outcome).toEqual({ ok: false, id: 'switch-dns', code: 'dns-settings.unknown-resolver', detail: resolver })
      expect(await handlers.confirmDnsChange(null)).toEqual({ kept: false })
      expect(dns.calls).toEqual([])
    },
  )

  it('passes a refused administrator prompt on as its code', async () => {
    const dns = { ...fakeDnsSettings(), use: async () => ({ ok: false as const, code: 'dns-settings.elevation-declined' as const, detail: 'User did not grant permission.' }) }
    const { handlers } = setup({ dnsSettings: dns })
    dispose = handlers.dispose
    const outcome = await handlers.applyOsFix({ id: 'switch-dns', resolver: null })
    expect(outcome).toMatchObject({ ok: false, code: 'dns-settings.elevation-declined' })
  })

  it('keeps the switch once confirmed', async () => {
    const dns = fakeDnsSettings()
    const { handlers } = setup({ dnsSettings: dns })
    dispose = handlers.dispose
    await handlers.applyOsFix({ id: 'switch-dns', resolver: null })
    expect(await handlers.confirmDnsChange(null)).toEqual({ kept: true })
    await wait(200)
    expect(dns.calls).toEqual(['use 8.8.8.8 8.8.4.4', 'confirm'])
    expect((await handlers.fixSupport(null)).find((fix) => fix.id === 'revert-dns')?.available).toBe(true)
  })

  it('reverts an unconfirmed switch when the app quits', async () => {
    const dns = fakeDnsSettings()
    const { handlers } = setup({ dnsSettings: dns, confirmWindowMs: 10_000 })
    await handlers.applyOsFix({ id: 'switch-dns', resolver: 'quad9' })
    await handlers.dispose()
    expect(dns.calls).toEqual(['use 9.9.9.9', 'recover'])
  })

  it('still ends the diagnosis when the history cannot be written', async () => {
    const history = createHistoryStore(mkdtempSync(join(tmpdir(), 'netmend-history-')))
    const { handlers, events } = setup({ history: { ...history, add: async () => Promise.reject(new Error('ENOSPC')) } })
    dispose = handlers.dispose
    await handlers.diagnose({ target: null })
    await vi.waitFor(() => expect(finishedEvents(events)).toHaveLength(1), WRITTEN)
    expect((await handlers.diagnose({ target: null })).ok).toBe(true)
  })

  it('keeps counting down when keeping the new settings fails, so they still end undone', async () => {
    const dns = { ...fakeDnsSettings(), confirm: async () => ({ ok: false as const, code: 'dns-settings.busy' as const, detail: 'locked' }) }
    const { handlers } = setup({ dnsSettings: dns })
    dispose = handlers.dispose
    await handlers.applyOsFix({ id: 'switch-dns', resolver: null })
    expect(await handlers.confirmDnsChange(null)).toEqual({ kept: false })
    await wait(200)
    expect(dns.calls).toContain('recover')
  })

  it('says plainly when undoing an unconfirmed switch failed', async () => {
    const dns = { ...fakeDnsSettings(), recoverUnfinished: async () => ({ ok: false as const, code: 'dns-settings.elevation-declined' as const, detail: 'declined' }) }
    const { handlers, events } = setup({ dnsSettings: dns })
    dispose = handlers.dispose
    await handlers.applyOsFix({ id: 'switch-dns', resolver: null })
    await wait(200)
    expect(events.find((event) => event.event === 'dnsChangeReverted')?.payload).toEqual({ reason: 'failed', failure: { ok: false, code: 'dns-settings.elevation-declined', detail: 'declined' } })
  })

  it('a check of a watch that was replaced does not speak for the new watch', async () => {
    const pending: ((report: DiagnosisReport) => void)[] = []
    const { handlers, deps, events } = setup({ watchIntervalMs: 10_000, diagnose: () => new Promise((resolve) => pending.push(resolve)) })
    dispose = handlers.dispose
    await handlers.watchSite({ target: 'old.example' })
    await handlers.watchSite({ target: 'new.example' })
    pending[0]!(report('ok'))
    await wait(10)
    expect(deps.notify).not.toHaveBeenCalled()
    expect(events.filter((event) => event.event === 'watchEvent')).toEqual([])
    pending[1]!(report('ok'))
    await wait(10)
    expect(deps.notify).toHaveBeenCalledWith('new.example works again.', 'shop.example works from here')
  })

  it('watches a site and notifies once it is back', async () => {
    let verdict: DiagnosisReport['verdict']['code'] = 'site-bad-gateway'
    const { handlers, deps, events } = setup({ diagnose: async () => report(verdict) })
    dispose = handlers.dispose
    expect(await handlers.watchSite({ target: 'shop.example' })).toMatchObject({ watching: true })
    await wait(50)
    verdict = 'ok'
    await wait(80)
    expect(deps.notify).toHaveBeenCalledTimes(1)
    expect(events.some((event) => event.event === 'watchEvent' && (event.payload as { back?: boolean }).back)).toBe(true)
  })

  it('a diagnosis whose engine throws ends in a failure the window can word, and Diagnose works again', async () => {
    const { handlers, events } = setup({ diagnose: async () => Promise.reject(new Error('engine bug')) })
    dispose = handlers.dispose
    const started = await handlers.diagnose({ target: null })
    const runId = started.ok ? started.runId : ''
    await vi.waitFor(() => expect(events.map((event) => event.payload)).toContainEqual({ runId, event: { type: 'failed', failure: { ok: false, code: 'diagnosis.failed', detail: 'engine bug' } } }))
    expect(await handlers.cancel({ runId })).toEqual({ cancelled: false })
    expect((await handlers.diagnose({ target: null })).ok).toBe(true)
  })

  it('a watch that cannot check stops, says so in a notification and to the window, and a window opened later hears it', async () => {
    const { handlers, deps, events } = setup({ diagnose: async () => Promise.reject(new Error('engine bug')) })
    dispose = handlers.dispose
    await handlers.watchSite({ target: 'shop.example' })
    const failed = { watching: false, target: 'shop.example', failure: { ok: false, code: 'watch.failed', detail: 'engine bug' } }
    await vi.waitFor(() => expect(events.map((event) => event.payload)).toContainEqual(failed))
    expect(deps.notify).toHaveBeenCalledWith('NetMend', expect.stringContaining('stopped watching shop.example'))
    expect(await handlers.watchStatus(null)).toEqual(failed)
  })

  it('a window opened while a watch goes on is told about it', async () => {
    const { handlers } = setup({ watchIntervalMs: 10_000, diagnose: () => new Promise(() => undefined) })
    dispose = handlers.dispose
    await handlers.watchSite({ target: 'shop.example' })
    expect(await handlers.watchStatus(null)).toEqual({ watching: true, target: 'shop.example' })
    await handlers.stopWatching(null)
    expect(await handlers.watchStatus(null)).toEqual({ watching: false, target: null })
  })

  it('a report that cannot be written says why with a code, not the system error', async () => {
    const unwritable = Object.assign(new Error("ENOTDIR: not a directory, open '/etc/passwd/report.txt'"), { code: 'ENOTDIR' })
    const { handlers } = setup({ saveText: async () => Promise.reject(unwritable), copyText: () => { throw new Error('no clipboard') } })
    expect(await handlers.saveText({ suggestedName: 'report.txt', text: 'x' })).toEqual({ saved: false, failure: { ok: false, code: 'report.not-saved', detail: 'ENOTDIR' } })
    expect(await handlers.copyText({ text: 'x' })).toEqual({ copied: false })
  })

  it('does not ask a site that asked to wait (429 with Retry-After) again before that time is up', async () => {
    vi.useFakeTimers()
    try {
      const diagnose = vi.fn(async () => ({ ...report('site-rate-limited'), params: { site: 'shop.example', retryAfterSeconds: 60 } }))
      const { handlers } = setup({ watchIntervalMs: 1000, diagnose })
      dispose = handlers.dispose
      await handlers.watchSite({ target: 'shop.example' })
      await vi.advanceTimersByTimeAsync(59_000)
      expect(diagnose).toHaveBeenCalledTimes(1)
      await vi.advanceTimersByTimeAsync(2_000)
      expect(diagnose).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
  })
})
