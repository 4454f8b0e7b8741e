import { CHECK_SUMMARIES } from '../../../shared/texts'
import type { CheckContext } from '../check'

/** Fits every check's outcome type: a skipped check has no data. */
export interface SkippedOutcome {
  status: 'skipped'
  summary: string
  data: Record<string, never>
}

/** Checks that need a network connection stop early, and say so, when there is none. */
export function skippedWithoutNetwork(context: CheckContext): SkippedOutcome | null {
  const interfaces = context.outcomes['net.interfaces']
  if (interfaces?.status !== 'fail') return null
  return { status: 'skipped', summary: CHECK_SUMMARIES.skippedNoNetwork(), data: {} }
}
