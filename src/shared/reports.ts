// Plain-text reports a person can send: to the site's administrators (what their site answered) or to
// their internet provider (what failed on the way). Built only from the diagnosis's own evidence.
import type { CheckReport, DiagnosisReport } from './diagnosis'
import { describeFetchFailure } from './texts'
import { REVEALING_HEADERS } from './who-answered'

export type ReportKind = 'site-admin' | 'isp'

interface ResolverAnswerEvidence {
  resolver: string
  label: string
  response: { ok: boolean; rcode?: string; code?: string; latencyMs: number; answers?: { type: string; data: string }[] }
}

interface FetchEvidence {
  ok: boolean
  address: string
  status?: number
  code?: string
  headers?: Record<string, string>
  timings?: { connectMs?: number; tlsMs?: number; firstByteMs?: number; totalMs: number }
}

const DNS_FAILURE_WORDS: Record<string, string> = {
  'dns.timeout': 'no answer',
  'dns.unreachable': 'unreachable',
  'dns.network-error': 'could not be asked',
  'dns.aborted': 'stopped',
}

const evidenceOf = (report: DiagnosisReport, id: CheckReport['id']): Record<string, unknown> => report.checks.find((check) => check.id === id)?.evidence ?? {}
const listOf = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])

function describeAnswer(answer: ResolverAnswerEvidence): string {
  const response = answer.response
  if (!response.ok) return `${answer.label}: ${DNS_FAILURE_WORDS[response.code ?? ''] ?? response.code ?? 'failed'} after ${Math.round(response.latencyMs)} ms`
  const addresses = (response.answers ?? []).filter((record) => record.type === 'A' || record.type === 'AAAA').map((record) => record.data)
  return `${answer.label}: ${response.rcode}${addresses.length ? ` ${addresses.join(', ')}` : ''} in ${Math.round(response.latencyMs)} ms`
}

function describeFetch(fetch: FetchEvidence): string[] {
  const timings = fetch.timings
  const timing = timings
    ? ` (connect ${timings.connectMs ?? '-'} ms${timings.tlsMs !== undefined ? `, TLS ${timings.tlsMs} ms` : ''}, first byte ${timings.firstByteMs ?? '-'} ms, total ${timings.totalMs} ms)`
    : ''
  const head = fetch.ok ? `  ${fetch.address}: HTTP ${fetch.status}${timing}` : `  ${fetch.address}: ${describeFetchFailure(fetch.code ?? '')}${timing}`
  const headers = Object.entries(fetch.headers ?? {})
    .filter(([name]) => name === 'date' || REVEALING_HEADERS.includes(name) || name.startsWith('x-akamai') || name === 'x-fastly-request-id' || name === 'x-varnish')
    .map(([name, value]) => `    ${name}: ${value}`)
  return [head, ...headers]
}

function header(report: DiagnosisReport, now: Date, audience: string): string[] {
  return [
    `NetMend report for ${audience}`,
    `Time (UTC): ${now.toISOString()}`,
    `Site: ${report.target ?? '(none given)'}`,
    `Result: ${report.verdict.title} [${report.verdict.code}]`,
    '',
  ]
}

function siteAdminReport(report: DiagnosisReport, now: Date): string[] {
  const http = evidenceOf(report, 'site.http')
  const dns = evidenceOf(report, 'site.dns')
  const requested = http.url ?? report.target
  return [
    ...header(report, now, "the site's administrators"),
    ...(requested ? [`Requested: GET ${String(requested)}`] : []),
    'Responses, per server address:',
    ...listOf<FetchEvidence>(http.fetches).flatMap(describeFetch),
    '',
    'Addresses the name resolved to:',
    ...[...listOf<ResolverAnswerEvidence>(dns.system), ...listOf<ResolverAnswerEvidence>(dns.public)].map((answer) => `  ${describeAnswer(answer)}`),
    '',
    ...report.findings.map((finding) => `- ${finding.explanation}`),
  ]
}

function ispReport(report: DiagnosisReport, now: Date): string[] {
  const gateway = evidenceOf(report, 'net.gateway')
  const internet = evidenceOf(report, 'net.internet')
  const systemDns = evidenceOf(report, 'dns.system')
  const publicDns = evidenceOf(report, 'dns.public')
  const gateways = listOf<{ address: string; interface: string }>(gateway.gateways)
  const answering = listOf<string>(gateway.answering)
  const gatewayChecked = Array.isArray(gateway.gateways)
  const failed = report.checks.filter((check) => check.status === 'fail')
  return [
    ...header(report, now, 'the internet provider'),
    'Router (default gateway):',
    ...(!gatewayChecked
      ? ['  not checked']
      : gateways.length
        ? gateways.map((entry) => `  ${entry.address} on ${entry.interface}: ${answering.includes(entry.address) ? 'answers' : 'does not answer'}`)
        : ['  none configured']),
    'Internet servers reached by address:',
    ...listOf<{ address: string; port: number; outcome: string; latencyMs: number }>(internet.targets).map(
      (target) => `  ${target.address.includes(':') ? `[${target.address}]` : target.address}:${target.port} ${target.outcome} (${target.latencyMs} ms)`,
    ),
    `Your DNS servers (asked for ${String(systemDns.question ?? '-')}):`,
    ...listOf<ResolverAnswerEvidence>(systemDns.answers).map((answer) => `  ${describeAnswer(answer)}`),
    'Public DNS servers, same question:',
    ...listOf<ResolverAnswerEvidence>(publicDns.answers).map((answer) => `  ${describeAnswer(answer)}`),
    '',
    ...(failed.length ? ['What failed:', ...failed.map((check) => `  - ${check.id}: ${check.summary}`)] : []),
    ...report.findings.map((finding) => `- ${finding.explanation}`),
  ]
}

/** `at` defaults to when the diagnosis ended, so a report copied from the history keeps its real time. */
export function buildReport(kind: ReportKind, report: DiagnosisReport, at: Date = new Date(report.finishedAt)): string {
  const lines = kind === 'site-admin' ? siteAdminReport(report, at) : ispReport(report, at)
  return `${lines.join('\n').trimEnd()}\n`
}
