// Reading what the checks recorded (resolvers' answers, the site's fetches), the same way for the checks'
// own lines and for the facts the verdict rules read.
import { addressesOf } from '../dns/client'
import type { ResolverAnswer } from './check'
import type { PinnedFetchResult } from './probes/http-pinned'
import { problemIn } from './answer-problems'

export const SLOW_RESOLVER_MS = 500

export const answered = (answer: ResolverAnswer): boolean => answer.response.ok && answer.response.rcode !== 'SERVFAIL' && answer.response.rcode !== 'REFUSED'

export function fastestLatency(answers: readonly ResolverAnswer[]): number | undefined {
  const latencies = answers.filter(answered).map((answer) => answer.response.latencyMs)
  return latencies.length > 0 ? Math.min(...latencies) : undefined
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

export const isNxdomain = (answer: ResolverAnswer): boolean => answer.response.ok && answer.response.rcode === 'NXDOMAIN'

export function siteAddresses(answers: readonly ResolverAnswer[]): string[] {
  return [...new Set(answers.flatMap((answer) => [...addressesOf(answer.response, 'A'), ...addressesOf(answer.response, 'AAAA')]))]
}

/** Both sides found addresses for the site, and not one in common. */
export const answersDisagree = (fromSystem: readonly string[], fromPublic: readonly string[]): boolean =>
  fromSystem.length > 0 && fromPublic.length > 0 && !fromSystem.some((address) => fromPublic.includes(address))

/** The page came back as a browser would show it: no server error, block, limit or sign-in in the way. */
export const answeredWell = (fetch: PinnedFetchResult): boolean => fetch.ok && problemIn(fetch) === null
