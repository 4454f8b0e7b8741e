import { CHECK_SUMMARIES } from '../../../shared/texts'
import type { CheckOutcome, ResolverAnswer } from '../check'
import { answered, fastestLatency } from './ask-resolvers'

export const SLOW_RESOLVER_MS = 500

/** The name both resolver checks ask for: the connectivity-check host, which certainly exists. */
export function referenceName(captivePortalUrl: string): string {
  return new URL(captivePortalUrl).hostname
}

export type ResolverGroupFailure = 'silent' | 'servfail' | 'refused'

/** How a group of resolvers failed when none of them answered; null when one did (or none was asked). */
export function groupFailure(answers: readonly ResolverAnswer[]): ResolverGroupFailure | null {
  if (answers.length === 0 || answers.some(answered)) return null
  const codes = answers.map((answer) => (answer.response.ok ? answer.response.rcode : answer.response.code))
  if (codes.includes('SERVFAIL')) return 'servfail'
  if (codes.includes('REFUSED')) return 'refused'
  return 'silent'
}

/** Shared judgement of "does this group of resolvers work", for the system and the public ones alike. */
export function judgeResolvers(question: string, answers: ResolverAnswer[]): CheckOutcome<'dns.system'> {
  const working = answers.filter(answered)
  const fastest = fastestLatency(answers)
  if (working.length === 0) {
    return { status: 'fail', summary: CHECK_SUMMARIES.resolversFail(answers.length, groupFailure(answers) ?? 'silent'), data: { question, answers } }
  }
  if (fastest !== undefined && fastest > SLOW_RESOLVER_MS) {
    return { status: 'warn', summary: CHECK_SUMMARIES.resolverSlow(fastest), data: { question, answers } }
  }
  return {
    status: working.length === answers.length ? 'pass' : 'warn',
    summary: CHECK_SUMMARIES.resolversAnswer(working.length, answers.length, fastest),
    data: { question, answers },
  }
}
