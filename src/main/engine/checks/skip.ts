import type { CheckContext } from '../check'

/** Fits every check's outcome type: a skipped check saw nothing. */
export interface SkippedOutcome {
  status: 'skipped'
  summary: { code: 'skipped-no-network' }
}

/** Checks that need a network connection stop early, and say so, when there is none. */
export function skippedWithoutNetwork(context: CheckContext): SkippedOutcome | null {
  const interfaces = context.outcomes['net.interfaces']
  if (interfaces?.status !== 'fail') return null
  return { status: 'skipped', summary: { code: 'skipped-no-network' } }
}
