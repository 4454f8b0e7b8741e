import { addressesOf } from '../../dns/client'
import { CHECK_SUMMARIES } from '../../../shared/texts'
import type { Check, CheckContext } from '../check'
import { fetchPinned } from '../probes/http-pinned'

const EXPECTED_STATUS = 204

/** The check host's address as already looked up by the resolver checks: the system's answer first. */
function knownAddressOfCheckHost(context: CheckContext): string | undefined {
  for (const id of ['dns.system', 'dns.public'] as const) {
    for (const answer of context.outcomes[id]?.data.answers ?? []) {
      const address = addressesOf(answer.response, 'A')[0]
      if (address) return address
    }
  }
  return undefined
}

function redirectTarget(location: string | undefined, base: string): string {
  if (!location) return 'another page'
  try {
    return new URL(location, base).host
  } catch {
    return 'another page'
  }
}

/** Fetches a page that should come back empty (204): a sign-in page in its place means a captive portal. */
export const captivePortalCheck: Check<'portal.captive'> = {
  id: 'portal.captive',
  dependsOn: ['dns.system', 'dns.public'],
  timeoutMs: 2500,
  run: async (context, signal) => {
    const url = context.config.captivePortalUrl
    const address = knownAddressOfCheckHost(context)
    if (!address) return { status: 'skipped', summary: CHECK_SUMMARIES.captiveUnknown(), data: { url } }
    const fetch = await fetchPinned({ url: new URL(url), address, timeoutMs: Math.max(100, context.remainingMs() - 50), signal })
    const data = { url, address, fetch }
    if (!fetch.ok) return { status: 'skipped', summary: CHECK_SUMMARIES.captiveUnknown(), data }
    if (fetch.status === EXPECTED_STATUS) return { status: 'pass', summary: CHECK_SUMMARIES.captiveClean(), data }
    return { status: 'fail', summary: CHECK_SUMMARIES.captiveFound(redirectTarget(fetch.headers.location, url)), data }
  },
}
