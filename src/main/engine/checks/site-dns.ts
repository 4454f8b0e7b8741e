import { addressesOf } from '../../dns/client'
import { CHECK_SUMMARIES } from '../../../shared/texts'
import type { Check, ResolverAnswer } from '../check'
import { askResolvers, type ResolverToAsk } from './ask-resolvers'
import { publicResolversToAsk } from './public-dns'
import { skippedWithoutNetwork } from './skip'
import { systemResolversToAsk } from './system-resolver-list'

export function siteAddresses(answers: readonly ResolverAnswer[]): string[] {
  return [...new Set(answers.flatMap((answer) => [...addressesOf(answer.response, 'A'), ...addressesOf(answer.response, 'AAAA')]))]
}

export const isNxdomain = (answer: ResolverAnswer): boolean => answer.response.ok && answer.response.rcode === 'NXDOMAIN'

async function askBothTypes(resolvers: ResolverToAsk[], host: string, remainingMs: number, signal: AbortSignal): Promise<ResolverAnswer[]> {
  const [a, aaaa] = await Promise.all([askResolvers(resolvers, host, 'A', remainingMs, signal), askResolvers(resolvers, host, 'AAAA', remainingMs, signal)])
  return [...a, ...aaaa]
}

/** The site's name looked up through every resolver, the system's and the public ones, for IPv4 and IPv6. */
export const siteDnsCheck: Check<'site.dns'> = {
  id: 'site.dns',
  dependsOn: ['net.interfaces'],
  timeoutMs: 2200,
  run: async (context, signal) => {
    const target = context.target
    if (!target) return { status: 'skipped', summary: CHECK_SUMMARIES.skippedNoSite(), data: {} }
    const skipped = skippedWithoutNetwork(context)
    if (skipped) return skipped
    if (target.isAddress) return { status: 'pass', summary: CHECK_SUMMARIES.siteIsAddress(), data: { host: target.host, system: [], public: [] } }
    const resolversRead = await context.systemResolvers()
    const [system, publicAnswers] = await Promise.all([
      askBothTypes(systemResolversToAsk(resolversRead), target.host, context.remainingMs(), signal),
      askBothTypes(publicResolversToAsk(context), target.host, context.remainingMs(), signal),
    ])
    const data = { host: target.host, system, public: publicAnswers }
    const all = [...system, ...publicAnswers]
    const found = siteAddresses(all)
    if (found.length === 0) {
      const missing = all.some(isNxdomain)
      return { status: 'fail', summary: missing ? CHECK_SUMMARIES.siteNameMissing() : CHECK_SUMMARIES.siteNotResolved(), data }
    }
    const fromSystem = siteAddresses(system)
    const fromPublic = siteAddresses(publicAnswers)
    const disagree = fromSystem.length > 0 && fromPublic.length > 0 && !fromSystem.some((address) => fromPublic.includes(address))
    if (disagree) return { status: 'warn', summary: CHECK_SUMMARIES.siteDifferent(), data }
    return { status: 'pass', summary: CHECK_SUMMARIES.siteFound(found.length), data }
  },
}
