import { isIP } from 'node:net'
import { CHECK_SUMMARIES } from '../../../shared/texts'
import { answeredWell, siteAddresses } from '../answers'
import type { Check, CheckContext, SiteAddress } from '../check'
import { fetchPinned, type PinnedFetchResult } from '../probes/http-pinned'
import { usableFamilies } from '../address-families'

const MAX_ADDRESSES = 8

export function addressesToTry(context: CheckContext): SiteAddress[] {
  const target = context.target!
  if (target.isAddress) return [{ address: target.host, from: [] }]
  const dns = context.outcomes['site.dns']?.data
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

const describeFetch = (fetch: PinnedFetchResult): string =>
  CHECK_SUMMARIES.siteAtAddress(fetch.address, fetch.ok ? { status: fetch.status } : { failure: fetch.code })

/** Fetches the page from each address the resolvers gave, keeping the site's name (Host header and TLS SNI). */
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
    const fetches = await Promise.all(addresses.map(({ address }) => fetchPinned({ url: target.url, address, timeoutMs, signal })))
    const data = { url, addresses, fetches, timeoutMs }
    const good = fetches.filter(answeredWell)
    if (good.length === fetches.length) {
      const first = good[0] as Extract<PinnedFetchResult, { ok: true }>
      return { status: 'pass', summary: CHECK_SUMMARIES.siteAnswers(first.status, first.timings.totalMs), data }
    }
    if (good.length > 0) return { status: 'warn', summary: CHECK_SUMMARIES.siteMixed(fetches.map(describeFetch)), data }
    return { status: 'fail', summary: CHECK_SUMMARIES.siteFails(fetches.map(describeFetch)), data }
  },
}
