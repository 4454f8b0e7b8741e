import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { queryDns, type DnsQuestion } from '../../../src/main/dns/client'
import { closedUdpPort, delay, replyTo, startServer, type LoopbackServer } from './loopback-server'

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
    expect(ms).toBeGreaterThanOrEqual(440)
    expect(ms).toBeLessThan(800)
    expect(result.latencyMs).toBeGreaterThanOrEqual(440)
    expect(server.received).toHaveLength(3)
  })

  it('defaults to two tries', async () => {
    server = await startServer({})
    const result = await queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', timeoutMs: 100 })
    expect(result).toMatchObject({ ok: false, code: 'dns.timeout' })
    expect(server.received).toHaveLength(2)
  })

  it('retries with a fresh ID and accepts the answer to the second try', async () => {
    server = await startServer({
      udp: ({ query, send }) => (server!.received.length === 2 ? send(replyTo(query, { answers: [{ name: 'example.test', type: 'A', data: '192.0.2.1' }] })) : undefined),
    })
    const result = await queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', timeoutMs: 200, tries: 2 })
    expect(result).toMatchObject({ ok: true, rcode: 'NOERROR', transport: 'udp' })
    expect(result.latencyMs).toBeGreaterThanOrEqual(190) // measured from the first send
    const [first, second] = server.received.map((query) => query.packet.id)
    expect(second).not.toBe(first)
  })

  it('accepts a late answer to the first try while waiting for the second', async () => {
    server = await startServer({
      udp: async ({ query, send }) => {
        if (server!.received.length !== 1) return
        await delay(150)
        await send(replyTo(query, { answers: [{ name: 'example.test', type: 'A', data: '192.0.2.1' }] }))
      },
    })
    const result = await queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', timeoutMs: 100, tries: 2 })
    expect(result).toMatchObject({ ok: true })
    expect(server.received).toHaveLength(2)
  })
})

describe('unreachable servers', () => {
  it('reports ICMP port unreachable as dns.unreachable without waiting for the timeout', async () => {
    const port = await closedUdpPort()
    const { result, ms } = await timed(queryDns({ server: '127.0.0.1', port, name: 'example.test', type: 'A', timeoutMs: 2000 }))
    expect(result).toMatchObject({ ok: false, code: 'dns.unreachable' })
    expect(result.ok || result.detail).toContain('ECONNREFUSED')
    expect(ms).toBeLessThan(500)
  })
})

describe('aborting', () => {
  it('resolves promptly with dns.aborted when the signal fires mid-query', async () => {
    server = await startServer({})
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const { result, ms } = await timed(
      queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', timeoutMs: 5000, signal: controller.signal }),
    )
    expect(result).toMatchObject({ ok: false, code: 'dns.aborted' })
    expect(ms).toBeLessThan(250)
    expect(server.received).toHaveLength(1)
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

describe('resource hygiene', () => {
  it('leaves no sockets or timers behind, whatever the outcome', async () => {
    const handleCounts = (): Record<string, number> => {
      const counts: Record<string, number> = {}
      for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1
      return counts
    }
    const before = handleCounts()

    server = await startServer({ udp: ({ query, send }) => (query.packet.questions?.[0]?.name === 'answered.test' ? send(replyTo(query)) : undefined) })
    const target = { server: server.host, port: server.port, type: 'A' as const, timeoutMs: 100, tries: 1 }
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 20)
    await Promise.all([
      queryDns({ ...target, name: 'answered.test' }),
      queryDns({ ...target, name: 'silent.test' }),
      queryDns({ ...target, name: 'silent.test', signal: controller.signal }),
      queryDns({ ...target, port: await closedUdpPort(), name: 'answered.test' }),
    ])
    await server.close()
    server = undefined
    await delay(20)

    const after = handleCounts()
    for (const kind of ['UDPWRAP', 'UDPWrap', 'TCPWRAP', 'TCPSocketWrap', 'Timeout']) expect(after[kind] ?? 0, kind).toBeLessThanOrEqual(before[kind] ?? 0)
  })
})
