import type net from 'node:net'
import * as dnsPacket from 'dns-packet'
import type { Answer } from 'dns-packet'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryDns, type DnsResponse } from '../../../src/main/dns/client'
import { buildQuery, decodeDatagram, isReplyTo } from '../../../src/main/dns/wire'
import { steppingClock } from '../support/order'
import { delay, replyTo, startServer, withLengthPrefix, type LoopbackServer, type Received } from './loopback-server'

// Override to replay a failure: DNS_FUZZ_SEED=1234 npx vitest run --project unit tests/unit/dns/client-fuzz
const SEED = Number(process.env.DNS_FUZZ_SEED ?? 0x5eed)
const FAILURE_CODES = ['dns.timeout', 'dns.unreachable', 'dns.aborted', 'dns.bad-question', 'dns.network-error']
// Hang guards only: hundreds of queries and tens of thousands of decodes on a loaded 2-core machine. How
// fast is the bench's business; that the client keeps its deadline is shown on a clock the test steps.
const FUZZ_TIMEOUT_MS = 120_000

/** CPU time this process spends on `work`: other processes on a busy machine do not add to it. */
function cpuMsOf(work: () => void): number {
  const before = process.cpuUsage()
  work()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000
}

type Rng = {
  next: () => number
  int: (below: number) => number
  pick: <T>(items: readonly T[]) => T
  bytes: (length: number) => Buffer
}

/** mulberry32: tiny, fast, and good enough to explore packet space reproducibly. */
function seededRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (below: number): number => Math.floor(next() * below)
  return {
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    bytes: (length) => Buffer.from(Array.from({ length }, () => int(256))),
  }
}

const rngForQuery = (index: number, salt: number): Rng => seededRng(SEED * 7919 + index * 104729 + salt)

function richReply(query: Received): Buffer {
  const name = query.packet.questions?.[0]?.name ?? 'x'
  const answers: Answer[] = [
    { name, type: 'CNAME', ttl: 30, data: `alias.${name}` },
    { name: `alias.${name}`, type: 'A', ttl: 30, data: '192.0.2.1' },
    { name: `alias.${name}`, type: 'AAAA', ttl: 30, data: '2001:db8::1' },
    { name, type: 'MX', ttl: 30, data: { preference: 5, exchange: `mx.${name}` } },
    { name, type: 'TXT', ttl: 30, data: ['hello', 'world'] },
    { name, type: 'NS', ttl: 30, data: `ns.${name}` },
  ]
  const soa: Answer = { name, type: 'SOA', ttl: 30, data: { mname: `ns.${name}`, rname: `root.${name}`, serial: 1 } }
  const opt = { type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [{ code: 12, data: Buffer.alloc(6) }] } as unknown as Answer
  return replyTo(query, { answers, authorities: [soa], additionals: [opt] })
}

/** Offset just past the question section of a message we encoded (uncompressed, one question). */
const questionEndOf = (message: Buffer): number => message.indexOf(0, 12) + 5

const RECORD_TYPES = [1, 2, 5, 6, 12, 15, 16, 28, 33, 41, 43, 46, 47, 48, 50, 257, 0, 0xffff]

function header(rng: Rng, id: number, counts: number[]): Buffer {
  const bytes = Buffer.alloc(12)
  bytes.writeUInt16BE(id, 0)
  bytes.writeUInt16BE(0x8180 | rng.int(16) | (rng.int(4) === 0 ? 0x0200 : 0), 2)
  counts.forEach((count, index) => bytes.writeUInt16BE(count, 4 + index * 2))
  return bytes
}

function ownerName(rng: Rng, at: number): Buffer {
  switch (rng.int(7)) {
    case 0:
      return Buffer.from([0xc0, 0x0c]) // the question's name: valid compression
    case 1:
      return Buffer.from([0xc0 | (at >> 8), at & 0xff]) // points at itself
    case 2:
      return Buffer.from([0xc0 | ((at + 2) >> 8), (at + 2) & 0xff, 0xc0 | (at >> 8), at & 0xff]) // two pointers at each other
    case 3:
      return Buffer.from([0xc0 | rng.int(64), rng.int(256)]) // anywhere, often past the end
    case 4:
      return Buffer.concat([Buffer.from([rng.int(256)]), rng.bytes(rng.int(70)), Buffer.from([0])]) // label length that lies
    case 5:
      return Buffer.from([0x40 | rng.int(64), rng.int(256)]) // reserved label types
    default:
      return Buffer.from([0])
  }
}

