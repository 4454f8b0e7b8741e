// The shape of a diagnosis as every front end sees it: the CLI's --json output, the IPC
// contract and the renderer all use these types. Pure data.
import type { CheckEvidence, DesktopOs, HttpFailureCode, ProxySource } from './evidence'

export const CHECK_IDS = [
  'net.interfaces',
  'net.gateway',
  'net.internet',
  'dns.system',
  'dns.public',
  'dns.hijack',
  'portal.captive',
  'site.dns',
  'site.http',
  'site.hosts',
  'site.proxy',
  'net.clock',
] as const
export type CheckId = (typeof CHECK_IDS)[number]

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped'

/** How one fetch of the site went, for the one-line summary. */
/**
 * `works`: the engine's judgement of the answer (a 403 block page or a 429 does not work, a 404 page does);
 * absent in diagnoses saved before it was recorded, which judged by the status alone (below 500).
 */
export type FetchSummary = { address: string; status: number; works?: boolean } | { address: string; failure: HttpFailureCode }

/** A check's one-line result: a code, and the particulars its sentence needs. */
export type CheckSummary =
  | { code: 'interfaces-up'; names: string[] }
  | { code: 'interfaces-none' }
  | { code: 'gateway-answers'; address: string }
  | { code: 'gateway-silent'; address: string }
  | { code: 'gateway-missing' }
  | { code: 'internet-reachable'; reached: number; total: number }
  | { code: 'internet-unreachable'; total: number }
  | { code: 'resolvers-answer'; answered: number; total: number; fastestMs?: number }
  | { code: 'resolvers-fail'; total: number; how: 'silent' | 'servfail' | 'refused' }
  | { code: 'resolvers-slow'; latencyMs: number }
  | { code: 'resolvers-unknown' }
  | { code: 'hijack-none' }
  | { code: 'hijack-found'; address: string }
  | { code: 'hijack-unknown' }
  | { code: 'captive-clean' }
  /** host: where the test page was sent; null when a page with content stood in its place. */
  | { code: 'captive-found'; host: string | null }
  | { code: 'captive-unknown' }
  | { code: 'site-found'; count: number }
  | { code: 'site-name-missing' }
  | { code: 'site-different' }
  | { code: 'site-not-resolved' }
  | { code: 'site-is-address' }
  | { code: 'site-answers'; status: number; ms: number }
  | { code: 'site-mixed'; fetches: FetchSummary[] }
  | { code: 'site-fails'; fetches: FetchSummary[] }
  | { code: 'hosts-not-listed' }
  | { code: 'hosts-listed-works'; address: string }
  | { code: 'hosts-listed-fails'; address: string }
  | { code: 'hosts-unreadable' }
  | { code: 'proxy-none' }
  | { code: 'proxy-not-used' }
  | { code: 'proxy-pac-failed' }
  | { code: 'proxy-works'; proxy: string }
  | { code: 'proxy-fails'; proxy: string }
  | { code: 'clock-right' }
  /** minutes: how far this computer's clock is ahead of the servers' (negative: behind). */
  | { code: 'clock-wrong'; minutes: number }
  | { code: 'clock-unknown' }
  | { code: 'skipped-no-network' }
  | { code: 'skipped-no-site' }
  | { code: 'skipped-no-address' }
  | { code: 'out-of-time' }
  /** A bug in NetMend: the check threw. */
  | { code: 'crashed'; error: string }
export type CheckSummaryCode = CheckSummary['code']

export interface CheckReportOf<Id extends CheckId> {
  id: Id
  status: CheckStatus
  summary: CheckSummary
  /** What the check saw; absent when it stopped before seeing anything. */
  evidence?: CheckEvidence[Id]
  durationMs: number
}

/** One check's result; narrowing on `id` gives that check's evidence type. */
export type CheckReport = { [Id in CheckId]: CheckReportOf<Id> }[CheckId]

export function evidenceOf<Id extends CheckId>(checks: readonly CheckReport[], id: Id): CheckEvidence[Id] | undefined {
  return (checks.find((check) => check.id === id) as CheckReportOf<Id> | undefined)?.evidence
}

export const VERDICT_CODES = [
  'ok',
  'no-network',
  'gateway-unreachable',
  'no-internet',
  'captive-portal',
  'firewall-blocked',
  'dns-blocked',
  'dns-system-failing',
  'dns-stale',
  'dns-system-missing-site',
  'dns-hijack',
  'site-nxdomain',
  'site-unreachable',
  'site-bad-gateway',
  'site-unavailable',
  'site-gateway-timeout',
  'site-error',
  'tls-error',
  'inconclusive',
  'site-firewall-blocked',
  'site-rate-limited',
  'provider-blocks-site',
  'proxy-sign-in',
  'site-redirect-broken',
  'site-dns-broken',
  'hosts-file-stale',
  'proxy-unreachable',
  'proxy-blocks-site',
  'clock-wrong',
] as const
export type VerdictCode = (typeof VERDICT_CODES)[number]

