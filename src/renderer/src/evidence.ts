// Turns a check's evidence (plain data from main, read defensively) into sections a person can read:
// which address book said what and how fast, status codes, timings, who answered.
import type { CheckReport } from '../../shared/diagnosis'
import { describeFetchFailure } from '../../shared/texts'
import { EVIDENCE_TEXTS as T } from '../../shared/ui-texts'
import { formatMs } from './format'
import { REVEALING_HEADERS, whoAnswered } from '../../shared/who-answered'

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

type Obj = Record<string, unknown>
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value)
const objs = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter(isObj) : [])
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [])

function interfaces(evidence: Obj): EvidenceSection[] {
  const rows = objs(evidence.interfaces).map((info) => [
    str(info.name) ?? '?',
    objs(info.addresses)
      .map((address) => `${str(address.address) ?? '?'}${address.scope === 'link-local' ? ` (${T.linkLocal})` : ''}`)
      .join(', '),
  ])
  return rows.length ? [{ lines: [], table: { caption: T.columns.connection, columns: [T.columns.connection, T.columns.addresses], rows } }] : []
}

function gateway(evidence: Obj): EvidenceSection[] {
  const gateways = objs(evidence.gateways)
  if (!Array.isArray(evidence.gateways)) return []
  if (gateways.length === 0) return [{ lines: [T.noRouter] }]
  const answering = strings(evidence.answering)
  const rows = gateways.map((gw) => [str(gw.address) ?? '?', str(gw.interface) ?? '', answering.includes(str(gw.address) ?? '') ? T.yes : T.no])
  return [{ lines: [], table: { caption: T.columns.router, columns: [T.columns.router, T.columns.through, T.columns.answers], rows } }]
}

function internet(evidence: Obj): EvidenceSection[] {
  const rows = objs(evidence.targets).map((target) => {
    const outcome = str(target.outcome) ?? 'error'
    const words = T.tcp[outcome] ?? outcome
    return [T.port(str(target.address) ?? '?', num(target.port) ?? 0), target.errorCode && outcome === 'error' ? `${words} (${String(target.errorCode)})` : words, formatMs(num(target.latencyMs) ?? 0)]
  })
  return rows.length ? [{ lines: [], table: { caption: T.columns.server, columns: [T.columns.server, T.columns.result, T.columns.time], rows } }] : []
}

const resolverName = (answer: Obj): string => {
  const label = str(answer.label) ?? str(answer.resolver) ?? '?'
  return label.startsWith('system ') ? T.yours(label.slice('system '.length)) : label
}

const addressesIn = (response: Obj): string[] =>
  objs(response.answers)
    .filter((record) => record.type === 'A' || record.type === 'AAAA')
    .map((record) => str(record.data) ?? '')
    .filter(Boolean)

function describeResponse(response: Obj): string {
  if (response.ok !== true) {
    const code = str(response.code)
    return code === 'dns.timeout' ? T.dns.timeout : code === 'dns.unreachable' ? T.dns.unreachable : `${T.dns.failed}${code ? ` (${code})` : ''}`
  }
  const rcode = str(response.rcode) ?? ''
  const addresses = addressesIn(response)
  const tcp = response.transport === 'tcp' ? `, ${T.dns.overTcp}` : ''
  if (addresses.length) return addresses.join(', ') + tcp
  if (rcode === 'NOERROR') return T.dns.noAddress + tcp
  if (rcode === 'NXDOMAIN') return T.dns.nxdomain + tcp
  if (rcode === 'SERVFAIL') return T.dns.servfail
  if (rcode === 'REFUSED') return T.dns.refused
  return T.dns.other(rcode)
}

function answerTable(answers: Obj[]): EvidenceTable | undefined {
  if (answers.length === 0) return undefined
  const rows = answers.map((answer) => {
    const response = isObj(answer.response) ? answer.response : {}
    return [resolverName(answer), describeResponse(response), formatMs(num(response.latencyMs) ?? 0)]
  })
  return { caption: T.columns.addressBook, columns: [T.columns.addressBook, T.columns.answer, T.columns.time], rows }
}

/** A and AAAA answers from the same address book merged into one row: addresses found, or why none. */
function mergedAnswerTable(answers: Obj[]): EvidenceTable | undefined {
  const byName = new Map<string, Obj[]>()
  for (const answer of answers) byName.set(resolverName(answer), [...(byName.get(resolverName(answer)) ?? []), answer])
  if (byName.size === 0) return undefined
  const rows = [...byName].map(([name, group]) => {
    const responses = group.map((answer) => (isObj(answer.response) ? answer.response : {}))
    const addresses = [...new Set(responses.flatMap(addressesIn))]
    const failed = responses.find((response) => response.ok !== true || !['NOERROR', 'NXDOMAIN'].includes(str(response.rcode) ?? ''))
    const answer = addresses.length ? addresses.join(', ') : describeResponse(failed ?? responses[0] ?? {})
    const slowest = Math.max(0, ...responses.map((response) => num(response.latencyMs) ?? 0))
    return [name, answer, formatMs(slowest)]
  })
  return { caption: T.columns.addressBook, columns: [T.columns.addressBook, T.columns.answer, T.columns.time], rows }
}

function systemSettings(read: unknown): string[] {
  if (!isObj(read)) return []
  if (read.ok !== true) return [T.settingsUnreadable(str(read.detail) ?? str(read.code) ?? '')]
  const list = (value: unknown): string => objs(value).map((resolver) => str(resolver.address) ?? '?').join(', ')
  const lines = [T.settings(str(read.manager) ?? '?', list(read.resolvers))]
  if (read.viaLocalStub === true) lines.push(objs(read.upstream).length ? T.localHelper(list(read.upstream)) : T.localHelperUnknown)
  return lines
}

