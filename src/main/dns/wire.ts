import { randomInt } from 'node:crypto'
import * as dnsPacket from 'dns-packet'
import type { Answer, RecordType } from 'dns-packet'
import type { DnsAnswer } from './records'

// 1232 bytes fits any path MTU seen in practice without IP fragmentation (DNS Flag Day 2020).
const EDNS_UDP_PAYLOAD = 1232
const HEADER_LENGTH = 12
const QR_BIT = 0x80 // in byte 2 of the header
const TC_BIT = 0x02 // in byte 2 of the header
const MIN_QUESTION_BYTES = 5 // root name, type, class
const MIN_RECORD_BYTES = 11 // root name, type, class, TTL, data length

const RCODE_NAMES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE']

export interface SentQuery {
  id: number
  bytes: Buffer
  /** Offset just past the question section; the reply must echo bytes [12, questionEnd). */
  questionEnd: number
}

export interface DecodedReply {
  rcode: string
  truncated: boolean
  answers: DnsAnswer[]
  authorities: DnsAnswer[]
}

export function buildQuery(name: string, type: RecordType, idsInUse: readonly number[]): SentQuery {
  const id = freshId(idsInUse)
  const bytes = dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type, class: 'IN' }],
    additionals: [
      { type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_PAYLOAD, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] },
    ],
  })
  const nameEnd = bytes.indexOf(0, HEADER_LENGTH) + 1
  return { id, bytes, questionEnd: nameEnd + 4 }
}

function freshId(idsInUse: readonly number[]): number {
  let id = randomInt(0, 0x10000)
  while (idsInUse.includes(id)) id = randomInt(0, 0x10000)
  return id
}

/**
 * True when `reply` is a response to `query`: same ID, QR set, exactly one question,
 * and that question is byte-identical to ours (name compared case-insensitively).
 * Comparing raw bytes rather than decoded names avoids ambiguities such as a label containing a dot.
 */
export function isReplyTo(reply: Buffer, query: SentQuery): boolean {
  if (reply.length < query.questionEnd) return false
  if (reply.readUInt16BE(0) !== query.id) return false
  if ((reply[2]! & QR_BIT) === 0) return false
  if (reply.readUInt16BE(4) !== 1) return false
  const nameEnd = query.questionEnd - 4
  for (let i = HEADER_LENGTH; i < nameEnd; i++) {
    if (lowerAscii(reply[i]!) !== lowerAscii(query.bytes[i]!)) return false
  }
  return reply.compare(query.bytes, nameEnd, query.questionEnd, nameEnd, query.questionEnd) === 0
}

function lowerAscii(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte
}

/** Decodes a reply already matched by isReplyTo; undefined when the body is malformed. */
export function decodeReply(reply: Buffer): DecodedReply | undefined {
  // dns-packet trusts the header counts, and a record that overruns the buffer makes it lose its place (offset NaN)
  // and restart at byte 0: a 45-byte packet can make it decode 196,000 records. Refuse counts the bytes cannot hold.
  if (!countsFit(reply)) return undefined
  try {
    const packet = dnsPacket.decode(reply)
    if (!Number.isFinite(dnsPacket.decode.bytes)) return undefined
    return { rcode: rcodeOf(reply), truncated: packet.flag_tc, answers: toRecords(packet.answers), authorities: toRecords(packet.authorities) }
  } catch {
    return undefined
  }
}

/** decodeReply, except that a truncated datagram counts even when malformed: all we need from it is the TC bit. */
export function decodeDatagram(reply: Buffer): DecodedReply | undefined {
  // Some servers cut a truncated reply mid-record instead of at a record boundary.
  const truncated = (reply[2]! & TC_BIT) !== 0
  return decodeReply(reply) ?? (truncated ? { rcode: rcodeOf(reply), truncated, answers: [], authorities: [] } : undefined)
}

function countsFit(reply: Buffer): boolean {
  if (reply.length < HEADER_LENGTH) return false
  const questions = reply.readUInt16BE(4)
  const records = reply.readUInt16BE(6) + reply.readUInt16BE(8) + reply.readUInt16BE(10)
  return HEADER_LENGTH + questions * MIN_QUESTION_BYTES + records * MIN_RECORD_BYTES <= reply.length
}

function rcodeOf(reply: Buffer): string {
  const rcode = reply[3]! & 0x0f
  return RCODE_NAMES[rcode] ?? `RCODE_${rcode}`
}

function toRecords(answers: Answer[] | undefined): DnsAnswer[] {
  return (answers ?? [])
    .filter((answer) => answer.type !== 'OPT')
    .map((answer) => ({ name: answer.name, type: answer.type, ttl: 'ttl' in answer ? (answer.ttl ?? 0) : 0, data: describeData(answer) }))
}

function describeData(answer: Answer): string {
  switch (answer.type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'DNAME':
    case 'NS':
    case 'PTR':
      return String(answer.data)
    case 'SOA':
      return `${answer.data.mname} ${answer.data.rname} ${answer.data.serial ?? 0}`
    case 'MX':
      return `${answer.data.preference ?? 0} ${answer.data.exchange}`
    case 'TXT':
      // A TXT record is a list of ≤255-byte strings meant to be read as one (SPF, DKIM).
      return (Array.isArray(answer.data) ? answer.data : [answer.data]).map((part) => part.toString()).join('')
    default:
      return 'data' in answer && Buffer.isBuffer(answer.data) ? answer.data.toString('hex') : ''
  }
}
