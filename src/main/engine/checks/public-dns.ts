import type { Check } from '../check'
import { askResolvers } from './ask-resolvers'
import { judgeResolvers, referenceName } from './resolver-health'
import { skippedWithoutNetwork } from './skip'

export const publicResolversToAsk = (resolvers: readonly { name: string; address: string }[]) =>
  resolvers.map((resolver) => ({ address: resolver.address, label: `${resolver.name} ${resolver.address}` }))

/** The same question to well-known public resolvers: tells a broken provider apart from blocked DNS. */
export const publicDnsCheck: Check<'dns.public'> = {
  id: 'dns.public',
  dependsOn: ['net.interfaces'],
  timeoutMs: 2200,
  run: async (context, signal) => {
    const skipped = skippedWithoutNetwork(context)
    if (skipped) return skipped
    const question = referenceName(context.config.captivePortalUrl)
    const answers = await askResolvers(publicResolversToAsk(context.config.publicResolvers), question, 'A', context.remainingMs(), signal)
    return judgeResolvers(question, answers)
  },
}
