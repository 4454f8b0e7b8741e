import { addressesOf } from '../dns/client'
import type { Outcomes, ResolverAnswer } from './check'
import { answered, answeredWell, answersDisagree, fastestLatency, groupFailure, isNxdomain, siteAddresses, SLOW_RESOLVER_MS } from './answers'
import type { HttpFailureCode, PinnedFetchResult } from './probes/http-pinned'
import { problemIn, type AnswerProblem } from './answer-problems'
import type { CheckEvidence, DesktopOs, ProxySource } from '../../shared/evidence'

export type SiteFailure =
  | AnswerProblem
  | { kind: 'tls'; code: HttpFailureCode }
  | { kind: 'unreachable'; addresses: number }
  /** The redirects led nowhere: round in a circle, too many, or to a name that could not be found. */
  | { kind: 'redirect'; code: HttpFailureCode }

const REDIRECT_FAILURES: ReadonlySet<HttpFailureCode> = new Set<HttpFailureCode>(['http.redirect-loop', 'http.too-many-redirects', 'http.redirect-unresolved'])

/** A fact a check can establish either way, or not at all (it was skipped or ran out of time). */
export type Known = 'yes' | 'no' | 'unknown'

/**
 * A fetch that gave up with less than this much time of its own says nothing about the site: slow but
 * working sites (and slow networks) take longer than that.
 */
export const SHORT_FETCH_MS = 2500

/** What the checks established, as plain facts the verdict rules can read. */
export interface Facts {
  siteGiven: boolean
  /** The site was actually fetched (not skipped for lack of an address or of time, nor cut short). */
  siteChecked: boolean
  hasNetwork: boolean
  /** 'no': the router check ran and found no default gateway. */
  gatewayKnown: Known
  /** 'yes': a gateway is configured and answered none of the knocks. */
  gatewaySilent: Known
  /** 'yes' when any internet server, the site, or the sign-in page test answered. */
  internetReachable: Known
  systemDnsUnknown: boolean
  systemDnsViaStub: boolean
  systemDnsFailure: 'silent' | 'servfail' | 'refused' | null
  /** The fastest of the system's resolvers took longer than SLOW_RESOLVER_MS. */
  systemDnsSlow: boolean
  /** Some of the system's resolvers answer and some never do. */
  systemDnsPartlySilent: boolean
  /** 'yes' when any public resolver answered any of our questions; 'no' when the public DNS check ran and none did. */
  publicDnsWorks: Known
  hijacks: boolean
  captivePortal: boolean
  siteNameMissing: boolean
  /** The system's resolvers say the name has no address, while public ones find it and the site works there. */
  systemMissesSite: boolean
  siteAnswersDisagree: boolean
  staleProven: boolean
  siteFailure: SiteFailure | null
  siteMixed: boolean
  /** The site answered, but with 404/410 "page not found" (and nothing better). */
  sitePageMissing: number | null
  /**
   * Only the address the provider's resolver gives answers with a block (451, 403), while the address the
   * public resolvers give serves the site.
   */
  providerBlockPage: boolean
  /** The site's name fails (SERVFAIL, REFUSED or silence) at every resolver, while the resolvers answer other names. */
  siteDnsBroken: boolean
  /** The site was redirected on: the URL of the answer the browser would show. */
  siteFinalUrl: string | null
  /** A name typed bare answered only over plain http (https failed this way). */
  siteHttpsFailure: HttpFailureCode | null
  /** The hosts file names the site: where it is, the address it gives, and whether the site works there. */
  hostsFile: HostsFileFact | null
  /** The site works at an address DNS gives (fetched by site.http). */
  siteWorksAtDnsAddress: boolean
  /** The proxy the site's page goes through, and how it failed (null: it did not, or it is not to blame). */
  proxy: ProxyFact | null
  /** How far this computer's clock is from the servers' (ms, positive: ahead), when it is off by minutes. */
  clockOff: { skewMs: number; os: DesktopOs } | null
}

export interface ProxyFact {
  name: string
  source: ProxySource
  failure: 'unreachable' | 'sign-in' | 'blocks-site' | null
}

export interface HostsFileFact {
  path: string
  address: string
  os: DesktopOs
  works: boolean
}

const fetchesAt = (fetches: readonly PinnedFetchResult[], addresses: readonly string[]) => fetches.filter((fetch) => addresses.includes(fetch.address))

function judgeSite(fetches: readonly PinnedFetchResult[]): SiteFailure | null {
  if (fetches.length === 0 || fetches.some(answeredWell)) return null
  // An answer that was not a good one carries its problem: a server error, a block, a limit, a sign-in.
  const answer = fetches.find((fetch): fetch is Extract<PinnedFetchResult, { ok: true }> => fetch.ok)
  const problem = answer && problemIn(answer)
  if (problem) return problem
  const redirect = fetches.find((fetch) => !fetch.ok && REDIRECT_FAILURES.has(fetch.code))
  if (redirect && !redirect.ok) return { kind: 'redirect', code: redirect.code }
  const tls = fetches.find((fetch) => !fetch.ok && fetch.code.startsWith('tls.'))
  if (tls && !tls.ok) return { kind: 'tls', code: tls.code }
  return { kind: 'unreachable', addresses: fetches.length }
}