/** Matching ID and question, then records of assorted types whose lengths and contents are random. */
function garbageRecords(rng: Rng, valid: Buffer): Buffer {
  const questionEnd = questionEndOf(valid)
  const recordCount = 1 + rng.int(4)
  const parts: Buffer[] = [header(rng, valid.readUInt16BE(0), [1, recordCount + rng.int(3) - 1, rng.int(3), rng.int(3)]), valid.subarray(12, questionEnd)]
  let offset = questionEnd
  for (let i = 0; i < recordCount; i++) {
    const name = ownerName(rng, offset)
    const rdata = rng.bytes(rng.int(40))
    const fixed = Buffer.alloc(10)
    fixed.writeUInt16BE(rng.pick(RECORD_TYPES), 0)
    fixed.writeUInt16BE(rng.int(3) === 0 ? rng.int(0x10000) : 1, 2)
    fixed.writeUInt32BE(rng.int(0x100000000), 4)
    fixed.writeUInt16BE(rng.int(3) === 0 ? rng.int(0x10000) : rdata.length, 8)
    parts.push(name, fixed, rdata)
    offset += name.length + fixed.length + rdata.length
  }
  return Buffer.concat(parts)
}

/** Matching ID and question; a NULL record's data holds hundreds of backward pointers, which the next record's name walks, ending in a loop or a valid name. */
function pointerMaze(rng: Rng, valid: Buffer): Buffer {
  const questionEnd = questionEndOf(valid)
  const links = 200 + rng.int(300)
  const chainStart = questionEnd + 12
  const chain = Buffer.alloc(links * 2)
  for (let i = 0; i < links; i++) {
    const firstTarget = rng.pick([0x0c, chainStart, chainStart + 2 * rng.int(links), rng.int(0x4000)])
    chain.writeUInt16BE(0xc000 | (i === 0 ? firstTarget : chainStart + (i - 1) * 2), i * 2)
  }
  const nullRecord = Buffer.from([0xc0, 0x0c, 0, 10, 0, 1, 0, 0, 0, 60, chain.length >> 8, chain.length & 0xff])
  const lastLink = chainStart + (links - 1) * 2
  const addressRecord = Buffer.from([0xc0 | (lastLink >> 8), lastLink & 0xff, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1])
  return Buffer.concat([header(rng, valid.readUInt16BE(0), [1, 2, 0, 0]), valid.subarray(12, questionEnd), nullRecord, chain, addressRecord])
}

type Mutation = (rng: Rng, valid: Buffer) => Buffer

const MUTATIONS: Record<string, Mutation> = {
  bitFlips: (rng, valid) => {
    const bytes = Buffer.from(valid)
    const bodyStart = rng.int(3) === 0 ? 0 : questionEndOf(valid) // mostly spare the header so the body gets decoded
    for (let flips = 1 + rng.int(8); flips > 0; flips--) {
      const at = bodyStart + rng.int(bytes.length - bodyStart)
      bytes[at] = bytes[at]! ^ (1 << rng.int(8))
    }
    return bytes
  },
  truncated: (rng, valid) => valid.subarray(0, rng.int(valid.length)),
  extended: (rng, valid) => Buffer.concat([valid, rng.bytes(1 + rng.int(64))]),
  inflatedCounts: (rng, valid) => {
    const bytes = Buffer.from(valid)
    bytes.writeUInt16BE(rng.pick([0xffff, 0x7fff, 0x100, 7 + rng.int(20)]), rng.pick([6, 8, 10]))
    return bytes
  },
  randomBytes: (rng) => rng.bytes(rng.int(600)),
  randomBytesWithOurHeader: (rng, valid) => Buffer.concat([valid.subarray(0, questionEndOf(valid)), rng.bytes(rng.int(300))]),
  garbageRecords,
  pointerMaze,
}
const MUTATION_NAMES = Object.keys(MUTATIONS)

function mutate(rng: Rng, valid: Buffer): Buffer {
  return MUTATIONS[rng.pick(MUTATION_NAMES)]!(rng, valid)
}

function expectWellFormed(response: DnsResponse): void {
  if (response.ok) {
    expect(typeof response.rcode).toBe('string')
    for (const record of [...response.answers, ...response.authorities]) {
      expect(record).toEqual({ name: expect.any(String), type: expect.any(String), ttl: expect.any(Number), data: expect.any(String) })
    }
  } else {
    expect(FAILURE_CODES).toContain(response.code)
  }
}

/**
 * Mutations the client must ignore, judged independently of its code: dns-packet cannot decode them, and they do not
 * carry the TC bit (a truncated datagram, however mangled, legitimately sends the client to TCP).
 */
function ignorable(rng: Rng, valid: Buffer): Buffer {
  for (;;) {
    const packet = mutate(rng, valid)
    if (packet.length > 2 && (packet[2]! & 0x02) !== 0) continue
    try {
      dnsPacket.decode(packet)
    } catch {
      return packet
    }
  }
}

