import dgram from 'node:dgram'
import * as dnsPacket from 'dns-packet'
import { afterEach, describe, expect, it } from 'vitest'
import { addressesOf, queryDns } from '../../../src/main/dns/client'
import { replyTo, startServer, type LoopbackServer, type Received, type UdpContext } from './loopback-server'

const GENUINE = '192.0.2.1'
const FORGED = '203.0.113.66'

const answerWith = (query: Received, address: string): Buffer => replyTo(query, { answers: [{ name: 'example.test', type: 'A', ttl: 60, data: address }] })

let server: LoopbackServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

// Long enough for a busy machine to work through the forgeries to the genuine answer; the time-out test's
// verdict does not depend on it, only its length.
async function askThrough(udp: (context: UdpContext) => Promise<void>, timeoutMs = 10_000): Promise<Awaited<ReturnType<typeof queryDns>>> {
  server = await startServer({ udp })
  return queryDns({ server: server.host, port: server.port, name: 'example.test', type: 'A', timeoutMs, tries: 1 })
}

function forged(query: Received, change: (bytes: Buffer) => void): Buffer {
  const bytes = Buffer.from(answerWith(query, FORGED))
  change(bytes)
  return bytes
}

describe('anti-spoofing: replies that must be ignored', () => {
  it('skips wrong ID, wrong question, garbage and corrupt bodies, then takes the genuine answer', async () => {
    const response = await askThrough(async ({ query, send }) => {
      await send(forged(query, (bytes) => bytes.writeUInt16BE(query.packet.id! ^ 0x0001, 0)))
      await send(replyTo({ ...query, packet: { ...query.packet, questions: [{ name: 'other.test', type: 'A', class: 'IN' }] } }, {
        answers: [{ name: 'other.test', type: 'A', data: FORGED }],
      }))
      await send(Buffer.from('this is not a DNS message at all'))
      await send(Buffer.alloc(0))
      await send(forged(query, (bytes) => bytes.writeUInt16BE(40, 6))) // matching ID and question, 40 answers claimed
      await send(answerWith(query, GENUINE))
    })
    expect(response).toMatchObject({ ok: true, transport: 'udp' })
    expect(addressesOf(response, 'A')).toEqual([GENUINE])
  })

  it.each<[string, (query: Received) => Buffer]>([
    ['a query (QR bit clear)', (query) => forged(query, (bytes) => (bytes[2] = bytes[2]! & 0x7f))],
    ['another type', (query) => forged(query, (bytes) => bytes.writeUInt16BE(28, query.bytes.length - 11 - 4))],
    ['another class', (query) => forged(query, (bytes) => bytes.writeUInt16BE(3, query.bytes.length - 11 - 2))],
    ['two questions', (query) => forged(query, (bytes) => bytes.writeUInt16BE(2, 4))],
    ['a one-letter name change', (query) => forged(query, (bytes) => (bytes[13] = 'f'.charCodeAt(0)))],
    ['a header only', (query) => forged(query, () => {}).subarray(0, 12)],
  ])('ignores %s', async (_label, makeForgery) => {
    const response = await askThrough(async ({ query, send }) => {
      await send(makeForgery(query))
      await send(answerWith(query, GENUINE))
    })
    expect(addressesOf(response, 'A')).toEqual([GENUINE])
  })

  it('ignores a well-formed reply sent from a different port', async () => {
    const intruder = dgram.createSocket('udp4')
    await new Promise<void>((resolve) => intruder.bind(0, '127.0.0.1', resolve))
    try {
      const response = await askThrough(async ({ query, send, client }) => {
        await new Promise((resolve) => intruder.send(answerWith(query, FORGED), client.port, client.address, resolve))
        await new Promise((resolve) => setTimeout(resolve, 30))
        await send(answerWith(query, GENUINE))
      })
      expect(addressesOf(response, 'A')).toEqual([GENUINE])
    } finally {
      intruder.close()
    }
  })

  it('times out when only forgeries arrive', async () => {
    const response = await askThrough(async ({ query, send }) => {
      await send(forged(query, (bytes) => bytes.writeUInt16BE(query.packet.id! ^ 0x8000, 0)))
      await send(dnsPacket.encode({ type: 'response', id: query.packet.id, questions: [{ name: 'example.tes', type: 'A' }] }))
    }, 500)
    expect(response).toMatchObject({ ok: false, code: 'dns.timeout' })
  })
})
