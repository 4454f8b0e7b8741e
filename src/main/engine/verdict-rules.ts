import type { DiagnosisReport, FindingCode, FixId, Severity, TextParams, VerdictCode } from '../../shared/diagnosis'
import type { Facts } from './facts'
import type { SiteTarget } from './target'

export interface VerdictRule {
  verdict: VerdictCode
  when: (facts: Facts) => boolean
  /** Best first. */
  fixes: readonly FixId[]
}

const SITE_SIDE_FIXES: readonly FixId[] = ['retry', 'watch-site', 'contact-site-admin']
// Only a definite "no" counts: a check that was skipped or ran out of time proves nothing.
const noGateway = (f: Facts): boolean => f.gatewayKnown === 'no'
const gatewaySilent = (f: Facts): boolean => f.gatewaySilent === 'yes'
const internetDown = (f: Facts): boolean => f.internetReachable === 'no'
const publicDnsWorks = (f: Facts): boolean => f.publicDnsWorks === 'yes'
const publicDnsSilent = (f: Facts): boolean => f.publicDnsWorks === 'no'
// Something failed, but what would tell whose fault it is (public DNS) was not found out in time.
const cannotTellWhy = (f: Facts): boolean => f.publicDnsWorks === 'unknown' && (internetDown(f) || f.systemDnsFailure !== null)
const siteSideServerError = (facts: Facts): boolean => facts.siteFailure?.kind === 'server-error' && !facts.staleProven
const serverError = (facts: Facts, matches: (status: number) => boolean): boolean =>
  facts.siteFailure?.kind === 'server-error' && matches(facts.siteFailure.status)

const SITE_SIDE_REFUSALS: ReadonlySet<string> = new Set(['firewall', 'rate-limited', 'redirect', 'proxy-sign-in'])
const siteSideRefusal = (f: Facts): boolean => f.siteDnsBroken || (f.siteFailure !== null && SITE_SIDE_REFUSALS.has(f.siteFailure.kind))
const hostsFileStale = (f: Facts): boolean => f.hostsFile !== null && !f.hostsFile.works && f.siteWorksAtDnsAddress

