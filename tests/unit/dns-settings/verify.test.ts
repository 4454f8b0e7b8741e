import { describe, expect, it } from 'vitest'
import type { DnsQuestion, DnsResponse } from '../../../src/main/dns/client'
import { askServersDirectly, verifySwitch } from '../../../src/main/dns-settings/verify'

const V4 = '198.51.100.8'
const V6 = '2001:db8:8::8'
const answer = (server: string): DnsResponse => ({ ok: true, rcode: 'NXDOMAIN', answers: [], authorities: [], latencyMs: 4, transport: 'udp', server })
const noRoute = (server: string): DnsResponse => ({ ok: false, code: 'dns.unreachable', detail: `ENETUNREACH: connect ENETUNREACH ${server}:53`, latencyMs: 0, server })
const silence = (server: string): DnsResponse => ({ ok: false, code: 'dns.timeout', detail: 'no UDP answer', latencyMs: 3000, server })
type Reply = (server: string) => DnsResponse

/**
 * A query stand-in on a fake clock: each server's replies in turn (the last one repeats); a silence costs
 * the 3 s of the query's own tries, a wait what it asks for. Counts the asks.
 */
function scripted(replies: Record<string, Reply[]>) {
  let clock = 0
  const asked: Record<string, number> = {}
  const query = async (question: DnsQuestion): Promise<DnsResponse> => {
    const n = (asked[question.server] = (asked[question.server] ?? 0) + 1)
    const list = replies[question.server] ?? [silence]
    const response = (list[Math.min(n, list.length) - 1] ?? silence)(question.server)
    if (!response.ok && response.code === 'dns.timeout') clock += 3000
    return response
  }
  const deps = { query, now: () => clock, wait: async (ms: number) => void (clock += ms) }
  return { deps, asked, elapsed: () => clock }
}

describe('checking the new servers right after a switch', () => {
  it('IPv6 restarting after NetworkManager reapplies (no route, then a lost query while the address is tentative): the server still counts once it answers', async () => {
    const fake = scripted({ [V4]: [answer], [V6]: [noRoute, noRoute, noRoute, noRoute, noRoute, noRoute, noRoute, noRoute, silence, answer] })
    const checks = await askServersDirectly([V4, V6], fake.deps)
    expect(checks.map((check) => [check.address, check.answered])).toEqual([
      [V4, true],
      [V6, true],
    ])
    expect(fake.asked[V6]).toBe(10)
    expect(fake.asked[V4]).toBe(1)

    const verified = await verifySwitch([V4, V6], async () => true, { ...scripted({ [V4]: [answer], [V6]: [noRoute, silence, answer] }).deps, lookup: async () => ({ ok: true, detail: '1 address' }) })
    expect(verified.ok).toBe(true)
  })

  it('a server that never gets a route is given up on 8 s after the first ask, with the reason', async () => {
    const fake = scripted({ [V6]: [noRoute] })
    const [check] = await askServersDirectly([V6], fake.deps)
    expect(check).toMatchObject({ answered: false, detail: expect.stringContaining('ENETUNREACH') })
    expect(fake.elapsed()).toBe(8000)
    expect(fake.asked[V6]).toBe(33)
  })

  it('a server that was reachable but silent is not asked again: its own tries already took their time', async () => {
    const fake = scripted({ '203.0.113.250': [silence, answer] })
    const [check] = await askServersDirectly(['203.0.113.250'], fake.deps)
    expect(check).toMatchObject({ answered: false, detail: 'no answer' })
    expect(fake.asked['203.0.113.250']).toBe(1)
  })

  it('stopped (AbortSignal): a server without a route is not asked again', async () => {
    const fake = scripted({ [V6]: [noRoute, answer] })
    const stop = new AbortController()
    stop.abort()
    const [check] = await askServersDirectly([V6], { ...fake.deps, signal: stop.signal })
    expect(check?.answered).toBe(false)
    expect(fake.asked[V6]).toBe(1)
  })
})