/** A block, not a page: what a provider (or a firewall on its behalf) answers for a site it stops. */
const isBlockAnswer = (fetch: PinnedFetchResult): boolean => fetch.ok && (fetch.status === 451 || fetch.status === 403)

/**
 * Failing for this name: SERVFAIL, REFUSED (what some resolvers, dnsmasq among them, answer when the name's
 * own servers cannot be reached), or no answer at all.
 */
const failsForName = (answer: ResolverAnswer): boolean =>
  answer.response.ok ? answer.response.rcode === 'SERVFAIL' || answer.response.rcode === 'REFUSED' : answer.response.code === 'dns.timeout' || answer.response.code === 'dns.aborted'
function hostsFileFact(hosts: CheckEvidence['site.hosts'] | undefined): HostsFileFact | null {
  const address = hosts?.addresses[0]
  if (!hosts || hosts.path === null || address === undefined) return null
  return { path: hosts.path, address, os: hosts.os, works: hosts.fetches.some(answeredWell) }
}

const FORBIDDEN = 403

/**
 * The proxy is to blame when it cannot be reached, wants a sign-in, or refuses or fails on a site that loads
 * without it; when the site fails both ways, it is the site's.
 */
function proxyFailure(fetch: NonNullable<CheckEvidence['site.proxy']['fetch']>, siteWorksDirect: boolean): ProxyFact['failure'] {
  if (!fetch.ok) {
    if (fetch.code === 'proxy.sign-in') return 'sign-in'
    if (fetch.code !== 'proxy.refused-tunnel') return fetch.at === 'proxy' ? 'unreachable' : null
  }
  if (!siteWorksDirect || fetch.status === undefined) return null
  if (fetch.status === FORBIDDEN) return 'blocks-site'
  return fetch.status >= 500 ? 'unreachable' : null
}

function proxyFact(evidence: CheckEvidence['site.proxy'] | undefined, siteWorksDirect: boolean): ProxyFact | null {
  if (!evidence?.settings || evidence.proxy === null || !evidence.fetch) return null
  return { name: evidence.proxy, source: evidence.settings.source, failure: proxyFailure(evidence.fetch, siteWorksDirect) }
}

function clockOff(clock: Outcomes['net.clock']): Facts['clockOff'] {
  const skewMs = clock?.evidence?.skewMs
  return clock?.status === 'fail' && skewMs !== undefined ? { skewMs, os: clock.evidence!.os } : null
}

const knownWhen = (ran: boolean, holds: boolean): Known => (!ran ? 'unknown' : holds ? 'yes' : 'no')

const isPartlySilent = (answers: readonly ResolverAnswer[]): boolean =>
  answers.some(answered) && answers.some((answer) => !answer.response.ok && answer.response.code === 'dns.timeout')

/** A definite answer from the site over HTTPS (a sign-in page cannot fake one): the site loaded. */
const loadedSecurely = (fetch: PinnedFetchResult): boolean => fetch.ok && fetch.status >= 200 && fetch.status < 300 && fetch.tlsProtocol !== undefined