/** Read top to bottom: the first rule whose facts hold gives the verdict. Order is precedence. */
export const VERDICT_RULES: readonly VerdictRule[] = [
  { verdict: 'no-network', when: (f) => !f.hasNetwork, fixes: ['retry', 'restart-router'] },
  { verdict: 'gateway-unreachable', when: (f) => (gatewaySilent(f) || noGateway(f)) && internetDown(f) && publicDnsSilent(f), fixes: ['restart-router', 'retry'] },
  { verdict: 'captive-portal', when: (f) => f.captivePortal, fixes: ['new-browser-session', 'retry'] },
  { verdict: 'no-internet', when: (f) => internetDown(f) && publicDnsSilent(f), fixes: ['restart-router', 'contact-isp', 'retry'] },
  { verdict: 'firewall-blocked', when: (f) => internetDown(f) && publicDnsWorks(f), fixes: ['contact-isp', 'retry'] },
  { verdict: 'dns-blocked', when: (f) => f.systemDnsFailure !== null && publicDnsSilent(f), fixes: ['restart-router', 'contact-isp', 'retry'] },
  { verdict: 'dns-system-failing', when: (f) => f.systemDnsFailure !== null && publicDnsWorks(f), fixes: ['switch-dns', 'restart-router', 'contact-isp'] },
  { verdict: 'inconclusive', when: cannotTellWhy, fixes: ['retry'] },
  // A browser here goes where the hosts file says, whatever any address book answers.
  { verdict: 'hosts-file-stale', when: hostsFileStale, fixes: ['remove-hosts-line', 'retry'] },
  // Browsers here send the page through the proxy: when it is the part that fails, it is named.
  { verdict: 'proxy-sign-in', when: (f) => f.proxy?.failure === 'sign-in', fixes: ['contact-isp', 'check-proxy-settings', 'retry'] },
  { verdict: 'proxy-blocks-site', when: (f) => f.proxy?.failure === 'blocks-site', fixes: ['contact-isp', 'check-proxy-settings', 'retry'] },
  { verdict: 'proxy-unreachable', when: (f) => f.proxy?.failure === 'unreachable', fixes: ['check-proxy-settings', 'contact-isp', 'retry'] },
  { verdict: 'site-nxdomain', when: (f) => f.siteNameMissing, fixes: ['retry', 'contact-site-admin'] },
  // A block page only at the provider's address, or a 451 on the way: the site works, something stops it.
  { verdict: 'provider-blocks-site', when: (f) => f.providerBlockPage || f.siteFailure?.kind === 'legal-block', fixes: ['switch-dns', 'contact-isp', 'retry'] },
  { verdict: 'dns-stale', when: (f) => f.staleProven, fixes: ['switch-dns', 'flush-dns-cache', 'contact-isp'] },
  // The provider says "no such name" (blocked, or an old remembered answer) while the site works: told in its own words.
  { verdict: 'dns-system-missing-site', when: (f) => f.systemMissesSite, fixes: ['switch-dns', 'flush-dns-cache', 'contact-isp'] },
  { verdict: 'site-dns-broken', when: (f) => f.siteDnsBroken, fixes: SITE_SIDE_FIXES },
  { verdict: 'proxy-sign-in', when: (f) => f.siteFailure?.kind === 'proxy-sign-in', fixes: ['contact-isp', 'retry'] },
  { verdict: 'site-firewall-blocked', when: (f) => f.siteFailure?.kind === 'firewall', fixes: ['contact-site-admin', 'try-another-network', 'retry'] },
  { verdict: 'site-rate-limited', when: (f) => f.siteFailure?.kind === 'rate-limited', fixes: ['watch-site', 'try-another-network'] },
  { verdict: 'site-redirect-broken', when: (f) => f.siteFailure?.kind === 'redirect', fixes: SITE_SIDE_FIXES },
  { verdict: 'site-bad-gateway', when: (f) => serverError(f, (status) => status === 502), fixes: SITE_SIDE_FIXES },
  { verdict: 'site-unavailable', when: (f) => serverError(f, (status) => status === 503), fixes: SITE_SIDE_FIXES },
  { verdict: 'site-gateway-timeout', when: (f) => serverError(f, (status) => status === 504), fixes: SITE_SIDE_FIXES },
  { verdict: 'site-error', when: (f) => serverError(f, () => true), fixes: SITE_SIDE_FIXES },
  // A certificate "expired" or "not yet valid" by this computer's clock only, while servers give another time.
  { verdict: 'clock-wrong', when: (f) => f.clockOff !== null && f.siteFailure?.kind === 'tls' && f.siteFailure.code === 'tls.expired', fixes: ['set-clock', 'retry'] },
  { verdict: 'tls-error', when: (f) => f.siteFailure?.kind === 'tls', fixes: ['retry', 'contact-site-admin'] },
  { verdict: 'site-unreachable', when: (f) => f.siteFailure?.kind === 'unreachable', fixes: SITE_SIDE_FIXES },
  { verdict: 'dns-hijack', when: (f) => f.hijacks && publicDnsWorks(f), fixes: ['switch-dns', 'contact-isp'] },
  { verdict: 'inconclusive', when: (f) => f.siteGiven && !f.siteChecked, fixes: ['retry'] },
  { verdict: 'inconclusive', when: (f) => f.internetReachable === 'unknown', fixes: ['retry'] },
  { verdict: 'ok', when: (f) => f.siteGiven, fixes: ['new-browser-session', 'clear-site-data', 'flush-dns-cache'] },
  { verdict: 'ok', when: () => true, fixes: [] },
]

