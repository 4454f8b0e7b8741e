// Turns a check's evidence into sections a person can read: which address book said what and how fast,
// status codes, timings, who answered.
import type { CheckId, CheckReport, CheckReportOf } from '../../shared/diagnosis'
import type { CheckEvidence, DnsResponse, HttpFailureCode, HttpTimings, PinnedFetchResult, ProxyFetchResult, ResolverAnswer, SystemResolversResult } from '../../shared/evidence'
import { durationText } from '../../shared/texts/shape'
import { REVEALING_HEADERS, whoAnswered } from '../../shared/who-answered'
import type { RendererTexts } from './texts'
import type { EvidenceTexts } from './texts/evidence'

export interface EvidenceTable {
  caption: string
  columns: string[]
  rows: string[][]
}

export interface EvidenceSection {
  heading?: string
  lines: string[]
  table?: EvidenceTable
}

/** The words and number format the sections are written in. */
interface Words {
  T: EvidenceTexts
  ms: (ms: number) => string
  fetchFailure: RendererTexts['diagnosis']['fetchFailures']
}

type Sections<Id extends CheckId> = (evidence: CheckEvidence[Id], words: Words) => EvidenceSection[]

const interfaces: Sections<'net.interfaces'> = ({ interfaces: list }, { T }) => {
  const rows = list.map((info) => [
    info.name,
    info.addresses.map((address) => `${address.address}${address.scope === 'link-local' ? ` (${T.linkLocal})` : ''}`).join(', '),
  ])
  return rows.length ? [{ lines: [], table: { caption: T.columns.connection, columns: [T.columns.connection, T.columns.addresses], rows } }] : []
}

const gateway: Sections<'net.gateway'> = ({ gateways, answering }, { T }) => {
  if (gateways.length === 0) return [{ lines: [T.noRouter] }]
  const rows = gateways.map((gw) => [gw.address, gw.interface, answering.includes(gw.address) ? T.yes : T.no])
  return [{ lines: [], table: { caption: T.columns.router, columns: [T.columns.router, T.columns.through, T.columns.answers], rows } }]
}

const internet: Sections<'net.internet'> = ({ targets }, { T, ms }) => {
  const rows = targets.map((target) => {
    const words = T.tcp[target.outcome]
    return [T.port(target.address, target.port), target.errorCode && target.outcome === 'error' ? `${words} (${target.errorCode})` : words, ms(target.latencyMs)]
  })
  return rows.length ? [{ lines: [], table: { caption: T.columns.server, columns: [T.columns.server, T.columns.result, T.columns.time], rows } }] : []
}

const resolverName = (answer: ResolverAnswer, T: EvidenceTexts): string =>
  answer.origin.kind === 'system' ? T.yours(answer.resolver) : T.publicResolver(answer.origin.name, answer.resolver)

const addressesIn = (response: DnsResponse): string[] =>
  response.ok ? response.answers.filter((record) => record.type === 'A' || record.type === 'AAAA').map((record) => record.data) : []

function describeResponse(response: DnsResponse, T: EvidenceTexts): string {
  if (!response.ok) return response.code === 'dns.timeout' ? T.dns.timeout : response.code === 'dns.unreachable' ? T.dns.unreachable : `${T.dns.failed} (${response.code})`
  const addresses = addressesIn(response)
  const tcp = response.transport === 'tcp' ? `, ${T.dns.overTcp}` : ''
  if (addresses.length) return addresses.join(', ') + tcp
  if (response.rcode === 'NOERROR') return T.dns.noAddress + tcp
  if (response.rcode === 'NXDOMAIN') return T.dns.nxdomain + tcp
  if (response.rcode === 'SERVFAIL') return T.dns.servfail
  if (response.rcode === 'REFUSED') return T.dns.refused
  return T.dns.other(response.rcode)
}

const answerColumns = (T: EvidenceTexts): string[] => [T.columns.addressBook, T.columns.answer, T.columns.time]

function answerTable(answers: readonly ResolverAnswer[], { T, ms }: Words): EvidenceTable | undefined {
  if (answers.length === 0) return undefined
  const rows = answers.map((answer) => [resolverName(answer, T), describeResponse(answer.response, T), ms(answer.response.latencyMs)])
  return { caption: T.columns.addressBook, columns: answerColumns(T), rows }
}

