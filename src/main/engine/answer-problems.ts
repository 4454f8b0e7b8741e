// What is wrong with an answer the site (or something in front of it) gave, in the terms the verdict rules
// use. Statuses a browser shows as the page itself (404, a site's own 403, a sign-in form's 401) are not
// problems of the site: they stay "answered".
import type { PinnedFetchResult } from '../../shared/evidence'
import { whoAnswered, type Responder } from '../../shared/who-answered'
import { blockingFirewall } from './web-firewalls'

export type AnswerProblem =
  | { kind: 'server-error'; status: number; responder: Responder | null }
  /** A web firewall in front of the site refused this connection. */
  | { kind: 'firewall'; firewall: string }
  | { kind: 'rate-limited'; retryAfterSeconds: number | null }
  /** 451: blocked for legal reasons, by whoever stands in the way. */
  | { kind: 'legal-block' }
  /** A proxy between this computer and the site wants a sign-in (407, or 401 with a proxy's challenge). */
  | { kind: 'proxy-sign-in'; status: number }

type Answer = Extract<PinnedFetchResult, { ok: true }>

/** A day: longer waits are not worth watching for, and a bigger number is no longer a plain wait. */
const LONGEST_RETRY_AFTER_S = 86_400

/** Retry-After as seconds: a number of seconds, or a date measured from the answer's own Date header. */
export function retryAfterSeconds(headers: Record<string, string>): number | null {
  const value = headers['retry-after']?.trim()
  if (!value) return null
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.parse(headers.date ?? '')) / 1000
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(Math.ceil(seconds), LONGEST_RETRY_AFTER_S) : null
}

export function problemIn(answer: Answer): AnswerProblem | null {
  const { status, headers } = answer
  if (status >= 500) return { kind: 'server-error', status, responder: whoAnswered(headers) }
  if (status === 407 || (status === 401 && 'proxy-authenticate' in headers)) return { kind: 'proxy-sign-in', status }
  if (status === 429) return { kind: 'rate-limited', retryAfterSeconds: retryAfterSeconds(headers) }
  if (status === 451) return { kind: 'legal-block' }
  if (status === 403) {
    const firewall = blockingFirewall(headers, answer.bodySnippet)
    if (firewall) return { kind: 'firewall', firewall }
  }
  return null
}
