import { afterEach, describe, expect, it } from 'vitest'
import { queryDns } from '../../../src/main/dns/client'
import { settlesBefore } from '../support/order'
import { replyTo, startServer, type LoopbackServer } from './loopback-server'

let server: LoopbackServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const question = (at: LoopbackServer, lastTry: AbortSignal) => ({ server: at.host, port: at.port, name: 'example.test', type: 'A' as const, lastTry })

describe('lastTry: no more tries once silence has another explanation', () => {
  it('fired before the query: one try is sent, and its silence is the answer', async () => {
    server = await startServer({})
    const result = await queryDns({ ...question(server, AbortSignal.abort()), timeoutMs: 100, tries: 3 })
    expect(result).toMatchObject({ ok: false, code: 'dns.timeout' })
    expect(result.ok || result.detail).toContain('(1 of 3 tries, 100 ms each)')
    expect(server.received).toHaveLength(1)
  })

  it('fired during the first try: that try still counts, no second one is sent', async () => {
    const lastTry = new AbortController()
    server = await startServer({ udp: () => lastTry.abort() })
    const result = await queryDns({ ...question(server, lastTry.signal), timeoutMs: 150, tries: 3 })
    expect(result).toMatchObject({ ok: false, code: 'dns.timeout' })
    expect(server.received).toHaveLength(1)
  })

  it('fired during the first try: an answer to it is still taken', async () => {
    const lastTry = new AbortController()
    server = await startServer({
      udp: async ({ query, send }) => {
        lastTry.abort()
        await send(replyTo(query, { answers: [{ name: 'example.test', type: 'A', data: '192.0.2.1' }] }))
      },
    })
    const result = await queryDns({ ...question(server, lastTry.signal), timeoutMs: 2000, tries: 2 })
    expect(result).toMatchObject({ ok: true, rcode: 'NOERROR' })
  })

  it('fired once a whole try went unanswered: ends at once, without waiting out the try under way', async () => {
    // The client's clock says the first try's minute is up as soon as the server has seen it; the real timers
    // are a minute away, so only the check made when lastTry fires can end this query.
    let now = 0
    const lastTry = new AbortController()
    server = await startServer({
      udp: () => {
        now = 60_000
        lastTry.abort()
      },
    })
    const query = queryDns({ ...question(server, lastTry.signal), timeoutMs: 60_000, tries: 2, clock: () => now })
    expect(await settlesBefore(query, 20_000)).toBe(true)
    expect(await query).toMatchObject({ ok: false, code: 'dns.timeout' })
    expect(server.received).toHaveLength(1)
  }, 30_000)

  it('without lastTry, the same query keeps waiting: the test above is not ended by anything else', async () => {
    let now = 0
    server = await startServer({ udp: () => void (now = 60_000) })
    const stop = new AbortController()
    const query = queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', timeoutMs: 60_000, tries: 2, clock: () => now, signal: stop.signal })
    expect(await settlesBefore(query, 1000)).toBe(false)
    stop.abort()
    expect(await query).toMatchObject({ ok: false, code: 'dns.aborted' })
  })
})
