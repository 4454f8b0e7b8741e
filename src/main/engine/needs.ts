// What a check needs before it can tell anything, and the one line it gets when that is missing. The
// orchestrator applies these, in the order a check lists them, before the check runs.
import { CHECK_SUMMARIES } from '../../shared/texts'
import type { CheckContext, Need } from './check'
import { knownAddressOfCheckHost } from './checks/captive-portal'
import { addressesToTry } from './checks/site-http'

interface NeedRule {
  met: (context: CheckContext) => boolean
  /** The check's line when the need is not met. */
  skipped: () => string
}

export const NEEDS = {
  network: { met: (context) => context.outcomes['net.interfaces']?.status !== 'fail', skipped: () => CHECK_SUMMARIES.skippedNoNetwork() },
  site: { met: (context) => context.target !== null, skipped: () => CHECK_SUMMARIES.skippedNoSite() },
  'check-host-address': { met: (context) => knownAddressOfCheckHost(context) !== undefined, skipped: () => CHECK_SUMMARIES.captiveUnknown() },
  'site-address': { met: (context) => addressesToTry(context).length > 0, skipped: () => CHECK_SUMMARIES.skippedNoAddress() },
} satisfies Record<Need, NeedRule>

/** The line of the first need that is not met, or null when the check can run. */
export function unmetNeed(needs: readonly Need[], context: CheckContext): string | null {
  const missing = needs.find((need) => !NEEDS[need].met(context))
  return missing === undefined ? null : NEEDS[missing].skipped()
}
