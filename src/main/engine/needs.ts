// What a check needs before it can tell anything, and the one line it gets when that is missing. The
// orchestrator applies these, in the order a check lists them, before the check runs.
import type { CheckSummary } from '../../shared/diagnosis'
import type { CheckContext, Need } from './check'
import { knownAddressOfCheckHost } from './checks/captive-portal'
import { addressesToTry } from './checks/site-http'

interface NeedRule {
  met: (context: CheckContext) => boolean
  /** The check's line when the need is not met. */
  skipped: CheckSummary
}

export const NEEDS = {
  network: { met: (context) => context.outcomes['net.interfaces']?.status !== 'fail', skipped: { code: 'skipped-no-network' } },
  site: { met: (context) => context.target !== null, skipped: { code: 'skipped-no-site' } },
  'check-host-address': { met: (context) => knownAddressOfCheckHost(context) !== undefined, skipped: { code: 'captive-unknown' } },
  'site-address': { met: (context) => addressesToTry(context).length > 0, skipped: { code: 'skipped-no-address' } },
} satisfies Record<Need, NeedRule>

/** The line of the first need that is not met, or null when the check can run. */
export function unmetNeed(needs: readonly Need[], context: CheckContext): CheckSummary | null {
  const missing = needs.find((need) => !NEEDS[need].met(context))
  return missing === undefined ? null : NEEDS[missing].skipped
}