export const FIX_IDS = [
  'retry',
  'watch-site',
  'flush-dns-cache',
  'switch-dns',
  'revert-dns',
  'new-browser-session',
  'clear-site-data',
  'restart-router',
  'contact-site-admin',
  'contact-isp',
  'try-another-network',
  'remove-hosts-line',
  'check-proxy-settings',
  'set-clock',
] as const
export type FixId = (typeof FIX_IDS)[number]

export const FINDING_CODES = [
  'no-active-interface',
  'no-default-gateway',
  'gateway-silent',
  'internet-unreachable',
  'web-ports-blocked',
  'captive-portal-detected',
  'system-dns-via-local-stub',
  'system-dns-unknown',
  'system-dns-silent',
  'system-dns-servfail',
  'system-dns-refused',
  'system-dns-slow',
  'system-dns-partly-silent',
  'system-dns-misses-site',
  'public-dns-silent',
  'public-dns-disagrees',
  'system-dns-hijacks',
  'site-name-missing',
  'site-answers-differ',
  'stale-address-proven',
  'site-unreachable-at-address',
  'site-server-error',
  'site-tls-failed',
  'site-error-source',
  'site-page-not-found',
  'site-redirected',
  'site-only-plain-http',
  'site-dns-failing',
  'provider-block-page',
  'hosts-file-names-site',
  'hosts-file-address-fails',
  'proxy-in-use',
  'proxy-failing',
  'clock-off',
] as const
export type FindingCode = (typeof FINDING_CODES)[number]

export type Severity = 'info' | 'warning' | 'problem'

export interface VerdictReport {
  code: VerdictCode
}

export interface FindingReport {
  code: FindingCode
  severity: Severity
}

export interface FixReport {
  id: FixId
}

/** The particulars the verdict, findings and fixes are told with; each front end puts them into words. */
export interface TextParams {
  /** The site as the person typed it. */
  site?: string
  status?: number
  /** Who produced an error page, when the headers name them ("Cloudflare", "nginx"). */
  errorSource?: string
  errorSourceIsCdn?: boolean
  /** How many of the site's addresses did not respond. */
  count?: number
  /** Why the secure connection to the site failed. */
  tlsFailure?: HttpFailureCode
  /** The site answered "page not found" (404 or 410) for the page asked for. */
  missingPageStatus?: number
  /** How the site is blocked: a block page at the provider's address only, or a 451 "unavailable for legal reasons". */
  blockedBy?: 'provider-address' | 'legal-notice'
  /** The web firewall that refused the connection ("Cloudflare", "Sucuri"). */
  firewall?: string
  /** How long the site asked to wait before trying again. */
  retryAfterSeconds?: number
  /** Why following the site's redirects led nowhere. */
  redirectFailure?: HttpFailureCode
  /** Where the site's redirects led: the page the browser would show. */
  finalUrl?: string
  /** A name typed bare answered only over plain http: why https failed. */
  httpsFailure?: HttpFailureCode
  /** The hosts file that names the site, the address it gives, and the system whose steps to tell. */
  hostsFile?: string
  hostsAddress?: string
  os?: DesktopOs
  /** The proxy the page went through ("host:port"), and where that setting lives. */
  proxy?: string
  proxySource?: ProxySource
  /** How many minutes this computer's clock is ahead of the servers' (negative: behind). */
  clockMinutes?: number
}

/** The server errors told each in their own words: the standard ones, and those delivery networks use for the site behind them. */
export const SERVER_ERROR_STATUSES = [500, 501, 502, 503, 504, 505, 507, 508, 520, 521, 522, 523, 524, 525, 526, 527, 530] as const
export type ServerErrorStatus = (typeof SERVER_ERROR_STATUSES)[number]

export interface DiagnosisReport {
  target: string | null
  verdict: VerdictReport
  findings: FindingReport[]
  checks: CheckReport[]
  fixes: FixReport[]
  params: TextParams
  durationMs: number
  /** When the diagnosis ended (ISO 8601): reports sent later still say when things were seen. */
  finishedAt: string
}

export type DiagnosisEvent =
  | { type: 'check-started'; id: CheckId }
  | { type: 'check-finished'; check: CheckReport }
  | { type: 'finished'; report: DiagnosisReport }
