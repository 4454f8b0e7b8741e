import type { Answer } from 'dns-packet'
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { settlesBefore } from '../support/order'
import { addressesOf, queryDns } from '../../../src/main/dns/client'
import { delay, replyTo, startServer, withLengthPrefix, type LoopbackServer, type ServerBehaviour } from './loopback-server'

const MANY_ADDRESSES: Answer[] = Array.from({ length: 120 }, (_, index) => ({
  name: 'big.example.test',
  type: 'A',
  ttl: 60,
  data: `10.0.${index >> 8}.${index & 0xff}`,
}))

let server: LoopbackServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** UDP always answers truncated, with just the first address, so the client must move to TCP. */
async function startTruncating(tcp: ServerBehaviour['tcp']): Promise<LoopbackServer> {
  server = await startServer({
    udp: ({ query, send }) => send(replyTo(query, { truncated: true, answers: MANY_ADDRESSES.slice(0, 1) })),
    tcp,
  })
  return server
}

const askBig = (at: LoopbackServer, timing = { timeoutMs: 1000, tries: 1 }) => queryDns({ server: at.host, port: at.port, name: 'big.example.test', type: 'A', ...timing })

async function askTruncated(tcp: ServerBehaviour['tcp'], timing = { timeoutMs: 1000, tries: 1 }): Promise<Awaited<ReturnType<typeof queryDns>>> {
  return askBig(await startTruncating(tcp), timing)
}

describe('TCP fallback on truncation', () => {
  it('re-asks over TCP and returns the full answer', async () => {
    const response = await askTruncated((query, socket) => {
      socket.write(withLengthPrefix(replyTo(query, { answers: MANY_ADDRESSES })))
    })
    expect(response).toMatchObject({ ok: true, transport: 'tcp', rcode: 'NOERROR' })
    expect(addressesOf(response, 'A')).toHaveLength(120)
    expect(server!.received.map((query) => query.transport)).toEqual(['udp', 'tcp'])
    const tcpQuery = server!.received[1]!.packet
    expect(tcpQuery.questions).toEqual([{ name: 'big.example.test', type: 'A', class: 'IN' }])
  })

  it('moves to TCP even when the truncated UDP reply is cut off mid-record', async () => {
    server = await startServer({
      udp: ({ query, send }) => send(replyTo(query, { truncated: true, answers: MANY_ADDRESSES }).subarray(0, 300)),
      tcp: (query, socket) => {
        socket.write(withLengthPrefix(replyTo(query, { answers: MANY_ADDRESSES })))
      },
    })
    const response = await queryDns({ server: server.host, port: server.port, name: 'big.example.test', type: 'A' })
    expect(response).toMatchObject({ ok: true, transport: 'tcp' })
    expect(addressesOf(response, 'A')).toHaveLength(120)
  })

  it('reassembles a reply whose length prefix and body arrive in separate pieces', async () => {
    const response = await askTruncated(async (query, socket) => {
      const framed = withLengthPrefix(replyTo(query, { answers: MANY_ADDRESSES }))
      for (const piece of [framed.subarray(0, 1), framed.subarray(1, 2), framed.subarray(2, 40), framed.subarray(40)]) {
        socket.write(piece)
        await delay(15)
      }
    })
    expect(response).toMatchObject({ ok: true, transport: 'tcp' })
    expect(addressesOf(response, 'A')).toHaveLength(120)
  })

  it('skips frames that are too short or answer something else, then takes the right one', async () => {
    const response = await askTruncated((query, socket) => {
      const wrongId = Buffer.from(replyTo(query, { answers: MANY_ADDRESSES.slice(0, 3) }))
      wrongId.writeUInt16BE(query.packet.id! ^ 0xffff, 0)
      socket.write(Buffer.concat([withLengthPrefix(Buffer.alloc(0)), withLengthPrefix(Buffer.from('junk')), withLengthPrefix(wrongId)]))
      socket.write(withLengthPrefix(replyTo(query, { answers: MANY_ADDRESSES })))
    })
    expect(addressesOf(response, 'A')).toHaveLength(120)
  })

  it('fails fast, without hanging, when the server claims 65535 bytes and hangs up', async () => {
    const asked = askBig(
      await startTruncating((_query, socket) => {
        socket.end(Buffer.from([0xff, 0xff, 1, 2, 3]))
      }),
    )
    // Before its one second of deadline runs out: it gave up on the hang-up, not on the clock.
    expect(await settlesBefore(asked, 1000)).toBe(true)
    expect(await asked).toMatchObject({ ok: false, code: 'dns.network-error' })
  })

  it('times out within the remaining budget when the TCP server stays silent', async () => {
    const silent = await startTruncating(() => {})
    const started = performance.now()
    const asked = askBig(silent, { timeoutMs: 150, tries: 2 })
    // The whole exchange, TCP included, ends with its 2 × 150 ms budget: that timer is due before this
    // 450 ms one, and timers keep their order however busy the machine is.
    expect(await settlesBefore(asked, 450)).toBe(true)
    expect(performance.now() - started).toBeGreaterThanOrEqual(280)
    expect(await asked).toMatchObject({ ok: false, code: 'dns.timeout' })
  })

  it('reports a closed TCP port as dns.unreachable', async () => {
    const response = await askTruncated(undefined)
    expect(response).toMatchObject({ ok: false, code: 'dns.unreachable' })
    expect(response.ok || response.detail).toContain('ECONNREFUSED')
  })

  it('stops the TCP exchange promptly on abort', async () => {
    server = await startServer({
      udp: ({ query, send }) => send(replyTo(query, { truncated: true })),
      tcp: () => {},
    })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 80)
    const asked = queryDns({ server: server.host, port: server.port, name: 'x.test', type: 'A', timeoutMs: 3000, signal: controller.signal })
    expect(await settlesBefore(asked, 3000)).toBe(true)
    expect(await asked).toMatchObject({ ok: false, code: 'dns.aborted' })
    expect(server.received.map((query) => query.transport)).toEqual(['udp', 'tcp'])
  })
})
