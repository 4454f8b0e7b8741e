// Proof that a switch worked: each new server answers NetMend's own query, the system reads back the
// new servers, and a lookup through the system's own path (getaddrinfo) gets an answer. "No such name"
// is an answer: it shows a server replied; silence, SERVFAIL and REFUSED are not.
import { lookup as systemLookup } from 'node:dns/promises'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { queryDns, type DnsQuestion, type DnsResponse } from '../dns/client'
import type { ServerCheck, VerificationReport } from './types'

export const DEFAULT_PROBE_NAME = 'example.com'
const QUERY_TIMEOUT_MS = 1500
const QUERY_TRIES = 2
/**
 * Applying DNS can restart IPv6 autoconfiguration (NetworkManager's `device reapply` does when any ipv6.*
 * value changes): the address and the route are gone until a router advertisement brings them back, and
 * the address then spends about a second in duplicate address detection, when queries leave from the
 * link-local address and their answers are lost. So a server found without a route is asked again, after
 * silence too, until SETTLE_MS after the first ask; a server that was reachable and silent is not.
 */
const SETTLE_MS = 8000
const SETTLE_RETRY_MS = 250
const SYSTEM_LOOKUP_TIMEOUT_MS = 8000
const ANSWERING_RCODES = new Set(['NOERROR', 'NXDOMAIN'])
/** getaddrinfo's "the name does not exist" (a server answered) as Node names it. */
const NAME_MISSING_ERRORS = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME'])

export interface VerifyDeps {
  query?: (question: DnsQuestion) => Promise<DnsResponse>
  lookup?: (name: string) => Promise<{ ok: boolean; detail: string }>
  probeName?: string
  signal?: AbortSignal
  /** Waits between the asks of a server without a route; default a timer. */
  wait?: (ms: number) => Promise<void>
  /** Milliseconds, for SETTLE_MS; default performance.now. */
  now?: () => number
}

export async function lookupThroughSystem(name: string): Promise<{ ok: boolean; detail: string }> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<{ ok: boolean; detail: string }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${SYSTEM_LOOKUP_TIMEOUT_MS / 1000} s` }), SYSTEM_LOOKUP_TIMEOUT_MS)
    timer.unref()
  })
  const attempt = systemLookup(name, { all: true }).then(
    (addresses) => ({ ok: true, detail: `${addresses.length} address${addresses.length === 1 ? '' : 'es'}` }),
    (error: NodeJS.ErrnoException) =>
      NAME_MISSING_ERRORS.has(error.code ?? '') ? { ok: true, detail: 'answered: no such name' } : { ok: false, detail: error.code ?? error.message },
  )
  try {
    return await Promise.race([attempt, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Asks until an answer, or, once the server had no route, until SETTLE_MS are over (see there). */
async function askWhileSettling(ask: () => Promise<DnsResponse>, deps: VerifyDeps): Promise<DnsResponse> {
  const now = deps.now ?? (() => performance.now())
  const wait = deps.wait ?? ((ms: number) => sleep(ms))
  const started = now()
  let hadNoRoute = false
  let response = await ask()
  while (!response.ok && deps.signal?.aborted !== true && now() - started < SETTLE_MS) {
    if (response.code === 'dns.unreachable') hadNoRoute = true
    else if (!hadNoRoute || response.code !== 'dns.timeout') break
    await wait(SETTLE_RETRY_MS)
    response = await ask()
  }
  return response
}

export async function askServersDirectly(servers: readonly string[], deps: VerifyDeps = {}): Promise<ServerCheck[]> {
  const query = deps.query ?? queryDns
  const name = deps.probeName ?? DEFAULT_PROBE_NAME
  return Promise.all(
    servers.map(async (address): Promise<ServerCheck> => {
      const ask = (): Promise<DnsResponse> => query({ server: address, name, type: 'A', timeoutMs: QUERY_TIMEOUT_MS, tries: QUERY_TRIES, signal: deps.signal })
      const response = await askWhileSettling(ask, deps)
      if (!response.ok) return { address, answered: false, detail: response.code === 'dns.timeout' ? 'no answer' : response.detail }
      const latencyMs = Math.round(response.latencyMs)
      return { address, answered: ANSWERING_RCODES.has(response.rcode), detail: response.rcode, latencyMs }
    }),
  )
}

/** True when the system's list starts with the servers NetMend set (in any order among themselves). */
export function startsWithServers(inUse: readonly string[], servers: readonly string[]): boolean {
  const head = new Set(inUse.slice(0, servers.length).map((server) => server.toLowerCase()))
  return servers.every((server) => head.has(server.toLowerCase()))
}

export async function verifySwitch(
  servers: readonly string[],
  readBack: () => Promise<boolean>,
  deps: VerifyDeps = {},
): Promise<{ ok: boolean; report: VerificationReport; why: string }> {
  const checks = await askServersDirectly(servers, deps)
  const silent = checks.filter((check) => !check.answered)
  const systemUsesThem = await readBack().catch(() => false)
  // Without a server that answers, asking the system as well would only wait for the same silence.
  const systemLookup =
    silent.length === 0 && systemUsesThem
      ? await (deps.lookup ?? lookupThroughSystem)(deps.probeName ?? DEFAULT_PROBE_NAME)
      : { ok: false, detail: 'not tried' }
  const report: VerificationReport = { servers: checks, systemUsesThem, systemLookup }
  if (silent.length > 0) return { ok: false, report, why: silent.map((check) => `${check.address}: ${check.detail}`).join('; ') }
  if (!systemUsesThem) return { ok: false, report, why: 'the system did not take the new servers' }
  if (!systemLookup.ok) return { ok: false, report, why: `a lookup through the system failed (${systemLookup.detail})` }
  return { ok: true, report, why: '' }
}