/** Fixes that would make things worse under these facts, whatever a rule asked for. */
export const FIX_GUARDS: readonly { fix: FixId; forbiddenWhen: (facts: Facts) => boolean }[] = [
  // Switching to resolvers this network cannot reach would cut off every lookup.
  { fix: 'switch-dns', forbiddenWhen: (f) => !publicDnsWorks(f) },
  // No resolver can find a name that does not exist; nor will one mend a site's own server error
  // (unless that error came only from an outdated address the resolver handed out).
  { fix: 'switch-dns', forbiddenWhen: (f) => f.siteNameMissing || siteSideServerError(f) },
  { fix: 'flush-dns-cache', forbiddenWhen: (f) => f.siteNameMissing || siteSideServerError(f) },
  // Nor will it help against the site's own broken name, firewall, limit or redirects, or a proxy's sign-in;
  // nor against a 451 that came back at the public resolvers' address too.
  { fix: 'switch-dns', forbiddenWhen: (f) => siteSideRefusal(f) || (f.siteFailure?.kind === 'legal-block' && !f.providerBlockPage) },
  { fix: 'flush-dns-cache', forbiddenWhen: siteSideRefusal },
]

export interface FindingRule {
  finding: FindingCode
  severity: Severity
  when: (facts: Facts) => boolean
}

export const FINDING_RULES: readonly FindingRule[] = [
  { finding: 'no-active-interface', severity: 'problem', when: (f) => !f.hasNetwork },
  { finding: 'no-default-gateway', severity: 'problem', when: (f) => f.hasNetwork && noGateway(f) },
  { finding: 'gateway-silent', severity: 'warning', when: (f) => f.hasNetwork && gatewaySilent(f) },
  { finding: 'internet-unreachable', severity: 'problem', when: (f) => f.hasNetwork && internetDown(f) && !publicDnsWorks(f) },
  { finding: 'web-ports-blocked', severity: 'problem', when: (f) => f.hasNetwork && internetDown(f) && publicDnsWorks(f) },
  { finding: 'captive-portal-detected', severity: 'problem', when: (f) => f.captivePortal },
  { finding: 'system-dns-via-local-stub', severity: 'info', when: (f) => f.systemDnsViaStub },
  { finding: 'system-dns-unknown', severity: 'warning', when: (f) => f.systemDnsUnknown },
  { finding: 'system-dns-silent', severity: 'problem', when: (f) => f.hasNetwork && f.systemDnsFailure === 'silent' },
  { finding: 'system-dns-servfail', severity: 'problem', when: (f) => f.systemDnsFailure === 'servfail' },
  { finding: 'system-dns-refused', severity: 'problem', when: (f) => f.systemDnsFailure === 'refused' },
  { finding: 'system-dns-slow', severity: 'warning', when: (f) => f.systemDnsSlow },
  { finding: 'system-dns-partly-silent', severity: 'warning', when: (f) => f.systemDnsPartlySilent },
  { finding: 'public-dns-silent', severity: 'warning', when: (f) => f.hasNetwork && f.internetReachable === 'yes' && publicDnsSilent(f) },
  { finding: 'system-dns-hijacks', severity: 'warning', when: (f) => f.hijacks },
  { finding: 'site-name-missing', severity: 'problem', when: (f) => f.siteNameMissing },
  { finding: 'system-dns-misses-site', severity: 'problem', when: (f) => f.systemMissesSite },
  { finding: 'public-dns-disagrees', severity: 'warning', when: (f) => f.siteAnswersDisagree },
  { finding: 'stale-address-proven', severity: 'problem', when: (f) => f.staleProven },
  { finding: 'site-answers-differ', severity: 'warning', when: (f) => f.siteMixed },
  { finding: 'site-server-error', severity: 'problem', when: siteSideServerError },
  { finding: 'site-error-source', severity: 'info', when: siteSideServerError },
  { finding: 'site-tls-failed', severity: 'problem', when: (f) => f.siteFailure?.kind === 'tls' },
  { finding: 'site-unreachable-at-address', severity: 'problem', when: (f) => f.siteFailure?.kind === 'unreachable' },
  { finding: 'site-page-not-found', severity: 'warning', when: (f) => f.sitePageMissing !== null },
  { finding: 'site-redirected', severity: 'info', when: (f) => f.siteFinalUrl !== null },
  { finding: 'site-only-plain-http', severity: 'warning', when: (f) => f.siteHttpsFailure !== null },
  { finding: 'site-dns-failing', severity: 'problem', when: (f) => f.siteDnsBroken },
  { finding: 'provider-block-page', severity: 'problem', when: (f) => f.providerBlockPage },
  { finding: 'hosts-file-names-site', severity: 'info', when: (f) => f.hostsFile?.works === true },
  { finding: 'hosts-file-address-fails', severity: 'problem', when: (f) => f.hostsFile?.works === false },
  { finding: 'proxy-in-use', severity: 'info', when: (f) => f.proxy !== null },
  { finding: 'proxy-failing', severity: 'problem', when: (f) => f.proxy?.failure != null },
  { finding: 'clock-off', severity: 'warning', when: (f) => f.clockOff !== null },
]