export function deriveFacts(outcomes: Outcomes, siteGiven: boolean): Facts {
  const gateway = outcomes['net.gateway']
  const internet = outcomes['net.internet']
  const portal = outcomes['portal.captive']
  const systemDns = outcomes['dns.system']
  const systemAnswers = systemDns?.evidence?.answers ?? []
  const resolversRead = systemDns?.evidence?.resolversRead
  const siteDns = outcomes['site.dns']?.evidence
  const siteHttp = outcomes['site.http']?.evidence
  // A timeout with little time of its own is no evidence either way: such fetches count as not made.
  const cutShort = (siteHttp?.timeoutMs ?? Infinity) < SHORT_FETCH_MS
  const fetches = (siteHttp?.fetches ?? []).filter((fetch) => !(cutShort && !fetch.ok && fetch.code === 'http.timeout'))

  const fromSystem = siteAddresses(siteDns?.system ?? [])
  const fromPublic = siteAddresses(siteDns?.public ?? [])
  const systemOnly = fromSystem.filter((address) => !fromPublic.includes(address))
  const publicFetches = fetchesAt(fetches, fromPublic)
  const systemFetches = fetchesAt(fetches, fromSystem)
  const systemOnlyFetches = fetchesAt(fetches, systemOnly)
  // The addresses a browser on this computer would use: the system's answer, or any when there is none.
  const browserFetches = fromSystem.length > 0 ? systemFetches : fetches
  const siteAnswers = [...(siteDns?.system ?? []), ...(siteDns?.public ?? [])]
  const systemSiteAnswers = siteDns?.system ?? []

  const gateways = gateway?.evidence?.gateways
  const gatewayRan = gateway !== undefined && (gateway.status === 'pass' || gateway.status === 'fail') && gateways !== undefined
  const siteAnsweredHttp = fetches.some((fetch) => fetch.ok)
  const portalGave204 = portal?.status === 'pass'
  const internetRan = internet !== undefined && internet.status !== 'skipped' && internet.evidence?.targets !== undefined
  const targetConnected = (internet?.evidence?.targets ?? []).some((target) => target.outcome === 'connected')
  const internetReachable: Known = targetConnected || siteAnsweredHttp || portalGave204 ? 'yes' : internetRan ? 'no' : 'unknown'
  const siteFailure = judgeSite(browserFetches)
  const pageMissing = siteFailure === null && !browserFetches.some((fetch) => fetch.ok && fetch.status < 400)
    ? browserFetches.find((fetch): fetch is Extract<PinnedFetchResult, { ok: true }> => fetch.ok && (fetch.status === 404 || fetch.status === 410))
    : undefined
  const providerBlockPage = systemOnlyFetches.length > 0 && systemOnlyFetches.every(isBlockAnswer) && publicFetches.some(answeredWell)
  const journey = browserFetches.find(answeredWell) ?? browserFetches[0]
  const fastestSystem = fastestLatency(systemAnswers)
  const publicDns = outcomes['dns.public']
  const publicDnsRan = publicDns !== undefined && publicDns.status !== 'skipped' && publicDns.evidence?.answers !== undefined
  // Any public answer counts, also the site's lookup and the made-up name's: each proves public DNS gets through.
  const publicAnswered = [...(publicDns?.evidence?.answers ?? []), ...(siteDns?.public ?? []), ...(outcomes['dns.hijack']?.evidence?.public ?? [])].some(answered)

  return {
    siteGiven,
    siteChecked: fetches.length > 0,
    hasNetwork: outcomes['net.interfaces']?.status !== 'fail',
    gatewayKnown: knownWhen(gatewayRan, (gateways?.length ?? 0) > 0),
    gatewaySilent: knownWhen(gatewayRan && (gateways?.length ?? 0) > 0, gateway?.status === 'fail'),
    internetReachable,
    systemDnsUnknown: resolversRead !== undefined && !resolversRead.ok,
    systemDnsViaStub: resolversRead?.ok === true && resolversRead.viaLocalStub,
    systemDnsFailure: groupFailure(systemAnswers),
    systemDnsSlow: fastestSystem !== undefined && fastestSystem > SLOW_RESOLVER_MS,
    systemDnsPartlySilent: isPartlySilent(systemAnswers),
    publicDnsWorks: publicAnswered ? 'yes' : publicDnsRan ? 'no' : 'unknown',
    hijacks: (outcomes['dns.hijack']?.evidence?.system ?? []).some((answer) => addressesOf(answer.response, 'A').length > 0),
    // A page that loaded over HTTPS cannot have come from a sign-in page, whatever the test page got.
    captivePortal: portal?.status === 'fail' && !browserFetches.some(loadedSecurely),
    siteNameMissing:
      siteGiven && siteAnswers.length > 0 && fromPublic.length === 0 && fromSystem.length === 0 && (siteDns?.public ?? []).some(isNxdomain),
    systemMissesSite:
      siteGiven &&
      fromSystem.length === 0 &&
      systemSiteAnswers.some(answered) &&
      fromPublic.length > 0 &&
      publicFetches.some(answeredWell),
    siteAnswersDisagree: answersDisagree(fromSystem, fromPublic),
    staleProven:
      systemOnlyFetches.length > 0 && !systemFetches.some(answeredWell) && publicFetches.some(answeredWell) && !providerBlockPage,
    siteFailure,
    siteMixed: browserFetches.some(answeredWell) && !browserFetches.every(answeredWell),
    sitePageMissing: pageMissing?.status ?? null,
    providerBlockPage,
    siteDnsBroken:
      siteGiven &&
      siteAnswers.length > 0 &&
      siteAnswers.every(failsForName) &&
      groupFailure(systemAnswers) === null &&
      systemAnswers.length > 0 &&
      (publicDns?.evidence?.answers ?? []).some(answered),
    siteFinalUrl: journey?.redirects ? (journey.url ?? null) : null,
    siteHttpsFailure: journey?.httpsFailure ?? null,
    hostsFile: hostsFileFact(outcomes['site.hosts']?.evidence),
    siteWorksAtDnsAddress: fetches.some(answeredWell),
    proxy: proxyFact(outcomes['site.proxy']?.evidence, fetches.some(answeredWell)),
    clockOff: clockOff(outcomes['net.clock']),
  }
}
