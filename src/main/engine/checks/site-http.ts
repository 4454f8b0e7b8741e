import { isIP } from 'node:net'
import type { FetchSummary } from '../../../shared/diagnosis'
import { answeredWell, siteAddresses } from '../answers'
import type { Check, CheckContext, SiteAddress } from '../check'
import type { PinnedFetchResult } from '../probes/http-pinned'
import { fetchLikeBrowser, type HostResolver } from '../probes/fetch-like-browser'
import { usableFamilies } from '../address-families'
import type { HttpFailureCode } from '../../../shared/evidence'
import { askResolvers } from './ask-resolvers'
import { publicResolversToAsk } from './public-dns'
import { systemResolversToAsk } from './system-resolver-list'

const MAX_ADDRESSES = 8

export function addressesToTry(context: CheckContext): SiteAddress[] {
  const target = context.target!
  if (target.isAddress) return [{ address: target.host, from: [] }]
  const dns = context.outcomes['site.dns']?.evidence
  const fromSystem = siteAddresses(dns?.system ?? [])
  const fromPublic = siteAddresses(dns?.public ?? [])
  // Without IPv6 on this computer, IPv6 addresses would fail for reasons that have nothing to do with the site.
  const usable = (address: string): boolean => isIP(address) === 4 || usableFamilies(context).has(6)
  return [...new Set([...fromSystem, ...fromPublic])]
    .filter(usable)
    .slice(0, MAX_ADDRESSES)
    .map((address) => ({
      address,
      from: [...(fromSystem.includes(address) ? ['system' as const] : []), ...(fromPublic.includes(address) ? ['public' as const] : [])],
    }))
}

/**
 * Where a redirect to another name is looked up: through the resolvers that gave the address the journey
 * started at (the system's when they did, as the browser would; the public ones for an address only they
 * gave), so the whole journey is the one that address book leads to. The answers are kept per name.
 */
function resolverFor(context: CheckContext, from: SiteAddress['from'], signal: AbortSignal): HostResolver {
  const found = new Map<string, Promise<string | undefined>>()
  const lookUp = async (host: string): Promise<string | undefined> => {
    const resolvers = from.includes('public') && !from.includes('system') ? publicResolversToAsk(context) : systemResolversToAsk(await context.systemResolvers())
    const types = usableFamilies(context).has(6) ? (['A', 'AAAA'] as const) : (['A'] as const)
    const answers = await Promise.all(types.map((type) => askResolvers(resolvers, host, type, context.remainingMs(), signal)))
    return siteAddresses(answers.flat())[0]
  }
  return (host) => {
    if (!found.has(host)) found.set(host, lookUp(host))
    return found.get(host)!
  }
}

/**
 * A name typed without https:// or http:// is tried over https first; when that fails, browsers (Chrome's
 * HTTPS-Upgrades, Firefox's HTTPS-First) load it over http instead, certificate errors included, so NetMend
 * does too. Not after a timeout: browsers wait seconds for that, which the check's time does not hold.
 */
const FALLS_BACK_TO_HTTP: ReadonlySet<HttpFailureCode> = new Set<HttpFailureCode>([
  'http.refused',
  'http.unreachable',
  'http.reset',
  'http.protocol',
  'tls.untrusted',
  'tls.expired',
  'tls.name-mismatch',
  'tls.failed',
])

async function fetchAddress(context: CheckContext, site: SiteAddress, timeoutMs: number, signal: AbortSignal): Promise<PinnedFetchResult> {
  const target = context.target!
  const deadline = performance.now() + timeoutMs
  const resolveHost = resolverFor(context, site.from, signal)
  const fetch = (url: URL): Promise<PinnedFetchResult> =>
    fetchLikeBrowser({ url, address: site.address, timeoutMs: Math.max(1, Math.round(deadline - performance.now())), signal, resolveHost })
  const secure = await fetch(target.url)
  if (target.schemeGiven || secure.ok || secure.redirects || !FALLS_BACK_TO_HTTP.has(secure.code)) return secure
  const plain = new URL(target.url.href)
  plain.protocol = 'http:'
  const overHttp = await fetch(plain)
  return { ...overHttp, url: overHttp.url ?? plain.href, httpsFailure: secure.code }
}

const summaryOf = (fetch: PinnedFetchResult): FetchSummary =>
  fetch.ok ? { address: fetch.address, status: fetch.status, works: answeredWell(fetch) } : { address: fetch.address, failure: fetch.code }

/**
 * Fetches the page from each address the resolvers gave, keeping the site's name (Host header and TLS SNI),
 * and follows it as a browser would: through redirects, and from https to http for a name typed bare.
 */
export const siteHttpCheck: Check<'site.http'> = {
  id: 'site.http',
  dependsOn: ['net.interfaces', 'site.dns'],
  needs: ['site', 'network', 'site-address'],
  timeoutMs: 3500,
  run: async (context, signal) => {
    const target = context.target!
    const addresses = addressesToTry(context)
    const url = target.url.href
    const timeoutMs = Math.max(100, context.remainingMs() - 50)
    const fetches = await Promise.all(addresses.map((site) => fetchAddress(context, site, timeoutMs, signal)))
    const evidence = { url, addresses, fetches, timeoutMs }
    const good = fetches.filter(answeredWell)
    if (good.length === fetches.length) {
      const first = good[0] as Extract<PinnedFetchResult, { ok: true }>
      return { status: 'pass', summary: { code: 'site-answers', status: first.status, ms: first.timings.totalMs }, evidence }
    }
    if (good.length > 0) return { status: 'warn', summary: { code: 'site-mixed', fetches: fetches.map(summaryOf) }, evidence }
    return { status: 'fail', summary: { code: 'site-fails', fetches: fetches.map(summaryOf) }, evidence }
  },
}
