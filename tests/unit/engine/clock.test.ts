// The clock check reads the servers' Date headers against this computer's clock, passed in as a seam.
import { describe, expect, it } from 'vitest'
import type { CheckContext, Outcomes } from '../../../src/main/engine/check'
import { CLOCK_SKEW_LIMIT_MS, clockCheck } from '../../../src/main/engine/checks/clock'
import { DEFAULT_CONFIG } from '../../../src/main/engine/config'
import type { PinnedFetchResult } from '../../../src/shared/evidence'
import { noSystemResolvers, offlineSystem } from '../support/offline-system'

const SERVER_TIME = Date.UTC(2026, 10, 30, 12, 0, 0)
const answered = (address: string, date?: string): PinnedFetchResult => ({
  ok: true,
  address,
  status: 200,
  headers: date === undefined ? {} : { date },
  bodySnippet: '',
  timings: { totalMs: 5 },
})

function contextAt(now: number, outcomes: Outcomes): CheckContext {
  return { config: DEFAULT_CONFIG, target: null, system: offlineSystem, systemResolvers: noSystemResolvers, outcomes, remainingMs: () => 200, now: () => now, routerSilent: new AbortController().signal }
}

const siteSaid = (...fetches: PinnedFetchResult[]): Outcomes => ({
  'site.http': { status: 'pass', summary: { code: 'site-answers', status: 200, ms: 5 }, evidence: { url: 'http://shop.example/', addresses: [], fetches } },
})

describe('clock check', () => {
  const date = new Date(SERVER_TIME).toUTCString()

  it('a clock three days behind the servers is wrong, by that many minutes', async () => {
    const outcome = await clockCheck.run(contextAt(SERVER_TIME - 3 * 86_400_000, siteSaid(answered('192.0.2.1', date))), new AbortController().signal)
    expect(outcome).toMatchObject({ status: 'fail', summary: { code: 'clock-wrong', minutes: -4320 }, evidence: { skewMs: -3 * 86_400_000, servers: [{ from: 'site', date }] } })
  })

  it('a drift under the limit is right', async () => {
    const outcome = await clockCheck.run(contextAt(SERVER_TIME + CLOCK_SKEW_LIMIT_MS - 1000, siteSaid(answered('192.0.2.1', date))), new AbortController().signal)
    expect(outcome.status).toBe('pass')
  })

  it('one server with a wrong clock does not make this one wrong: the middle one counts', async () => {
    const wrong = new Date(SERVER_TIME + 86_400_000).toUTCString()
    const outcome = await clockCheck.run(contextAt(SERVER_TIME, siteSaid(answered('192.0.2.1', date), answered('192.0.2.2', wrong), answered('192.0.2.3', date))), new AbortController().signal)
    expect(outcome.status).toBe('pass')
  })

  it('without a Date from any server, it cannot tell', async () => {
    const outcome = await clockCheck.run(contextAt(SERVER_TIME, siteSaid(answered('192.0.2.1'), answered('192.0.2.2', 'not a date'))), new AbortController().signal)
    expect(outcome).toMatchObject({ status: 'skipped', summary: { code: 'clock-unknown' } })
  })
})
