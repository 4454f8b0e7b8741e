import type { Check, ResolverAnswer } from '../check'
import { answered, answersDisagree, isNxdomain, siteAddresses } from '../answers'
import { askResolvers, type ResolverToAsk } from './ask-resolvers'
import { publicResolversToAsk } from './public-dns'
import { systemResolversToAsk } from './system-resolver-list'

async function askBothTypes(resolvers: ResolverToAsk[], host: string, remainingMs: number, signal: AbortSignal, lastTry?: AbortSignal): Promise<ResolverAnswer[]> {
  const [a, aaaa] = await Promise.all([askResolvers(resolvers, host, 'A', remainingMs, signal, lastTry), askResolvers(resolvers, host, 'AAAA', remainingMs, signal, lastTry)])
  return [...a, ...aaaa]
}

/**
 * Asks the system's resolvers and the public ones for A and AAAA, and stops waiting for the public ones as
 * soon as the system's have all finished and one public resolver has answered both: a silent public
 * resolver must not eat the time the site's fetch needs. Questions stopped that way are left out.
 */
export async function askSystemAndPublic(
  systemResolvers: ResolverToAsk[],
  publicResolvers: ResolverToAsk[],
  host: string,
  remainingMs: number,
  signal: AbortSignal,
  lastTry?: AbortSignal,
): Promise<{ system: ResolverAnswer[]; public: ResolverAnswer[] }> {
  const enough = new AbortController()
  const publicSignal = AbortSignal.any([signal, enough.signal])
  let systemDone = false
  let onePublicAnswered = false
  const stopIfEnough = (): void => {
    if (systemDone && onePublicAnswered) enough.abort()
  }
  const perPublic = publicResolvers.map(async (resolver) => {
    const answers = await askBothTypes([resolver], host, remainingMs, publicSignal, lastTry)
    if (answers.every(answered)) {
      onePublicAnswered = true
      stopIfEnough()
    }
    return answers
  })
  const system = await askBothTypes(systemResolvers, host, remainingMs, signal, lastTry)
  systemDone = true
  stopIfEnough()
  const publicAnswers = (await Promise.all(perPublic)).flat()
  const stoppedEarly = enough.signal.aborted && !signal.aborted
  return { system, public: stoppedEarly ? publicAnswers.filter((answer) => answer.response.ok || answer.response.code !== 'dns.aborted') : publicAnswers }
}

/** The site's name looked up through every resolver, the system's and the public ones, for IPv4 and IPv6. */
export const siteDnsCheck: Check<'site.dns'> = {
  id: 'site.dns',
  dependsOn: ['net.interfaces'],
  needs: ['site', 'network'],
  timeoutMs: 2200,
  run: async (context, signal) => {
    const target = context.target!
    if (target.isAddress) return { status: 'pass', summary: { code: 'site-is-address' }, evidence: { host: target.host, system: [], public: [] } }
    const resolversRead = await context.systemResolvers()
    const asked = await askSystemAndPublic(systemResolversToAsk(resolversRead), publicResolversToAsk(context), target.host, context.remainingMs(), signal, context.routerSilent)
    const { system, public: publicAnswers } = asked
    const evidence = { host: target.host, system, public: publicAnswers }
    const all = [...system, ...publicAnswers]
    const found = siteAddresses(all)
    if (found.length === 0) return { status: 'fail', summary: { code: all.some(isNxdomain) ? 'site-name-missing' : 'site-not-resolved' }, evidence }
    if (answersDisagree(siteAddresses(system), siteAddresses(publicAnswers))) return { status: 'warn', summary: { code: 'site-different' }, evidence }
    return { status: 'pass', summary: { code: 'site-found', count: found.length }, evidence }
  },
}
