import { addressesOf } from '../dns/client'
import type { Outcomes, ResolverAnswer } from './check'
import { answered } from './checks/ask-resolvers'
import { isNxdomain, siteAddresses } from './checks/site-dns'
import { answeredWell } from './checks/site-http'
import type { PinnedFetchResult } from './probes/http-pinned'
import { whoAnswered, type Responder } from '../../shared/who-answered'

export type SiteFailure =
  | { kind: 'server-error'; status: number; responder: Responder | null }
  | { kind: 'tls'; code: string }
  | { kind: 'unreachable'; addresses: number }

/** What the checks established, as plain yes/no facts the verdict rules can read. */
export interface Facts {
  siteGiven: boolean
  /** The site was actually fetched (not skipped for lack of an address or of time). */
  siteChecked: boolean
  hasNetwork: boolean
  gatewayKnown: boolean
  gatewaySilent: boolean
  internetReachable: boolean
  systemDnsUnknown: boolean
  systemDnsViaStub: boolean
  systemDnsFailure: 'silent' | 'servfail' | 'refused' | null
  systemDnsSlow: boolean
  publicDnsWorks: boolean
  hijacks: boolean
  captivePortal: boolean
  siteNameMissing: boolean
  siteAnswersDisagree: boolean
  staleProven: boolean
  siteFailure: SiteFailure | null
  siteMixed: boolean
}

function failureKind(answers: readonly ResolverAnswer[]): Facts['systemDnsFailure'] {
  if (answers.length === 0 || answers.some(answered)) return null
  const codes = answers.map((answer) => (answer.response.ok ? answer.response.rcode : answer.response.code))
  if (codes.includes('SERVFAIL')) return 'servfail'
  if (codes.includes('REFUSED')) return 'refused'
  return 'silent'
}

const fetchesAt = (fetches: readonly PinnedFetchResult[], addresses: readonly string[]) => fetches.filter((fetch) => addresses.includes(fetch.address))

function judgeSite(fetches: readonly PinnedFetchResult[]): SiteFailure | null {
  if (fetches.length === 0 || fetches.some(answeredWell)) return null
  const serverError = fetches.find((fetch): fetch is Extract<PinnedFetchResult, { ok: true }> => fetch.ok)
  if (serverError) return { kind: 'server-error', status: serverError.status, responder: whoAnswered(serverError.headers) }
  const tls = fetches.find((fetch) => !fetch.ok && fetch.code.startsWith('tls.'))
  if (tls && !tls.ok) return { kind: 'tls', code: tls.code }
  return { kind: 'unreachable', addresses: fetches.length }
}

export function deriveFacts(outcomes: Outcomes, siteGiven: boolean): Facts {
  const gateway = outcomes['net.gateway']
  const systemDns = outcomes['dns.system']
  const resolversRead = systemDns?.data.resolversRead
  const siteDns = outcomes['site.dns']?.data
  const fetches = outcomes['site.http']?.data.fetches ?? []

  const fromSystem = siteAddresses(siteDns?.system ?? [])
  const fromPublic = siteAddresses(siteDns?.public ?? [])
  const systemOnly = fromSystem.filter((address) => !fromPublic.includes(address))
  const publicFetches = fetchesAt(fetches, fromPublic)
  const systemOnlyFetches = fetchesAt(fetches, systemOnly)
  // The addresses a browser on this computer would use: the system's answer, or any when there is none.
  const browserFetches = fromSystem.length > 0 ? fetchesAt(fetches, fromSystem) : fetches
  const siteAnswers = [...(siteDns?.system ?? []), ...(siteDns?.public ?? [])]

  return {
    siteGiven,
    siteChecked: fetches.length > 0,
    hasNetwork: outcomes['net.interfaces']?.status !== 'fail',
    gatewayKnown: (gateway?.data.gateways?.length ?? 0) > 0,
    gatewaySilent: gateway?.status === 'fail',
    internetReachable: (outcomes['net.internet']?.data.targets ?? []).some((target) => target.outcome === 'connected'),
    systemDnsUnknown: resolversRead !== undefined && !resolversRead.ok,
    systemDnsViaStub: resolversRead?.ok === true && resolversRead.viaLocalStub,
    systemDnsFailure: failureKind(systemDns?.data.answers ?? []),
    systemDnsSlow: systemDns?.status === 'warn' && (systemDns.data.answers ?? []).some(answered),
    publicDnsWorks: (outcomes['dns.public']?.data.answers ?? []).some(answered),
    hijacks: (outcomes['dns.hijack']?.data.system ?? []).some((answer) => addressesOf(answer.response, 'A').length > 0),
    captivePortal: outcomes['portal.captive']?.status === 'fail',
    siteNameMissing: siteGiven && siteAnswers.length > 0 && fromPublic.length === 0 && (siteDns?.public ?? []).some(isNxdomain),
    siteAnswersDisagree: fromSystem.length > 0 && fromPublic.length > 0 && !fromSystem.some((address) => fromPublic.includes(address)),
    staleProven: systemOnlyFetches.length > 0 && !systemOnlyFetches.some(answeredWell) && publicFetches.some(answeredWell),
    siteFailure: judgeSite(browserFetches),
    siteMixed: browserFetches.some(answeredWell) && !browserFetches.every(answeredWell),
  }
}
