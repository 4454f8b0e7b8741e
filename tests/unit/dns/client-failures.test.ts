import { createHook } from 'node:async_hooks'
import { getEventListeners } from 'node:events'
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { queryDns, type DnsQuestion } from '../../../src/main/dns/client'
import { settlesBefore } from '../support/order'
import { closedUdpPort, delay, replyTo, startServer, withLengthPrefix, type LoopbackServer, type Received } from './loopback-server'

let server: LoopbackServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function timed<T>(work: Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now()
  const result = await work
  return { result, ms: performance.now() - started }
}

describe('timeouts and retries', () => {
  it('gives up after timeoutMs × tries, having sent one query per try', async () => {
    server = await startServer({})
    const { result, ms } = await timed(queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', timeoutMs: 150, tries: 3 }))
    expect(result).toMatchObject({ ok: false, code: 'dns.timeout', server: '127.0.0.1' })
    // Timers never fire early, so these lower bounds hold however busy the machine; how late it gives up is the machine's business.
    expect(ms).toBeGreaterThanOrEqual(440)
    expect(result.latencyMs).toBeGreaterThanOrEqual(440)
    expect(server.received).toHaveLength(3)
  })

  it('defaults to two tries', async () => {
    server = await startServer({})
    const result = await queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', timeoutMs: 100 })
    expect(result).toMatchObject({ ok: false, code: 'dns.timeout' })
    expect(server.received).toHaveLength(2)
  })

  it('retries with a fresh ID and accepts the answer to a later try', async () => {
    // Every try after the first is answered, and there are many: a busy machine that is slow to deliver one
    // answer before the next try still sees an answer before the last one runs out.
    server = await startServer({
      udp: ({ query, send }) => (server!.received.length >= 2 ? send(replyTo(query, { answers: [{ name: 'example.test', type: 'A', data: '192.0.2.1' }] })) : undefined),
    })
    const result = await queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', timeoutMs: 200, tries: 10 })
    expect(result).toMatchObject({ ok: true, rcode: 'NOERROR', transport: 'udp' })
    expect(result.latencyMs).toBeGreaterThanOrEqual(190) // measured from the first send
    const [first, second] = server.received.map((query) => query.packet.id)
    expect(second).not.toBe(first)
  })

  it('accepts a late answer to the first try while waiting for the second', async () => {
    // The answer to the first try goes out once the second try is in: late by order, not by a timer.
    server = await startServer({
      udp: async ({ send }) => {
        const [first, second] = server!.received
        if (first === undefined || second === undefined) return
        await send(replyTo(first, { answers: [{ name: 'example.test', type: 'A', data: '192.0.2.1' }] }))
      },
    })
    const result = await queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', timeoutMs: 1000, tries: 2 })
    expect(result).toMatchObject({ ok: true })
    expect(server.received).toHaveLength(2)
  })
})

describe('unreachable servers', () => {
  it('reports ICMP port unreachable as dns.unreachable without waiting for the timeout', async () => {
    const port = await closedUdpPort()
    const query = queryDns({ server: '127.0.0.1', port, name: 'example.test', type: 'A', timeoutMs: 2000, tries: 1 })
    expect(await settlesBefore(query, 2000)).toBe(true)
    const result = await query
    expect(result).toMatchObject({ ok: false, code: 'dns.unreachable' })
    expect(result.ok || result.detail).toContain('ECONNREFUSED')
  })
})

describe('aborting', () => {
  it('resolves promptly with dns.aborted when the signal fires mid-query', async () => {
    server = await startServer({})
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const query = queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', timeoutMs: 5000, tries: 1, signal: controller.signal })
    // Ended by the abort, long before its own deadline.
    expect(await settlesBefore(query, 5000)).toBe(true)
    expect(await query).toMatchObject({ ok: false, code: 'dns.aborted' })
    expect(server.received).toHaveLength(1)
  })

  it('removes its abort listener once the query settles', async () => {
    server = await startServer({
      udp: ({ query, send }) => send(replyTo(query, { truncated: query.packet.questions?.[0]?.name === 'big.test' })),
    })
    const { signal } = new AbortController()
    // Nothing here waits for a timer: the first is answered over UDP, the second refused over TCP.
    const target = { server: server.host, port: server.port, type: 'A' as const, timeoutMs: 60_000, tries: 1, signal }
    const outcomes = await Promise.all([queryDns({ ...target, name: 'small.test' }), queryDns({ ...target, name: 'big.test' })])
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.transport : outcome.code))).toEqual(['udp', 'dns.unreachable'])
    expect(getEventListeners(signal, 'abort')).toEqual([])
  })

  it('yields dns.aborted whenever the abort lands: before connecting, after sending, or during TCP', async () => {
    server = await startServer({ udp: ({ query, send }) => send(replyTo(query, { truncated: true })), tcp: () => {} })
    const abortAt: Array<(abort: () => void) => void> = [
      (abort) => queueMicrotask(abort),
      (abort) => setImmediate(abort),
      (abort) => setTimeout(abort, 1),
      (abort) => setTimeout(abort, 10),
    ]
    for (const schedule of abortAt) {
      const controller = new AbortController()
      const pending = queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', signal: controller.signal })
      schedule(() => controller.abort())
      expect(await pending).toMatchObject({ ok: false, code: 'dns.aborted' })
    }
  })

  it('sends nothing when the signal is already aborted', async () => {
    server = await startServer({})
    const result = await queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', signal: AbortSignal.abort() })
    expect(result).toMatchObject({ ok: false, code: 'dns.aborted', latencyMs: 0 })
    await delay(50)
    expect(server.received).toHaveLength(0)
  })
})

