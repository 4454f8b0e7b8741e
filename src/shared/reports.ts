// Plain-text reports a person can send: to the site's administrators (what their site answered) or to
// their internet provider (what failed on the way). Built only from the diagnosis's own evidence.
import { evidenceOf, type DiagnosisReport } from './diagnosis'
import type { DnsFailureCode, PinnedFetchResult, ResolverAnswer } from './evidence'
import { describeCheckSummary, describeFetchFailure, describeFinding, describeVerdict } from './texts'
import { REVEALING_HEADERS } from './who-answered'

export type ReportKind = 'site-admin' | 'isp'

const DNS_FAILURE_WORDS: Record<DnsFailureCode, string> = {
  'dns.timeout': 'no answer',
  'dns.unreachable': 'unreachable',
  'dns.network-error': 'could not be asked',
  'dns.aborted': 'stopped',
  'dns.bad-question': 'not asked (bad question)',
}

const resolverName = (answer: ResolverAnswer): string => (answer.origin.kind === 'system' ? `system ${answer.resolver}` : `${answer.origin.name} ${answer.resolver}`)

function describeAnswer(answer: ResolverAnswer): string {
  const response = answer.response
  if (!response.ok) return `${resolverName(answer)}: ${DNS_FAILURE_WORDS[response.code]} after ${Math.round(response.latencyMs)} ms`
  const addresses = response.answers.filter((record) => record.type === 'A' || record.type === 'AAAA').map((record) => record.data)
  return `${resolverName(answer)}: ${response.rcode}${addresses.length ? ` ${addresses.join(', ')}` : ''} in ${Math.round(response.latencyMs)} ms`
}

function describeFetch(fetch: PinnedFetchResult): string[] {
  const timings = fetch.timings
  const timing = ` (connect ${timings.connectMs ?? '-'} ms${timings.tlsMs !== undefined ? `, TLS ${timings.tlsMs} ms` : ''}, first byte ${timings.firstByteMs ?? '-'} ms, total ${timings.totalMs} ms)`
  if (!fetch.ok) return [`  ${fetch.address}: ${describeFetchFailure(fetch.code)}${timing}`]
  const headers = Object.entries(fetch.headers)
    .filter(([name]) => name === 'date' || REVEALING_HEADERS.includes(name) || name.startsWith('x-akamai') || name === 'x-fastly-request-id' || name === 'x-varnish')
    .map(([name, value]) => `    ${name}: ${value}`)
  return [`  ${fetch.address}: HTTP ${fetch.status}${timing}`, ...headers]
}

function header(report: DiagnosisReport, now: Date, audience: string): string[] {
  return [
    `NetMend report for ${audience}`,
    `Time (UTC): ${now.toISOString()}`,
    `Site: ${report.target ?? '(none given)'}`,
    `Result: ${describeVerdict(report).title} [${report.verdict.code}]`,
    '',
  ]
}

function siteAdminReport(report: DiagnosisReport, now: Date): string[] {
  const http = evidenceOf(report.checks, 'site.http')
  const dns = evidenceOf(report.checks, 'site.dns')
  const requested = http?.url ?? report.target
  return [
    ...header(report, now, "the site's administrators"),
    ...(requested ? [`Requested: GET ${requested}`] : []),
    'Responses, per server address:',
    ...(http?.fetches ?? []).flatMap(describeFetch),
    '',
    'Addresses the name resolved to:',
    ...[...(dns?.system ?? []), ...(dns?.public ?? [])].map((answer) => `  ${describeAnswer(answer)}`),
    '',
    ...report.findings.map((finding) => `- ${describeFinding(finding, report)}`),
  ]
}

function ispReport(report: DiagnosisReport, now: Date): string[] {
  const gateway = evidenceOf(report.checks, 'net.gateway')
  const internet = evidenceOf(report.checks, 'net.internet')
  const systemDns = evidenceOf(report.checks, 'dns.system')
  const publicDns = evidenceOf(report.checks, 'dns.public')
  const failed = report.checks.filter((check) => check.status === 'fail')
  return [
    ...header(report, now, 'the internet provider'),
    'Router (default gateway):',
    ...(!gateway
      ? ['  not checked']
      : gateway.gateways.length
        ? gateway.gateways.map((entry) => `  ${entry.address} on ${entry.interface}: ${gateway.answering.includes(entry.address) ? 'answers' : 'does not answer'}`)
        : ['  none configured']),
    'Internet servers reached by address:',
    ...(internet?.targets ?? []).map(
      (target) => `  ${target.address.includes(':') ? `[${target.address}]` : target.address}:${target.port} ${target.outcome} (${target.latencyMs} ms)`,
    ),
    `Your DNS servers (asked for ${systemDns?.question ?? '-'}):`,
    ...(systemDns?.answers ?? []).map((answer) => `  ${describeAnswer(answer)}`),
    'Public DNS servers, same question:',
    ...(publicDns?.answers ?? []).map((answer) => `  ${describeAnswer(answer)}`),
    '',
    ...(failed.length ? ['What failed:', ...failed.map((check) => `  - ${check.id}: ${describeCheckSummary(check.summary)}`)] : []),
    ...report.findings.map((finding) => `- ${describeFinding(finding, report)}`),
  ]
}

/** `at` defaults to when the diagnosis ended, so a report copied from the history keeps its real time. */
export function buildReport(kind: ReportKind, report: DiagnosisReport, at: Date = new Date(report.finishedAt)): string {
  const lines = kind === 'site-admin' ? siteAdminReport(report, at) : ispReport(report, at)
  return `${lines.join('\n').trimEnd()}\n`
}