const queryIndexOf = (query: Received): number => Number(/^q(\d+)\./.exec(query.packet.questions?.[0]?.name ?? '')?.[1] ?? -1)

/**
 * Two out of three queries are "strict": the server sends only junk the client must ignore, then the genuine reply, which the
 * client must return. The rest get unfiltered mutations, where any well-formed, timely outcome is acceptable.
 */
const isStrict = (index: number): boolean => index % 3 !== 0

/** Runs `count` queries, `parallel` at a time, checking each one resolves well-formed and on time. */
async function hammer(server: LoopbackServer, count: number, parallel: number, strictTransport: 'udp' | 'tcp'): Promise<Record<string, number>> {
  const tally: Record<string, number> = {}
  let nextIndex = 0
  const worker = async (): Promise<void> => {
    while (nextIndex < count) {
      const index = nextIndex++
      // Strict queries must see the genuine reply however slowly a loaded machine works through the junk: their
      // clock stands still and their timer is a minute away, so only that reply can end them.
      const timing = isStrict(index) ? { timeoutMs: 60_000, tries: 1, clock: () => 0 } : { timeoutMs: 150, tries: 1 }
      const response = await queryDns({ server: server.host, port: server.port, name: `q${index}.fuzz.test`, type: 'A', ...timing })
      const context = `seed ${SEED}, query ${index}`
      expectWellFormed(response)
      if (isStrict(index)) {
        expect(response, context).toMatchObject({ ok: true, transport: strictTransport, rcode: 'NOERROR' })
        expect(response.ok && response.answers.map((answer) => answer.type), context).toEqual(['CNAME', 'A', 'AAAA', 'MX', 'TXT', 'NS'])
      }
      const outcome = response.ok ? `ok/${response.transport}` : response.code
      tally[outcome] = (tally[outcome] ?? 0) + 1
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker))
  return tally
}

