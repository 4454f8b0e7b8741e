import net from 'node:net'
import { performance } from 'node:perf_hooks'
import type { DnsFailureCode, DnsResponse } from '../../shared/evidence'
import { exchangeTcp, exchangeUdp, type Outcome } from './transport'
import type { DnsRecordType } from './records'
import { buildQuery, decodeDatagram, decodeReply, isReplyTo, type DecodedReply, type SentQuery } from './wire'

export type { DnsRecordType } from './records'
export type { DnsAnswer, DnsResponse } from '../../shared/evidence'

export interface DnsQuestion {
  /** IPv4 or IPv6 literal; a link-local IPv6 one carries its interface as a zone (`fe80::1%en0`, `fe80::1%12` on Windows). */
  server: string
  /** Default 53. */
  port?: number
  /** ASCII (punycode) name. */
  name: string
  type: DnsRecordType
  /** Per try; default 1000. */
  timeoutMs?: number
  /** UDP attempts; default 2 (one retry). */
  tries?: number
  signal?: AbortSignal
  /**
   * Once it fires, no further try is sent, and a query that has already waited out one whole try ends at
   * once as a timeout. For when silence has another explanation than a lost packet (the router is silent too).
   */
  lastTry?: AbortSignal
  /** The clock deadlines and latencies are measured on; default performance.now. Tests pass their own. */
  clock?: () => number
}

const RECORD_TYPES: readonly string[] = ['A', 'AAAA', 'CNAME', 'NS', 'SOA', 'TXT', 'PTR', 'MX'] satisfies DnsRecordType[]
const DEFAULT_PORT = 53
const DEFAULT_TIMEOUT_MS = 1000
const DEFAULT_TRIES = 2
const MAX_TIMER_MS = 2 ** 31 - 1
const MAX_NAME_BYTES = 255
// Hostnames, underscore labels (_dmarc, SRV), wildcards and RFC 2317 reverse zones ("0/25").
const LABEL = /^[A-Za-z0-9_*/-]{1,63}$/
// Node's own IPv6 literal syntax for a zone; anything else would make the socket look the text up as a host name.
const ZONE = /^[0-9A-Za-z.:-]{1,64}$/
const LINK_LOCAL_IPV6 = /^fe[89ab][0-9a-f]:/i
const UNREACHABLE_ERRORS = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH'])