function textParams(facts: Facts, target: SiteTarget | null): TextParams {
  const failure = facts.siteFailure
  return {
    ...(target ? { site: target.displayName } : {}),
    ...(failure?.kind === 'server-error'
      ? { status: failure.status, ...(failure.responder ? { errorSource: failure.responder.name, errorSourceIsCdn: failure.responder.isCdn } : {}) }
      : {}),
    ...(failure?.kind === 'tls' ? { tlsFailure: failure.code } : {}),
    ...(failure?.kind === 'unreachable' ? { count: failure.addresses } : {}),
    ...(facts.sitePageMissing !== null ? { missingPageStatus: facts.sitePageMissing } : {}),
    ...(facts.providerBlockPage ? { blockedBy: 'provider-address' as const } : failure?.kind === 'legal-block' ? { blockedBy: 'legal-notice' as const } : {}),
    ...(failure?.kind === 'firewall' ? { firewall: failure.firewall } : {}),
    ...(failure?.kind === 'rate-limited' && failure.retryAfterSeconds !== null ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
    ...(failure?.kind === 'redirect' ? { redirectFailure: failure.code } : {}),
    ...(facts.siteFinalUrl !== null ? { finalUrl: facts.siteFinalUrl } : {}),
    ...(facts.siteHttpsFailure !== null ? { httpsFailure: facts.siteHttpsFailure } : {}),
    ...(facts.hostsFile ? { hostsFile: facts.hostsFile.path, hostsAddress: facts.hostsFile.address, os: facts.hostsFile.os } : {}),
    ...(facts.proxy ? { proxy: facts.proxy.name, proxySource: facts.proxy.source } : {}),
    ...(facts.clockOff ? { clockMinutes: Math.round(facts.clockOff.skewMs / 60_000), os: facts.clockOff.os } : {}),
  }
}

/** The first verdict rule that holds, its fixes less the guarded ones, every finding that holds, and the particulars to tell them with. */
export function conclude(facts: Facts, target: SiteTarget | null): Omit<DiagnosisReport, 'checks' | 'durationMs' | 'finishedAt'> {
  const rule = VERDICT_RULES.find((candidate) => candidate.when(facts))!
  const fixes = rule.fixes.filter((fix) => !FIX_GUARDS.some((guard) => guard.fix === fix && guard.forbiddenWhen(facts))).map((id) => ({ id }))
  const findings = FINDING_RULES.filter((finding) => finding.when(facts)).map((finding) => ({ code: finding.finding, severity: finding.severity }))
  return { target: target?.url.href ?? null, verdict: { code: rule.verdict }, findings, fixes, params: textParams(facts, target) }
}