describe(`fuzzing with hostile replies (seed ${SEED})`, { timeout: FUZZ_TIMEOUT_MS }, () => {
  let unhandled: unknown[] = []
  const recordUnhandled = (error: unknown): void => void unhandled.push(error)
  beforeAll(() => {
    unhandled = []
    process.on('uncaughtException', recordUnhandled)
    process.on('unhandledRejection', recordUnhandled)
  })
  afterAll(() => {
    process.off('uncaughtException', recordUnhandled)
    process.off('unhandledRejection', recordUnhandled)
    expect(unhandled).toEqual([])
  })

  it('the reply parser survives 40,000 mutated packets without throwing', () => {
    const rng = seededRng(SEED)
    const sent = buildQuery('q0.fuzz.test', 'A', [])
    const valid = richReply({ bytes: sent.bytes, packet: dnsPacket.decode(sent.bytes), transport: 'udp' })
    expect(decodeDatagram(valid)?.answers).toHaveLength(6)
    let decoded = 0
    for (let i = 0; i < 40_000; i++) {
      const packet = mutate(rng, valid)
      if (isReplyTo(packet, sent) && decodeDatagram(packet)) decoded++
    }
    expect(decoded).toBeGreaterThan(100) // the mutations must reach the decoder, not just bounce off the header checks
  })

  it('refuses, quickly, a count bomb that makes dns-packet lose its place and restart at byte 0', () => {
    const query = buildQuery('example.test', 'A', [])
    query.bytes.writeUInt16BE(0, 0) // the trick needs the ID's first byte to read as the root name
    const sent = { ...query, id: 0 }
    const header = Buffer.alloc(12)
    header.writeUInt16BE(0x8180, 2)
    header.writeUInt16BE(1, 4)
    header.writeUInt16BE(0xffff, 6)
    header.writeUInt16BE(0xff00, 8)
    // Read from byte 0, the header is a record whose data length lands on the TXT record below, which overruns again.
    header.writeUInt16BE(((sent.questionEnd - 11) << 8) | 0xff, 10)
    const overrunningTxt = Buffer.from([0, 0, 16, 0, 1, 0, 0, 0, 60, 0xff, 0xff, 0, 0, 0, 0])
    const bomb = Buffer.concat([header, query.bytes.subarray(12, sent.questionEnd), overrunningTxt])
    expect(isReplyTo(bomb, sent)).toBe(true)
    let refused: unknown
    // Decoded, the bomb is 196,000 records: seconds of CPU. Refused from its header, well under a millisecond.
    expect(cpuMsOf(() => (refused = decodeDatagram(bomb)))).toBeLessThan(50)
    expect(refused).toBeUndefined()
  })

  it('a TCP stream of costly malformed messages cannot keep the client past its deadline', async () => {
    // Each message makes dns-packet walk a long compression-pointer chain thousands of times, then fail at the last byte.
    const costlyMalformed = (query: Received): Buffer => {
      const links = 4000
      const records = 1500
      const questionEnd = questionEndOf(query.bytes)
      const chainStart = questionEnd + 12
      const chain = Buffer.alloc(1 + links * 2) // a root name, then pointers each to the one before
      for (let i = 0; i < links; i++) chain.writeUInt16BE(0xc000 | (i === 0 ? chainStart : chainStart + 1 + (i - 1) * 2), 1 + i * 2)
      const lastLink = chainStart + 1 + (links - 1) * 2
      const nullRecord = Buffer.from([0xc0, 0x0c, 0, 10, 0, 1, 0, 0, 0, 60, chain.length >> 8, chain.length & 0xff])
      const addressRecord = Buffer.from([0xc0 | (lastLink >> 8), lastLink & 0xff, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1])
      const head = header(seededRng(SEED), query.packet.id!, [1, 1 + records, 0, 0])
      head[2] = 0x81 // QR and RD, no TC
      const body = [query.bytes.subarray(12, questionEnd), nullRecord, chain, ...Array<Buffer>(records - 1).fill(addressRecord), addressRecord.subarray(0, 2)]
      return Buffer.concat([head, ...body])
    }
    const server = await startServer({
      udp: ({ query, send }) => send(replyTo(query, { truncated: true })),
      tcp: (query, socket) => {
        const framed = withLengthPrefix(costlyMalformed(query))
        for (let i = 0; i < 40; i++) socket.write(framed)
      },
    })
    try {
      // Ten seconds pass with every look at the clock, and the timers are a minute away: only the client's own
      // check of its deadline between messages can end this query, after a few messages instead of all 40.
      const clock = steppingClock(10_000)
      const response = await queryDns({ server: server.host, port: server.port, name: 'flood.test', type: 'A', timeoutMs: 60_000, tries: 1, clock: clock.now })
      expect(response).toMatchObject({ ok: false, code: 'dns.timeout' })
      expect(clock.reads()).toBeLessThan(15)
    } finally {
      await server.close()
    }
  })

  it('over UDP: every query resolves, well-formed, under a storm of mutated datagrams', async () => {
    let datagrams = 0
    const server = await startServer({
      udp: async ({ query, send }) => {
        const index = queryIndexOf(query)
        const rng = rngForQuery(index, 1)
        const valid = richReply(query)
        // Bursts stay well under the default socket receive buffer, so the genuine reply is never dropped.
        for (let burst = 10 + rng.int(30); burst > 0; burst--) {
          datagrams++
          await send(isStrict(index) ? ignorable(rng, valid) : mutate(rng, valid))
        }
        if (isStrict(index) || rng.int(2) === 0) await send(valid)
      },
    })
    try {
      const tally = await hammer(server, 150, 8, 'udp')
      expect(datagrams).toBeGreaterThan(3000)
      // The 100 strict queries each got their genuine reply; the rest may or may not have, by the machine's speed.
      expect(tally['ok/udp']).toBeGreaterThanOrEqual(100)
    } finally {
      await server.close()
    }
  })

  it('over TCP: mutated frames, bogus lengths and split writes never crash or hang the client', async () => {
    let frames = 0
    const server = await startServer({
      udp: ({ query, send }) => send(replyTo(query, { truncated: true })),
      tcp: async (query, socket: net.Socket) => {
        const index = queryIndexOf(query)
        const rng = rngForQuery(index, 2)
        const valid = richReply(query)
        const stream: Buffer[] = []
        for (let count = 5 + rng.int(25); count > 0; count--) {
          frames++
          if (isStrict(index)) stream.push(withLengthPrefix(ignorable(rng, valid)))
          else if (rng.int(4) === 0) stream.push(Buffer.from([rng.int(256), rng.int(256)]), mutate(rng, valid)) // a length that lies
          else stream.push(withLengthPrefix(mutate(rng, valid)))
        }
        const ending = isStrict(index) ? 0 : rng.int(3)
        if (ending === 0) stream.push(withLengthPrefix(valid))
        const bytes = Buffer.concat(stream)
        for (let at = 0; at < bytes.length && !socket.destroyed; ) {
          const piece = bytes.subarray(at, at + 1 + rng.int(rng.int(2) === 0 ? 3 : 600))
          socket.write(piece)
          at += piece.length
          if (rng.int(8) === 0) await delay(rng.int(4))
        }
        if (ending === 1) socket.end()
      },
    })
    try {
      const tally = await hammer(server, 90, 8, 'tcp')
      expect(frames).toBeGreaterThan(1000)
      expect(tally['ok/tcp']).toBeGreaterThanOrEqual(60) // the 60 strict queries
    } finally {
      await server.close()
    }
  })
})