describe('bad questions', () => {
  const cases: Array<[string, Partial<DnsQuestion>]> = [
    ['hostname as server', { server: 'dns.example.test' }],
    ['empty server', { server: '' }],
    ['malformed IPv4', { server: '127.0.0.256' }],
    ['port 0', { port: 0 }],
    ['port above 65535', { port: 65536 }],
    ['fractional port', { port: 53.5 }],
    ['empty name', { name: '' }],
    ['empty label', { name: 'a..example.test' }],
    ['leading dot', { name: '.example.test' }],
    ['space in name', { name: 'exa mple.test' }],
    ['non-ASCII name', { name: 'bücher.example' }],
    ['label over 63 bytes', { name: `${'a'.repeat(64)}.test` }],
    ['name over 255 bytes', { name: Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.') }],
    ['unsupported type', { type: 'ANY' as DnsQuestion['type'] }],
    ['zero timeout', { timeoutMs: 0 }],
    ['NaN timeout', { timeoutMs: Number.NaN }],
    ['zero tries', { tries: 0 }],
    ['fractional tries', { tries: 1.5 }],
  ]

  it.each(cases)('rejects %s without sending anything', async (_label, override) => {
    server = await startServer({})
    const result = await queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', ...override })
    expect(result).toMatchObject({ ok: false, code: 'dns.bad-question', latencyMs: 0 })
    expect(result.ok || result.detail.length).toBeGreaterThan(0)
    await delay(20)
    expect(server.received).toHaveLength(0)
  })

  it('resolves rather than throws for inputs that break the types', async () => {
    const result = await queryDns(null as unknown as DnsQuestion)
    expect(result).toMatchObject({ ok: false, code: 'dns.bad-question' })
    expect(await queryDns({ server: '127.0.0.1', name: 42, type: 'A' } as unknown as DnsQuestion)).toMatchObject({ code: 'dns.bad-question' })
  })

  it('accepts the root name and underscore labels', async () => {
    server = await startServer({ udp: ({ query, send }) => send(replyTo(query)) })
    for (const name of ['.', '_dmarc.example.test', '0/25.2.0.192.in-addr.arpa']) {
      expect(await queryDns({ server: server.host, port: server.port, name, type: 'TXT' })).toMatchObject({ ok: true })
    }
  })
})

/** Async resources of the given kinds created while tracking and not yet destroyed (closed socket, cleared or fired timer). */
function trackResources(kinds: string[]): { stillAlive: () => string[] } {
  const alive = new Map<number, string>()
  const hook = createHook({
    init: (id, kind) => void (kinds.includes(kind) && alive.set(id, kind)),
    destroy: (id) => void alive.delete(id),
  }).enable()
  return {
    stillAlive: () => {
      hook.disable()
      return [...alive.values()]
    },
  }
}

describe('resource hygiene', () => {
  it('leaves no sockets or timers behind, whatever the outcome', async () => {
    const isAnswered = (query: Received): boolean => query.packet.questions?.[0]?.name === 'answered.test'
    server = await startServer({ udp: ({ query, send }) => (isAnswered(query) ? send(replyTo(query)) : undefined) })
    const viaTcp = await startServer({
      udp: ({ query, send }) => send(replyTo(query, { truncated: true })),
      tcp: (query, socket) => {
        if (isAnswered(query)) socket.write(withLengthPrefix(replyTo(query)))
      },
    })
    const closedPort = await closedUdpPort()
    // Servers stay up while we look: a client TCP socket left open would keep its server-side peer open too.
    const resources = trackResources(['UDPWRAP', 'TCPWRAP', 'TCPCONNECTWRAP', 'Timeout'])

    const silent = { server: server.host, port: server.port, type: 'A' as const, timeoutMs: 100, tries: 1, name: 'silent.test' }
    // Long deadlines on the answered queries, so a timer left armed is still pending when we look.
    const answered = { ...silent, timeoutMs: 5000, name: 'answered.test' }
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 20)
    const outcomes = await Promise.all([
      queryDns(answered),
      queryDns(silent),
      queryDns({ ...silent, timeoutMs: 5000, signal: controller.signal }),
      queryDns({ ...answered, port: closedPort }),
      queryDns({ ...answered, port: viaTcp.port }),
      queryDns({ ...silent, port: viaTcp.port }),
    ])
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.transport : outcome.code))).toEqual([
      'udp',
      'dns.timeout',
      'dns.aborted',
      'dns.unreachable',
      'tcp',
      'dns.timeout',
    ])
    await delay(50)
    await new Promise((resolve) => setImmediate(resolve)) // lets the destroy hook of delay()'s own timer run
    const leaked = resources.stillAlive()
    await viaTcp.close()

    expect(leaked).toEqual([])
  })
})
