import type { Check, CheckContext } from '../check'
import { withinReach } from '../address-families'
import { askResolvers, type ResolverToAsk } from './ask-resolvers'
import { judgeResolvers, referenceName } from './resolver-health'

/** The configured public resolvers this computer can reach by IP version. */
export const publicResolversToAsk = (context: CheckContext): ResolverToAsk[] =>
  withinReach(context.config.publicResolvers, context).map((resolver) => ({ address: resolver.address, origin: { kind: 'public', name: resolver.name } }))

/** The same question to well-known public resolvers: tells a broken provider apart from blocked DNS. */
export const publicDnsCheck: Check<'dns.public'> = {
  id: 'dns.public',
  dependsOn: ['net.interfaces'],
  needs: ['network'],
  timeoutMs: 2200,
  run: async (context, signal) => {
    const question = referenceName(context.config.captivePortalUrl)
    const answers = await askResolvers(publicResolversToAsk(context), question, 'A', context.remainingMs(), signal, context.routerSilent)
    return { ...judgeResolvers(answers), evidence: { question, answers } }
  },
}
