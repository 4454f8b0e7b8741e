import { addressesOf } from '../../dns/client'
import { CHECK_SUMMARIES } from '../../../shared/texts'
import type { Check, CheckContext } from '../check'
import { fetchPinned, type PinnedFetchResult } from '../probes/http-pinned'

const EXPECTED_STATUS = 204

/** The check host's address as already looked up by the resolver checks: the system's answer first. */
export function knownAddressOfCheckHost(context: CheckContext): string | undefined {
  for (const id of ['dns.system', 'dns.public'] as const) {
    for (const answer of context.outcomes[id]?.data.answers ?? []) {
      const address = addressesOf(answer.response, 'A')[0]
      if (address) return address
    }
  }
  return undefined
}

function redirectHost(location: string | undefined, base: string): string | undefined {
  if (!location) return undefined
  try {
    return new URL(location, base).host
  } catch {
    return undefined
  }
}

/** Where a sign-in page took over the test page, or null when the answer does not show one. */
function portalIn(fetch: Extract<PinnedFetchResult, { ok: true }>, url: string): string | null {
  if (fetch.status >= 300 && fetch.status < 400) {
    const host = redirectHost(fetch.headers.location, url)
    return host !== undefined && host !== new URL(url).host ? host : null
  }
  // A page with content where an empty answer belongs: the sign-in page itself.
  if (fetch.status === 200 && fetch.bodySnippet.trim().length > 0) return 'another page'
  return null
}

/**
 * Fetches a page that should come back empty (204). Only a redirect to another host, or a page with content
 * in its place, shows a sign-in page; anything else (403, 407, 5xx…) tells nothing either way.
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
    const data = { url, address, fetch }
    if (!fetch.ok) return { status: 'skipped', summary: CHECK_SUMMARIES.captiveUnknown(), data }
    if (fetch.status === EXPECTED_STATUS) return { status: 'pass', summary: CHECK_SUMMARIES.captiveClean(), data }
    const portal = portalIn(fetch, url)
    if (portal === null) return { status: 'skipped', summary: CHECK_SUMMARIES.captiveUnknown(), data }
    return { status: 'fail', summary: CHECK_SUMMARIES.captiveFound(portal), data }
  },
}
