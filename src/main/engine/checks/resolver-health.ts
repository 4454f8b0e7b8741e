import type { CheckStatus, CheckSummary } from '../../../shared/diagnosis'
import type { ResolverAnswer } from '../check'
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