/** A and AAAA answers from the same address book merged into one row: addresses found, or why none. */
function mergedAnswerTable(answers: readonly ResolverAnswer[], { T, ms }: Words): EvidenceTable | undefined {
  const byName = new Map<string, DnsResponse[]>()
  for (const answer of answers) byName.set(resolverName(answer, T), [...(byName.get(resolverName(answer, T)) ?? []), answer.response])
  if (byName.size === 0) return undefined
  const rows = [...byName].map(([name, responses]) => {
    const addresses = [...new Set(responses.flatMap(addressesIn))]
    const failed = responses.find((response) => !response.ok || !['NOERROR', 'NXDOMAIN'].includes(response.rcode))
    const answer = addresses.length ? addresses.join(', ') : describeResponse(failed ?? responses[0]!, T)
    const slowest = Math.max(0, ...responses.map((response) => response.latencyMs))
    return [name, answer, ms(slowest)]
  })
  return { caption: T.columns.addressBook, columns: answerColumns(T), rows }
}

function systemSettings(read: SystemResolversResult, T: EvidenceTexts): string[] {
  if (!read.ok) return [T.settingsUnreadable(read.detail || read.code)]
  const list = (resolvers: readonly { address: string }[]): string => resolvers.map((resolver) => resolver.address).join(', ')
  const lines = [T.settings(T.managers[read.manager], list(read.resolvers))]
  if (read.viaLocalStub) lines.push(read.upstream.length ? T.localHelper(list(read.upstream)) : T.localHelperUnknown)
  return lines
}

const withTable = (lines: string[], table: EvidenceTable | undefined): EvidenceSection[] => (lines.length || table ? [{ lines, ...(table ? { table } : {}) }] : [])

const systemResolvers: Sections<'dns.system'> = ({ question, answers, resolversRead }, words) =>
  withTable([words.T.asked(question), ...systemSettings(resolversRead, words.T)], answerTable(answers, words))

const publicResolvers: Sections<'dns.public'> = ({ question, answers }, words) => withTable([words.T.asked(question)], answerTable(answers, words))

const hijack: Sections<'dns.hijack'> = (evidence, words) =>
  withTable([words.T.madeUpAsked(evidence.question)], answerTable([...evidence.system, ...evidence.public], words))

function timingsLine(timings: HttpTimings, { T, ms }: Words): string {
  const parts = [
    timings.connectMs !== undefined ? `${T.timing.connect} ${ms(timings.connectMs)}` : '',
    timings.tlsMs !== undefined ? `${T.timing.tls} ${ms(timings.tlsMs)}` : '',
    timings.firstByteMs !== undefined ? `${T.timing.firstByte} ${ms(timings.firstByteMs)}` : '',
    `${T.timing.total} ${ms(timings.totalMs)}`,
  ].filter(Boolean)
  return `${T.timings} ${parts.join(' · ')}`
}

/** Who produced the answer, from the headers that reveal it (a display hint; the verdict uses main's own reading). */
function responderLines(headers: Record<string, string>, T: EvidenceTexts): string[] {
  const responder = whoAnswered(headers)
  const who = responder?.isCdn ? T.cdn(responder.name) : responder?.name
  const revealing = REVEALING_HEADERS.filter((name) => headers[name] !== undefined).map((name) => `${name}: ${headers[name]}`)
  return [...(who ? [T.whoAnswered(who)] : []), ...(revealing.length ? [T.headers(revealing.join('; '))] : [])]
}

function fetchLines(fetch: PinnedFetchResult, words: Words): string[] {
  const { T } = words
  const result = fetch.ok ? T.status(fetch.status) : T.failure(words.fetchFailure[fetch.code], fetch.detail)
  const journey = [
    ...(fetch.httpsFailure ? [T.httpsFailed(words.fetchFailure[fetch.httpsFailure])] : []),
    ...(fetch.redirects ?? []).map((hop) => T.redirected(hop.status, hop.url)),
    ...(fetch.url ? [T.page(fetch.url)] : []),
  ]
  return [...journey, result, ...(fetch.ok ? responderLines(fetch.headers, T) : []), timingsLine(fetch.timings, words), ...(fetch.ok && fetch.tlsProtocol ? [T.tls(fetch.tlsProtocol)] : [])]
}

