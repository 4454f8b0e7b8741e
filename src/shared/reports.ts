// Plain-text reports a person can send: to the site's administrators (what their site answered) or to
// their internet provider (what failed on the way). Built only from the diagnosis's own evidence.
import { evidenceOf, type DiagnosisReport } from './diagnosis'
import type { PinnedFetchResult, ResolverAnswer } from './evidence'
import type { Language } from './language'
import { describeCheckSummary, describeFinding, describeVerdict, DIAGNOSIS_TEXTS, type DiagnosisTexts } from './texts/diagnosis'
import { REPORT_TEXTS, type ReportKind, type ReportTexts } from './texts/reports'
import { REVEALING_HEADERS } from './who-answered'

export type { ReportKind } from './texts/reports'

interface Words {
  report: ReportTexts
  diagnosis: DiagnosisTexts
}

function resolverName(answer: ResolverAnswer, t: ReportTexts): string {
  return answer.origin.kind === 'system' ? t.systemResolver(answer.resolver) : `${answer.origin.name} ${answer.resolver}`
}

function describeAnswer(answer: ResolverAnswer, t: ReportTexts): string {
  const response = answer.response
  const ms = Math.round(response.latencyMs)
  if (!response.ok) return t.dnsFailed(resolverName(answer, t), response.code, ms)
  const addresses = response.answers.filter((record) => record.type === 'A' || record.type === 'AAAA').map((record) => record.data)
  return t.dnsAnswered(resolverName(answer, t), response.rcode, addresses, ms)
}

/** How the browser got to the answer: https given up for http, the redirects followed, and where they led. */
function journeyLines(fetch: PinnedFetchResult, words: Words): string[] {
  const t = words.report
  return [
    ...(fetch.httpsFailure ? [t.httpsFailed(words.diagnosis.fetchFailures[fetch.httpsFailure])] : []),
    ...(fetch.redirects ?? []).map((hop) => t.redirected(hop.status, hop.url, hop.address)),
    ...(fetch.url ? [t.answeredFor(fetch.url)] : []),
  ].map((line) => `    ${line}`)
}

function describeFetch(fetch: PinnedFetchResult, words: Words): string[] {
  const timing = ` (${words.report.timings(fetch.timings)})`
  if (!fetch.ok) return [`  ${fetch.address}: ${words.diagnosis.fetchFailures[fetch.code]}${timing}`, ...journeyLines(fetch, words)]
  const headers = Object.entries(fetch.headers)
    .filter(([name]) => name === 'date' || REVEALING_HEADERS.includes(name) || name.startsWith('x-akamai') || name === 'x-fastly-request-id' || name === 'x-varnish')
    .map(([name, value]) => `    ${name}: ${value}`)
  return [`  ${fetch.address}: HTTP ${fetch.status}${timing}`, ...journeyLines(fetch, words), ...headers]
}

function header(kind: ReportKind, report: DiagnosisReport, now: Date, words: Words): string[] {
  const t = words.report
  return [t.title[kind], t.time(now.toISOString()), t.site(report.target), t.result(describeVerdict(report, words.diagnosis).title, report.verdict.code), '']
}

const findingLines = (report: DiagnosisReport, words: Words): string[] =>
  report.findings.map((finding) => `- ${describeFinding(finding, report, words.diagnosis)}`)

function siteAdminReport(report: DiagnosisReport, now: Date, words: Words): string[] {
  const t = words.report
  const http = evidenceOf(report.checks, 'site.http')
  const dns = evidenceOf(report.checks, 'site.dns')
  const requested = http?.url ?? report.target
  return [
    ...header('site-admin', report, now, words),
    ...(requested ? [t.requested(requested)] : []),
    t.responses,
    ...(http?.fetches ?? []).flatMap((fetch) => describeFetch(fetch, words)),
    '',
    t.resolvedTo,
    ...[...(dns?.system ?? []), ...(dns?.public ?? [])].map((answer) => `  ${describeAnswer(answer, t)}`),
    '',
    ...findingLines(report, words),
  ]
}

function ispReport(report: DiagnosisReport, now: Date, words: Words): string[] {
  const t = words.report
  const gateway = evidenceOf(report.checks, 'net.gateway')
  const internet = evidenceOf(report.checks, 'net.internet')
  const systemDns = evidenceOf(report.checks, 'dns.system')
  const publicDns = evidenceOf(report.checks, 'dns.public')
  const failed = report.checks.filter((check) => check.status === 'fail')
  return [
    ...header('isp', report, now, words),
    t.router,
    ...(!gateway
      ? [`  ${t.routerNotChecked}`]
      : gateway.gateways.length
        ? gateway.gateways.map((entry) => `  ${t.routerLine(entry.address, entry.interface, gateway.answering.includes(entry.address))}`)
        : [`  ${t.routerNone}`]),
    t.internetServers,
    ...(internet?.targets ?? []).map(
      (target) => `  ${target.address.includes(':') ? `[${target.address}]` : target.address}:${target.port} ${t.tcp[target.outcome]} (${target.latencyMs} ms)`,
    ),
    t.systemDns(systemDns?.question),
    ...(systemDns?.answers ?? []).map((answer) => `  ${describeAnswer(answer, t)}`),
    t.publicDns,
    ...(publicDns?.answers ?? []).map((answer) => `  ${describeAnswer(answer, t)}`),
    '',
    ...(failed.length ? [t.whatFailed, ...failed.map((check) => `  - ${check.id}: ${describeCheckSummary(check.summary, words.diagnosis)}`)] : []),
    ...findingLines(report, words),
  ]
}

/** In the person's language; `at` defaults to when the diagnosis ended, so a report copied from the history keeps its real time. */
export function buildReport(kind: ReportKind, report: DiagnosisReport, language: Language, at: Date = new Date(report.finishedAt)): string {
  const words = { report: REPORT_TEXTS[language], diagnosis: DIAGNOSIS_TEXTS[language] }
  const lines = kind === 'site-admin' ? siteAdminReport(report, at, words) : ispReport(report, at, words)
  return `${lines.join('\n').trimEnd()}\n`
}
