import type { Check } from '../check'
import { connectTcp } from '../probes/tcp-connect'
import { withinReach } from '../address-families'

/** Reaches well-known servers by address, so the answer does not depend on DNS working. */
export const internetCheck: Check<'net.internet'> = {
  id: 'net.internet',
  dependsOn: ['net.interfaces'],
  needs: ['network'],
  timeoutMs: 2000,
  run: async (context, signal) => {
    const timeoutMs = Math.max(100, context.remainingMs() - 100)
    const targets = await Promise.all(withinReach(context.config.reachabilityTargets, context).map((target) => connectTcp(target.address, target.port, { timeoutMs, signal, lastTry: context.routerSilent })))
    const reached = targets.filter((target) => target.outcome === 'connected').length
    if (reached === 0) return { status: 'fail', summary: { code: 'internet-unreachable', total: targets.length }, evidence: { targets } }
    return { status: reached === targets.length ? 'pass' : 'warn', summary: { code: 'internet-reachable', reached, total: targets.length }, evidence: { targets } }
  },
}
