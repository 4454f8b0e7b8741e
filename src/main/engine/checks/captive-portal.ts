import { isIP } from 'node:net'
import { addressesOf } from '../../dns/client'
import type { Check, CheckContext } from '../check'
import { fetchPinned, type PinnedFetchResult } from '../probes/http-pinned'

const EXPECTED_STATUS = 204

/**
 * The check host's address: the URL's own when it is an IP address, else as already looked up by the
 * resolver checks, the system's answer first.
 */
export function knownAddressOfCheckHost(context: CheckContext): string | undefined {
  const host = new URL(context.config.captivePortalUrl).hostname.replace(/^\[(.*)\]$/, '$1')
  if (isIP(host)) return host
  for (const id of ['dns.system', 'dns.public'] as const) {
    for (const answer of context.outcomes[id]?.evidence?.answers ?? []) {
      const address = addressesOf(answer.response, 'A')[0]
      if (address) return address
    }
  }
  return undefined
}

function redirectHost(location: string | undefined, base: string): string | null {
  if (!location) return null
  try {
    return new URL(location, base).host
  } catch {
    return null
  }
}

/**
 * How a sign-in page took over the test page: a redirect (host: where to, null when the target cannot be
 * read), or a page with content where an empty answer belongs (host null), the sign-in page itself. As on
 * Android and in Chrome, any redirect counts, to another host or to a login page on the same one.
 * Undefined when the answer does not show one.
 */
function portalIn(fetch: Extract<PinnedFetchResult, { ok: true }>, url: string): { host: string | null } | undefined {
  if (fetch.status >= 300 && fetch.status < 400) return { host: redirectHost(fetch.headers.location, url) }
  if (fetch.status === 200 && fetch.bodySnippet.trim().length > 0) return { host: null }
  return undefined
}

/**
 * Fetches a page that should come back empty (204). A redirect anywhere, or a page with content in its
 * place, shows a sign-in page; a plain error (403, 407, 5xx…) tells nothing either way.
 */
export const captivePortalCheck: Check<'portal.captive'> = {
  id: 'portal.captive',
  dependsOn: ['dns.system', 'dns.public'],
  needs: ['network', 'check-host-address'],
  timeoutMs: 2500,
  run: async (context, signal) => {
    const url = context.config.captivePortalUrl
    const address = knownAddressOfCheckHost(context)!
    const fetch = await fetchPinned({ url: new URL(url), address, timeoutMs: Math.max(100, context.remainingMs() - 50), signal })
    const evidence = { url, address, fetch }
    if (!fetch.ok) return { status: 'skipped', summary: { code: 'captive-unknown' }, evidence }
    if (fetch.status === EXPECTED_STATUS) return { status: 'pass', summary: { code: 'captive-clean' }, evidence }
    const portal = portalIn(fetch, url)
    if (portal === undefined) return { status: 'skipped', summary: { code: 'captive-unknown' }, evidence }
    return { status: 'fail', summary: { code: 'captive-found', host: portal.host }, evidence }
  },
}
