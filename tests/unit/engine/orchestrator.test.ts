import { describe, expect, it } from 'vitest'
import type { DiagnosisEvent } from '../../../src/shared/diagnosis'
import type { Check, CheckContext } from '../../../src/main/engine/check'
import { DEFAULT_CONFIG } from '../../../src/main/engine/config'
import { runChecks } from '../../../src/main/engine/orchestrator'
import { noSystemResolvers, offlineSystem } from '../support/offline-system'
import { settlesBefore } from '../support/order'

const context: Omit<CheckContext, 'outcomes' | 'remainingMs'> = {
  config: DEFAULT_CONFIG,
  target: null,
  system: offlineSystem,
  systemResolvers: noSystemResolvers,
  now: Date.now,
  routerSilent: new AbortController().signal,
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })

function fakeCheck(id: Check['id'], dependsOn: Check['id'][], work: (signal: AbortSignal) => Promise<void>, timeoutMs = 1000, needs: Check['needs'] = []): Check {
  return { id, dependsOn, needs, timeoutMs, run: async (_context, signal) => (await work(signal), { status: 'pass', summary: { code: 'skipped-no-site' } }) } as Check
}

const failingCheck = (id: Check['id']): Check =>
  ({ id, dependsOn: [], needs: [], timeoutMs: 1000, run: async () => ({ status: 'fail', summary: { code: 'interfaces-none' } }) }) as Check

describe('runChecks', () => {
  it('starts a check only after what it depends on, and runs independent ones together', async () => {
    const log: string[] = []
    const step = (name: string, ms: number) => async () => {
      log.push(`start ${name}`)
      await sleep(ms)
      log.push(`end ${name}`)
    }
    await runChecks({
      checks: [fakeCheck('net.interfaces', [], step('a', 10)), fakeCheck('dns.system', ['net.interfaces'], step('b', 30)), fakeCheck('dns.public', ['net.interfaces'], step('c', 10)), fakeCheck('site.http', ['dns.system', 'dns.public'], step('d', 1))],
      context,
      deadline: Date.now() + 2000,
    })
    expect(log.indexOf('start b')).toBeGreaterThan(log.indexOf('end a'))
    expect(log.indexOf('start c')).toBeLessThan(log.indexOf('end b'))
    expect(log.indexOf('start d')).toBeGreaterThan(log.indexOf('end b'))
  })

  it('ends a check that ignores its deadline and reports it as not finished in time', async () => {
    const running = runChecks({
      checks: [fakeCheck('net.interfaces', [], () => sleep(10_000))],
      context,
      deadline: Date.now() + 300,
    })
    // Ended at its 300 ms deadline, not when the check's own 10 s were up.
    expect(await settlesBefore(running, 10_000)).toBe(true)
    expect((await running).reports[0]).toMatchObject({ id: 'net.interfaces', status: 'skipped' })
  })

  it('gives each check a signal that fires at its own deadline', async () => {
    let aborted = false
    await runChecks({
      checks: [fakeCheck('net.interfaces', [], async (signal) => {
        await sleep(5000, signal)
        aborted = signal.aborted
      }, 100)],
      context,
      deadline: Date.now() + 5000,
    })
    expect(aborted).toBe(true)
  })

  it('emits started and finished events for every check, in order', async () => {
    const events: DiagnosisEvent[] = []
    await runChecks({
      checks: [fakeCheck('net.interfaces', [], () => sleep(1)), fakeCheck('net.gateway', ['net.interfaces'], () => sleep(1))],
      context,
      deadline: Date.now() + 1000,
      onEvent: (event) => events.push(event),
    })
    expect(events.map((event) => `${event.type}:${event.type === 'check-finished' ? event.check.id : event.type === 'check-started' ? event.id : ''}`)).toEqual([
      'check-started:net.interfaces',
      'check-finished:net.interfaces',
      'check-started:net.gateway',
      'check-finished:net.gateway',
    ])
  })

  it('stops every check promptly when the caller cancels', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const running = runChecks({ checks: [fakeCheck('net.interfaces', [], (signal) => sleep(5000, signal), 5000)], context, deadline: Date.now() + 5000, signal: controller.signal })
    // Ended by the cancel, before the check's 5 s deadline.
    expect(await settlesBefore(running, 5000)).toBe(true)
  })

  it("skips a check whose needs are not met, with the first missing need's line, without running it", async () => {
    const ran: string[] = []
    const work = (name: string) => async () => void ran.push(name)
    const run = await runChecks({
      checks: [
        failingCheck('net.interfaces'),
        fakeCheck('net.gateway', ['net.interfaces'], work('gateway'), 1000, ['network']),
        fakeCheck('site.dns', ['net.interfaces'], work('site'), 1000, ['site', 'network']),
        fakeCheck('dns.hijack', ['net.interfaces'], work('hijack'), 1000, []),
      ],
      context,
      deadline: Date.now() + 2000,
    })
    expect(ran).toEqual(['hijack'])
    expect(run.reports.map((report) => [report.id, report.status, report.summary.code])).toEqual([
      ['net.interfaces', 'fail', 'interfaces-none'],
      ['net.gateway', 'skipped', 'skipped-no-network'],
      ['site.dns', 'skipped', 'skipped-no-site'],
      ['dns.hijack', 'pass', 'skipped-no-site'],
    ])
  })
})
