import * as dnsPacket from 'dns-packet'
import type { Answer } from 'dns-packet'
import { afterEach, describe, expect, it } from 'vitest'
import { addressesOf, queryDns, type DnsResponse } from '../../../src/main/dns/client'
import { ipv6LoopbackWorks, RCODE, replyTo, startServer, type LoopbackServer, type Received } from './loopback-server'

const ZONE: Record<string, Answer[]> = {
  'A example.test': [{ name: 'example.test', type: 'A', ttl: 300, data: '192.0.2.10' }, { name: 'example.test', type: 'A', ttl: 300, data: '192.0.2.11' }],
  'AAAA example.test': [{ name: 'example.test', type: 'AAAA', ttl: 60, data: '2001:db8::1' }],
  'A www.example.test': [
    { name: 'www.example.test', type: 'CNAME', ttl: 30, data: 'edge.example.test' },
    { name: 'edge.example.test', type: 'CNAME', ttl: 30, data: 'edge.cdn.test' },
    { name: 'edge.cdn.test', type: 'A', ttl: 20, data: '198.51.100.7' },
  ],
  'NS example.test': [{ name: 'example.test', type: 'NS', ttl: 3600, data: 'ns1.example.test' }, { name: 'example.test', type: 'NS', ttl: 3600, data: 'ns2.example.test' }],
  'MX example.test': [{ name: 'example.test', type: 'MX', ttl: 3600, data: { preference: 10, exchange: 'mail.example.test' } }],
  'TXT example.test': [{ name: 'example.test', type: 'TXT', ttl: 3600, data: ['v=spf1 include:_spf.example.test ', '-all'] }],
  'PTR 10.2.0.192.in-addr.arpa': [{ name: '10.2.0.192.in-addr.arpa', type: 'PTR', ttl: 3600, data: 'example.test' }],
}
const SOA: Answer = {
  name: 'example.test',
  type: 'SOA',
  ttl: 900,
  data: { mname: 'ns1.example.test', rname: 'hostmaster.example.test', serial: 2024061501, refresh: 7200, retry: 900, expire: 1209600, minimum: 300 },
}

function answerFromZone(query: Received): Buffer {
  const question = query.packet.questions?.[0]
  const name = question?.name ?? ''
  if (name === 'servfail.test') return replyTo(query, { rcode: RCODE.SERVFAIL })
  if (name === 'refused.test') return replyTo(query, { rcode: RCODE.REFUSED })
  const answers = ZONE[`${question?.type} ${name.toLowerCase()}`]
  if (answers) return replyTo(query, { answers })
  return replyTo(query, { rcode: RCODE.NXDOMAIN, authorities: [SOA] })
}

let server: LoopbackServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function ask(name: string, type: Parameters<typeof queryDns>[0]['type']): Promise<DnsResponse> {
  server ??= await startServer({ udp: ({ query, send }) => send(answerFromZone(query)) })
  return queryDns({ server: server.host, port: server.port, name, type, timeoutMs: 1000 })
}

