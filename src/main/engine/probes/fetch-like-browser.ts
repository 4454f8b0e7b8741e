import { isIP } from 'node:net'
import type { HttpFailureCode, PinnedFetchResult, RedirectHop } from '../../../shared/evidence'
import { fetchPinned } from './http-pinned'

/** Browsers give up after 20 redirects; no working site needs more than a few, and each one costs time. */
export const MAX_REDIRECTS = 10
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/** An address for a name a redirect led to, or undefined when none was found. */
export type HostResolver = (host: string) => Promise<string | undefined>

export interface BrowserFetchOptions {
  url: URL
  /** Where the first request goes, whatever DNS says (the site's name is kept for Host and TLS). */
  address: string
  /** For the whole journey, every redirect included. */
  timeoutMs: number
  signal: AbortSignal
  resolveHost: HostResolver
  bodyLimitBytes?: number
}

const bareHost = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1')
const withoutFragment = (url: URL): string => url.href.replace(/#.*$/, '')

function redirectTarget(fetch: Extract<PinnedFetchResult, { ok: true }>, from: URL): URL | undefined {
  if (!REDIRECT_STATUSES.has(fetch.status) || !fetch.headers.location) return undefined
  try {
    const next = new URL(fetch.headers.location, from)
    // A redirect to anything but a web page (mailto:, an app link) ends the journey where a browser's would.
    return next.protocol === 'http:' || next.protocol === 'https:' ? next : undefined
  } catch {
    return undefined
  }
}

/**
 * GETs the URL as a browser would: follows redirects (to the same host at the same address, to other hosts
 * at the address `resolveHost` finds), and returns the last answer, with the redirects that led there. Time
 * and bytes are bounded for the whole journey; each hop's body by `bodyLimitBytes`. Never rejects.
 */
export async function fetchLikeBrowser(options: BrowserFetchOptions): Promise<PinnedFetchResult> {
  const deadline = performance.now() + options.timeoutMs
  const redirects: RedirectHop[] = []
  const visited = new Set<string>()
  let url = options.url
  let address = options.address
  const journey = (result: PinnedFetchResult): PinnedFetchResult =>
    redirects.length === 0 ? result : { ...result, address: options.address, url: url.href, redirects }
  const stopped = (code: HttpFailureCode, detail: string, last: PinnedFetchResult): PinnedFetchResult =>
    journey({ ok: false, address: options.address, code, detail, timings: last.timings })

  for (;;) {
    visited.add(withoutFragment(url))
    const timeoutMs = Math.max(1, Math.round(deadline - performance.now()))
    const hop = await fetchPinned({ url, address, timeoutMs, signal: options.signal, bodyLimitBytes: options.bodyLimitBytes })
    const next = hop.ok ? redirectTarget(hop, url) : undefined
    if (!hop.ok || !next) return journey(hop)
    redirects.push({ url: url.href, address, status: hop.status })
    // Coming back to a page already seen is a loop, unless the site set a cookie on the way: a browser
    // would send it back and may be let through then (we keep none), so only the count stops that one.
    if (visited.has(withoutFragment(next)) && !hop.headers['set-cookie']) return stopped('http.redirect-loop', next.href, hop)
    if (redirects.length > MAX_REDIRECTS) return stopped('http.too-many-redirects', String(MAX_REDIRECTS), hop)
    const nextHost = bareHost(next)
    const sameHost = nextHost === bareHost(url)
    url = next
    if (sameHost) continue
    const found = isIP(nextHost) ? nextHost : await options.resolveHost(nextHost)
    if (found === undefined) return stopped('http.redirect-unresolved', nextHost, hop)
    address = found
  }
}
