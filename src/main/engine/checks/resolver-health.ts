import { CHECK_SUMMARIES } from '../../../shared/texts'
import type { CheckOutcome, ResolverAnswer } from '../check'
import { answered, fastestLatency, groupFailure, SLOW_RESOLVER_MS } from '../answers'

/** The name both resolver checks ask for: the connectivity-check host, which certainly exists. */
export function referenceName(captivePortalUrl: string): string {
  return new URL(captivePortalUrl).hostname
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