const captivePortal: Sections<'portal.captive'> = ({ url, address, fetch }, words) => {
  const { T } = words
  const lines = [T.testPage(url), ...(address ? [T.askedAt(address)] : [])]
  if (fetch?.ok) {
    lines.push(T.expectedEmpty(fetch.status))
    if (fetch.headers.location) lines.push(T.sentTo(fetch.headers.location))
    lines.push(timingsLine(fetch.timings, words))
  } else if (fetch) lines.push(...fetchLines(fetch, words))
  return [{ lines }]
}

const siteDns: Sections<'site.dns'> = (evidence, words) =>
  withTable([words.T.nameLookedUp(evidence.host)], mergedAnswerTable([...evidence.system, ...evidence.public], words))

const siteHttp: Sections<'site.http'> = ({ url, addresses, fetches }, words) => {
  const { T } = words
  const sources = new Map(addresses.map((entry) => [entry.address, entry.from]))
  return [
    { lines: [T.page(url)] },
    ...fetches.map((fetch) => {
      const from = sources.get(fetch.address) ?? []
      const fromText = from.length === 2 ? T.from.both : from[0] === 'system' ? T.from.system : from[0] === 'public' ? T.from.public : ''
      return { heading: T.at(fetch.address, fromText), lines: fetchLines(fetch, words) }
    }),
  ]
}

const siteHosts: Sections<'site.hosts'> = ({ path, addresses, fetches }, words) => {
  const { T } = words
  return [
    { lines: [path === null ? T.hostsFileNotFound : T.hostsFile(path), ...addresses.map(T.hostsSays)] },
    ...fetches.map((fetch) => ({ heading: T.at(fetch.address, ''), lines: fetchLines(fetch, words) })),
  ]
}

function proxyFetchLines(fetch: ProxyFetchResult, words: Words): string[] {
  const { T } = words
  const result = fetch.ok ? T.status(fetch.status) : T.failure(fetch.status !== undefined ? String(fetch.status) : words.fetchFailure[fetch.code as HttpFailureCode] ?? fetch.code, fetch.detail)
  return [result, timingsLine(fetch.timings, words)]
}

const siteProxy: Sections<'site.proxy'> = ({ settings, pac, proxy, fetch }, words) => {
  const { T } = words
  if (settings === null) return [{ lines: [T.noProxy] }]
  const lines = [T.proxySetIn(T.proxySources[settings.source]), ...(pac ? [T.pacFile(pac.url, pac.ok ? (pac.choice ?? '') : (pac.error ?? ''))] : [])]
  return [{ lines }, ...(proxy !== null && fetch ? [{ heading: T.throughProxy(proxy), lines: proxyFetchLines(fetch, words) }] : [])]
}

const clock: Sections<'net.clock'> = ({ localTime, servers }, { T }) => [
  { lines: [T.clockHere(localTime), ...servers.map((server) => T.serverTime(server.from, server.date))] },
]

const READERS: { [Id in CheckId]: Sections<Id> } = {
  'net.interfaces': interfaces,
  'net.gateway': gateway,
  'net.internet': internet,
  'dns.system': systemResolvers,
  'dns.public': publicResolvers,
  'dns.hijack': hijack,
  'portal.captive': captivePortal,
  'site.dns': siteDns,
  'site.http': siteHttp,
  'site.hosts': siteHosts,
  'site.proxy': siteProxy,
  'net.clock': clock,
}

const sectionsOf = <Id extends CheckId>(check: CheckReportOf<Id>, words: Words): EvidenceSection[] => (check.evidence ? READERS[check.id](check.evidence, words) : [])

export function readEvidence(check: CheckReport, texts: RendererTexts): EvidenceSection[] {
  const words: Words = { T: texts.evidence, ms: (ms) => durationText(ms, texts.locale), fetchFailure: texts.diagnosis.fetchFailures }
  const crashed = check.summary.code === 'crashed' ? [{ lines: [words.T.crashed(check.summary.error)] }] : []
  return [...crashed, ...sectionsOf(check as CheckReportOf<CheckId>, words)]
}

export const hasEvidence = (check: CheckReport): boolean => check.evidence !== undefined || check.summary.code === 'crashed'