function resolvers(evidence: Obj): EvidenceSection[] {
  const lines = [...(str(evidence.question) ? [T.asked(str(evidence.question)!)] : []), ...systemSettings(evidence.resolversRead)]
  const table = answerTable(objs(evidence.answers))
  return lines.length || table ? [{ lines, ...(table ? { table } : {}) }] : []
}

function hijack(evidence: Obj): EvidenceSection[] {
  const table = answerTable([...objs(evidence.system), ...objs(evidence.public)])
  const lines = str(evidence.question) ? [T.madeUpAsked(str(evidence.question)!)] : []
  return lines.length || table ? [{ lines, ...(table ? { table } : {}) }] : []
}

function timingsLine(timings: unknown): string | undefined {
  if (!isObj(timings)) return undefined
  const parts = [
    num(timings.connectMs) !== undefined ? `${T.timing.connect} ${formatMs(num(timings.connectMs)!)}` : '',
    num(timings.tlsMs) !== undefined ? `${T.timing.tls} ${formatMs(num(timings.tlsMs)!)}` : '',
    num(timings.firstByteMs) !== undefined ? `${T.timing.firstByte} ${formatMs(num(timings.firstByteMs)!)}` : '',
    num(timings.totalMs) !== undefined ? `${T.timing.total} ${formatMs(num(timings.totalMs)!)}` : '',
  ].filter(Boolean)
  return parts.length ? `${T.timings} ${parts.join(' · ')}` : undefined
}

/** Who produced the answer, from the headers that reveal it (a display hint; the verdict uses main's own reading). */
function responderLines(headersValue: unknown): string[] {
  if (!isObj(headersValue)) return []
  const headers = Object.fromEntries(Object.entries(headersValue).filter((entry): entry is [string, string] => typeof entry[1] === 'string').map(([k, v]) => [k.toLowerCase(), v]))
  const responder = whoAnswered(headers)
  const who = responder?.isCdn ? T.cdn(responder.name) : responder?.name
  const revealing = REVEALING_HEADERS.filter((name) => headers[name] !== undefined).map((name) => `${name}: ${headers[name]}`)
  return [...(who ? [T.whoAnswered(who)] : []), ...(revealing.length ? [T.headers(revealing.join('; '))] : [])]
}

function fetchLines(fetch: Obj): string[] {
  const status = num(fetch.status)
  const result =
    fetch.ok === true && status !== undefined ? T.status(status) : T.failure(describeFetchFailure(str(fetch.code) ?? 'http.protocol'), str(fetch.detail) ?? '')
  const timings = timingsLine(fetch.timings)
  const tls = str(fetch.tlsProtocol)
  return [result, ...(fetch.ok === true ? responderLines(fetch.headers) : []), ...(timings ? [timings] : []), ...(tls ? [T.tls(tls)] : [])]
}

function captivePortal(evidence: Obj): EvidenceSection[] {
  const lines = [...(str(evidence.url) ? [T.testPage(str(evidence.url)!)] : []), ...(str(evidence.address) ? [T.askedAt(str(evidence.address)!)] : [])]
  const fetch = isObj(evidence.fetch) ? evidence.fetch : undefined
  if (fetch) {
    const status = num(fetch.status)
    if (fetch.ok === true && status !== undefined) {
      lines.push(T.expectedEmpty(status))
      const location = isObj(fetch.headers) ? str(fetch.headers.location) : undefined
      if (location) lines.push(T.sentTo(location))
      const timings = timingsLine(fetch.timings)
      if (timings) lines.push(timings)
    } else lines.push(...fetchLines(fetch))
  }
  return lines.length ? [{ lines }] : []
}

function siteDns(evidence: Obj): EvidenceSection[] {
  const table = mergedAnswerTable([...objs(evidence.system), ...objs(evidence.public)])
  const lines = str(evidence.host) ? [T.nameLookedUp(str(evidence.host)!)] : []
  return lines.length || table ? [{ lines, ...(table ? { table } : {}) }] : []
}

function siteHttp(evidence: Obj): EvidenceSection[] {
  const sections: EvidenceSection[] = str(evidence.url) ? [{ lines: [T.page(str(evidence.url)!)] }] : []
  const sources = new Map(objs(evidence.addresses).map((entry) => [str(entry.address) ?? '', strings(entry.from)]))
  for (const fetch of objs(evidence.fetches)) {
    const address = str(fetch.address) ?? '?'
    const from = sources.get(address) ?? []
    const fromText = from.length === 2 ? T.from.both : from[0] === 'system' ? T.from.system : from[0] === 'public' ? T.from.public : ''
    sections.push({ heading: T.at(address, fromText), lines: fetchLines(fetch) })
  }
  return sections
}

const READERS: Record<CheckReport['id'], (evidence: Obj) => EvidenceSection[]> = {
  'net.interfaces': interfaces,
  'net.gateway': gateway,
  'net.internet': internet,
  'dns.system': resolvers,
  'dns.public': resolvers,
  'dns.hijack': hijack,
  'portal.captive': captivePortal,
  'site.dns': siteDns,
  'site.http': siteHttp,
}

export function readEvidence(check: CheckReport): EvidenceSection[] {
  const evidence = isObj(check.evidence) ? check.evidence : {}
  const crashed = str(evidence.error)
  let sections: EvidenceSection[]
  try {
    sections = READERS[check.id](evidence)
  } catch {
    sections = []
  }
  return crashed ? [{ lines: [T.crashed(crashed)] }, ...sections] : sections
}

export const hasEvidence = (check: CheckReport): boolean => isObj(check.evidence) && Object.keys(check.evidence).length > 0
