import type { CheckStatus, CheckSummary } from '../../../shared/diagnosis'
import type { ResolverAnswer } from '../check'
import { answered, fastestLatency, groupFailure, SLOW_RESOLVER_MS } from '../answers'

/** The name both resolver checks ask for: the connectivity-check host, which certainly exists. */
export function referenceName(captivePortalUrl: string): string {
  return new URL(captivePortalUrl).hostname
}

/** Shared judgement of "does this group of resolvers work", for the system and the public ones alike. */
export function judgeResolvers(answers: ResolverAnswer[]): { status: CheckStatus; summary: CheckSummary } {
  const working = answers.filter(answered)
  const fastest = fastestLatency(answers)
  if (working.length === 0) return { status: 'fail', summary: { code: 'resolvers-fail', total: answers.length, how: groupFailure(answers) ?? 'silent' } }
  if (fastest !== undefined && fastest > SLOW_RESOLVER_MS) return { status: 'warn', summary: { code: 'resolvers-slow', latencyMs: fastest } }
  return {
    status: working.length === answers.length ? 'pass' : 'warn',
    summary: { code: 'resolvers-answer', answered: working.length, total: answers.length, ...(fastest === undefined ? {} : { fastestMs: fastest }) },
  }
}
