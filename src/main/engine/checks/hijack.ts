import { randomBytes } from 'node:crypto'
import { addressesOf } from '../../dns/client'
import { isNxdomain } from '../answers'
import type { Check } from '../check'
import { askResolvers } from './ask-resolvers'
import { publicResolversToAsk } from './public-dns'
import { systemResolversToAsk } from './system-resolver-list'

/** A name nobody has registered: a fresh random label each time, so no cache can answer it. */
export function madeUpName(parentDomain: string): string {
  return `nmprobe-${randomBytes(6).toString('hex')}.${parentDomain}`
}

export const hijackCheck: Check<'dns.hijack'> = {
  id: 'dns.hijack',
  dependsOn: ['net.interfaces'],
  needs: ['network'],
  timeoutMs: 2200,
  run: async (context, signal) => {
    const question = madeUpName(context.config.hijackProbeDomain)
    const resolversRead = await context.systemResolvers()
    const [system, publicAnswers] = await Promise.all([
      askResolvers(systemResolversToAsk(resolversRead), question, 'A', context.remainingMs(), signal, context.routerSilent),
      askResolvers(publicResolversToAsk(context), question, 'A', context.remainingMs(), signal, context.routerSilent),
    ])
    const evidence = { question, system, public: publicAnswers }
    const invented = system.flatMap((answer) => addressesOf(answer.response, 'A'))
    if (invented.length > 0) return { status: 'fail', summary: { code: 'hijack-found', address: invented[0]! }, evidence }
    const honest = system.some(isNxdomain)
    if (honest) return { status: 'pass', summary: { code: 'hijack-none' }, evidence }
    return { status: 'skipped', summary: { code: 'hijack-unknown' }, evidence }
  },
}
