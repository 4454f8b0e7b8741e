import type { Check } from '../check'
import { askResolvers } from './ask-resolvers'
import { judgeResolvers, referenceName } from './resolver-health'
import { systemResolversToAsk } from './system-resolver-list'

/** Asks the resolvers the operating system uses (usually the internet provider's) directly, timing each. */
export const systemDnsCheck: Check<'dns.system'> = {
  id: 'dns.system',
  dependsOn: ['net.interfaces'],
  needs: ['network'],
  timeoutMs: 2200,
  run: async (context, signal) => {
    const resolversRead = await context.systemResolvers()
    const question = referenceName(context.config.captivePortalUrl)
    if (!resolversRead.ok) return { status: 'warn', summary: { code: 'resolvers-unknown' }, evidence: { question, answers: [], resolversRead } }
    const answers = await askResolvers(systemResolversToAsk(resolversRead), question, 'A', context.remainingMs(), signal, context.routerSilent)
    return { ...judgeResolvers(answers), evidence: { question, answers, resolversRead } }
  },
}