/** Asks one server one question: UDP with retries, then TCP if the UDP answer was truncated. Never rejects. */
export async function queryDns(question: DnsQuestion): Promise<DnsResponse> {
  const server = String(question?.server)
  let firstSentAt: number | undefined
  const now = typeof question?.clock === 'function' ? question.clock : () => performance.now()
  const elapsed = (): number => (firstSentAt === undefined ? 0 : now() - firstSentAt)
  const fail = (code: DnsFailureCode, detail: string): DnsResponse => ({ ok: false, code, detail, latencyMs: elapsed(), server })
  const succeed = ({ rcode, answers, authorities }: DecodedReply, transport: 'udp' | 'tcp'): DnsResponse => ({
    ok: true,
    rcode,
    answers,
    authorities,
    latencyMs: elapsed(),
    transport,
    server,
  })

  try {
    const problem = problemWith(question)
    if (problem) return fail('dns.bad-question', problem)
    if (question.signal?.aborted) return fail('dns.aborted', 'aborted before sending')

    const { name, type, signal, lastTry } = question
    const port = question.port ?? DEFAULT_PORT
    const timeoutMs = question.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const tries = question.tries ?? DEFAULT_TRIES
    const sent: SentQuery[] = []

    const udp = await exchangeUdp({
      server,
      port,
      signal,
      lastTry,
      tries,
      timeoutMs,
      now,
      onFirstSend: (at) => (firstSentAt = at),
      nextQuery: () => {
        const query = buildQuery(name, type, sent.map((previous) => previous.id))
        sent.push(query)
        return query.bytes
      },
      // A late reply to an earlier try is as good as one to the latest.
      accept: (message) => (sent.some((query) => isReplyTo(message, query)) ? decodeDatagram(message) : undefined),
    })
    if (udp.kind !== 'reply') return fail(...failureOf(udp, `no UDP answer from ${server} port ${port} in ${Math.round(elapsed())} ms (${sent.length} of ${tries} tries, ${timeoutMs} ms each)`))
    if (!udp.reply.truncated) return succeed(udp.reply, 'udp')

    const query = buildQuery(name, type, sent.map((previous) => previous.id))
    const tcp = await exchangeTcp({
      server,
      port,
      signal,
      query: query.bytes,
      now,
      timeoutMs: (firstSentAt ?? now()) + timeoutMs * tries - now(),
      accept: (message) => (isReplyTo(message, query) ? decodeReply(message) : undefined),
    })
    if (tcp.kind !== 'reply') return fail(...failureOf(tcp, `UDP answer was truncated and no TCP answer came from ${server} port ${port} in time`))
    return succeed(tcp.reply, 'tcp')
  } catch (error) {
    return fail('dns.network-error', `unexpected: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** Addresses of the given type among the answers (CNAMEs skipped); empty for a failed query. */
export function addressesOf(response: DnsResponse, type: 'A' | 'AAAA'): string[] {
  if (!response.ok) return []
  const isAddress = type === 'A' ? net.isIPv4 : net.isIPv6
  return response.answers.filter((answer) => answer.type === type && isAddress(answer.data)).map((answer) => answer.data)
}

function failureOf(outcome: Exclude<Outcome<unknown>, { kind: 'reply' }>, timeoutDetail: string): [DnsFailureCode, string] {
  switch (outcome.kind) {
    case 'timeout':
      return ['dns.timeout', timeoutDetail]
    case 'aborted':
      return ['dns.aborted', 'aborted while waiting for an answer']
    case 'error': {
      const errno = (outcome.error as NodeJS.ErrnoException).code
      const detail = errno ? `${errno}: ${outcome.error.message}` : outcome.error.message
      return [errno && UNREACHABLE_ERRORS.has(errno) ? 'dns.unreachable' : 'dns.network-error', detail]
    }
  }
}

function problemWith(question: DnsQuestion): string | undefined {
  const serverProblem = problemWithServer(question?.server)
  if (serverProblem) return serverProblem
  const { port = DEFAULT_PORT, timeoutMs = DEFAULT_TIMEOUT_MS, tries = DEFAULT_TRIES } = question
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `port ${port} is not between 1 and 65535`
  if (!RECORD_TYPES.includes(question.type)) return `record type "${question.type}" is not supported`
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return `timeoutMs ${timeoutMs} is not a positive number`
  if (!Number.isInteger(tries) || tries < 1) return `tries ${tries} is not a positive integer`
  if (timeoutMs * tries > MAX_TIMER_MS) return `timeoutMs × tries exceeds ${MAX_TIMER_MS} ms`
  return problemWithName(question.name)
}

function problemWithServer(server: unknown): string | undefined {
  if (typeof server !== 'string') return `server "${String(server)}" is not an IP address`
  const percent = server.indexOf('%')
  const address = percent === -1 ? server : server.slice(0, percent)
  if (net.isIP(address) === 0) return `server "${server}" is not an IP address`
  if (percent === -1) return undefined
  const zone = server.slice(percent + 1)
  // Only link-local addresses need (and are changed by) a zone; on any other address it is a mistake.
  if (!net.isIPv6(address) || !LINK_LOCAL_IPV6.test(address)) return `server "${server}": only a link-local IPv6 address takes a %zone`
  if (!ZONE.test(zone) || !net.isIPv6(server)) return `server "${server}": zone "${zone}" is not an interface name or index`
  return undefined
}

function problemWithName(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '') return 'name is empty'
  if (name === '.') return undefined
  const labels = name.replace(/\.$/, '').split('.')
  if (!labels.every((label) => LABEL.test(label))) return `name "${name}" is not a valid ASCII DNS name`
  const wireLength = labels.reduce((total, label) => total + 1 + label.length, 1)
  if (wireLength > MAX_NAME_BYTES) return `name is ${wireLength} bytes long on the wire; the limit is ${MAX_NAME_BYTES}`
  return undefined
}