describe('queryDns decodes answers', () => {
  it('A records, with latency and transport', async () => {
    const response = await ask('example.test', 'A')
    expect(response).toMatchObject({ ok: true, rcode: 'NOERROR', transport: 'udp', server: '127.0.0.1', authorities: [] })
    expect(response.ok && response.answers).toEqual([
      { name: 'example.test', type: 'A', ttl: 300, data: '192.0.2.10' },
      { name: 'example.test', type: 'A', ttl: 300, data: '192.0.2.11' },
    ])
    expect(response.latencyMs).toBeGreaterThan(0)
    // Only an answer before the deadline (two tries of 1000 ms) counts; a later one is a timeout.
    expect(response.latencyMs).toBeLessThan(2 * 1000)
    expect(addressesOf(response, 'A')).toEqual(['192.0.2.10', '192.0.2.11'])
    expect(addressesOf(response, 'AAAA')).toEqual([])
  })

  it('AAAA records', async () => {
    const response = await ask('example.test', 'AAAA')
    expect(addressesOf(response, 'AAAA')).toEqual(['2001:db8::1'])
  })

  it('a CNAME chain, in order, with the final address', async () => {
    const response = await ask('www.example.test', 'A')
    expect(response.ok && response.answers.map((answer) => `${answer.type} ${answer.name} ${answer.data}`)).toEqual([
      'CNAME www.example.test edge.example.test',
      'CNAME edge.example.test edge.cdn.test',
      'A edge.cdn.test 198.51.100.7',
    ])
    expect(addressesOf(response, 'A')).toEqual(['198.51.100.7'])
  })

  it('NS, MX, TXT and PTR data as strings', async () => {
    const data = async (name: string, type: 'NS' | 'MX' | 'TXT' | 'PTR'): Promise<string[]> => {
      const response = await ask(name, type)
      return response.ok ? response.answers.map((answer) => answer.data) : []
    }
    expect(await data('example.test', 'NS')).toEqual(['ns1.example.test', 'ns2.example.test'])
    expect(await data('example.test', 'MX')).toEqual(['10 mail.example.test'])
    expect(await data('example.test', 'TXT')).toEqual(['v=spf1 include:_spf.example.test -all'])
    expect(await data('10.2.0.192.in-addr.arpa', 'PTR')).toEqual(['example.test'])
  })

  it('NXDOMAIN as ok:true with the SOA in the authority section', async () => {
    const response = await ask('missing.example.test', 'A')
    expect(response).toMatchObject({ ok: true, rcode: 'NXDOMAIN', answers: [] })
    expect(response.ok && response.authorities).toEqual([
      { name: 'example.test', type: 'SOA', ttl: 900, data: 'ns1.example.test hostmaster.example.test 2024061501' },
    ])
  })

  it('SERVFAIL and REFUSED as ok:true with that rcode', async () => {
    expect(await ask('servfail.test', 'A')).toMatchObject({ ok: true, rcode: 'SERVFAIL', answers: [] })
    expect(await ask('refused.test', 'A')).toMatchObject({ ok: true, rcode: 'REFUSED', answers: [] })
  })

  it('accepts a name with a trailing dot and a server echoing the question in another case', async () => {
    server = await startServer({
      udp: ({ query, send }) => {
        const bytes = Buffer.from(answerFromZone(query))
        bytes.write('EXAMPLE', 13, 'ascii') // 0x20-style case change inside the echoed question
        return send(bytes)
      },
    })
    const response = await queryDns({ server: server.host, port: server.port, name: 'example.test.', type: 'A' })
    expect(addressesOf(response, 'A')).toEqual(['192.0.2.10', '192.0.2.11'])
  })
})

describe('queryDns sends a well-formed query', () => {
  it('one IN question, RD set, EDNS0 advertising 1232 bytes', async () => {
    await ask('example.test', 'AAAA')
    const query = server!.received[0]!.packet
    expect(query.type).toBe('query')
    expect(query.flag_rd).toBe(true)
    expect(query.questions).toEqual([{ name: 'example.test', type: 'AAAA', class: 'IN' }])
    expect(query.additionals).toHaveLength(1)
    expect(query.additionals?.[0]).toMatchObject({ type: 'OPT', name: '.', udpPayloadSize: 1232, ednsVersion: 0 })
    expect(dnsPacket.decode(server!.received[0]!.bytes).answers).toEqual([])
  })
})

describe('queryDns over IPv6 loopback', async () => {
  const hasIpv6 = await ipv6LoopbackWorks()
  it.skipIf(!hasIpv6)('asks a server on ::1', async () => {
    server = await startServer({ host: '::1', udp: ({ query, send }) => send(answerFromZone(query)) })
    const response = await queryDns({ server: '::1', port: server.port, name: 'example.test', type: 'A' })
    expect(response).toMatchObject({ ok: true, server: '::1', transport: 'udp' })
    expect(addressesOf(response, 'A')).toEqual(['192.0.2.10', '192.0.2.11'])
  })
})
