// The words of the plain-text reports people send to a site's administrators or their internet provider.
// Technical names stay as they are (HTTP, TLS, header names, DNS answer codes): the reader knows them.
import type { DnsFailureCode, HttpTimings, TcpConnectOutcome } from '../evidence'
import type { InEveryLanguage } from './shape'

export type ReportKind = 'site-admin' | 'isp'

export interface ReportTexts {
  title: Record<ReportKind, string>
  time: (iso: string) => string
  site: (target: string | null) => string
  result: (verdict: string, code: string) => string
  requested: (url: string) => string
  responses: string
  resolvedTo: string
  router: string
  routerNotChecked: string
  routerNone: string
  routerLine: (address: string, through: string, answers: boolean) => string
  internetServers: string
  tcp: Record<TcpConnectOutcome, string>
  systemDns: (question: string | undefined) => string
  publicDns: string
  whatFailed: string
  /** One of the computer's own DNS servers. */
  systemResolver: (address: string) => string
  dnsFailed: (resolver: string, why: DnsFailureCode, ms: number) => string
  dnsAnswered: (resolver: string, rcode: string, addresses: string[], ms: number) => string
  timings: (timings: HttpTimings) => string
  /** One redirect on the way to the answer below it. */
  redirected: (status: number, from: string, address: string) => string
  /** The URL of the answer, when redirects or the fallback to http led there. */
  answeredFor: (url: string) => string
  /** A name typed bare: why https failed before http was tried. */
  httpsFailed: (why: string) => string
}

const orDash = (ms: number | undefined): string => (ms === undefined ? '-' : String(ms))

const en: ReportTexts = {
  title: { 'site-admin': "NetMend report for the site's administrators", isp: 'NetMend report for the internet provider' },
  time: (iso) => `Time (UTC): ${iso}`,
  site: (target) => `Site: ${target ?? '(none given)'}`,
  result: (verdict, code) => `Result: ${verdict} [${code}]`,
  requested: (url) => `Requested: GET ${url}`,
  responses: 'Responses, per server address:',
  resolvedTo: 'Addresses the name resolved to:',
  router: 'Router (default gateway):',
  routerNotChecked: 'not checked',
  routerNone: 'none configured',
  routerLine: (address, through, answers) => `${address} on ${through}: ${answers ? 'answers' : 'does not answer'}`,
  internetServers: 'Internet servers reached by address:',
  tcp: { connected: 'connected', refused: 'refused', timeout: 'timeout', unreachable: 'unreachable', aborted: 'aborted', error: 'error' },
  systemDns: (question) => `Your DNS servers (asked for ${question ?? '-'}):`,
  publicDns: 'Public DNS servers, same question:',
  whatFailed: 'What failed:',
  systemResolver: (address) => `system ${address}`,
  dnsFailed: (resolver, why, ms) =>
    `${resolver}: ${{ 'dns.timeout': 'no answer', 'dns.unreachable': 'unreachable', 'dns.network-error': 'could not be asked', 'dns.aborted': 'stopped', 'dns.bad-question': 'not asked (bad question)' }[why]} after ${ms} ms`,
  dnsAnswered: (resolver, rcode, addresses, ms) => `${resolver}: ${rcode}${addresses.length ? ` ${addresses.join(', ')}` : ''} in ${ms} ms`,
  timings: (t) => `connect ${orDash(t.connectMs)} ms${t.tlsMs !== undefined ? `, TLS ${t.tlsMs} ms` : ''}, first byte ${orDash(t.firstByteMs)} ms, total ${t.totalMs} ms`,
  redirected: (status, from, address) => `HTTP ${status} redirect from ${from} (at ${address})`,
  answeredFor: (url) => `final URL: ${url}`,
  httpsFailed: (why) => `https failed (${why}); tried http instead`,
}

const de = {
  title: { 'site-admin': 'NetMend-Bericht für die Betreiber der Website', isp: 'NetMend-Bericht für den Internetanbieter' },
  time: (iso) => `Zeit (UTC): ${iso}`,
  site: (target) => `Website: ${target ?? '(keine angegeben)'}`,
  result: (verdict, code) => `Ergebnis: ${verdict} [${code}]`,
  requested: (url) => `Angefragt: GET ${url}`,
  responses: 'Antworten je Serveradresse:',
  resolvedTo: 'Adressen, die für den Namen gefunden wurden:',
  router: 'Router (Standard-Gateway):',
  routerNotChecked: 'nicht geprüft',
  routerNone: 'keiner eingerichtet',
  routerLine: (address, through, answers) => `${address} über ${through}: ${answers ? 'antwortet' : 'antwortet nicht'}`,
  internetServers: 'Internet-Server, direkt über ihre Adresse angesprochen:',
  tcp: { connected: 'verbunden', refused: 'abgelehnt', timeout: 'Zeitüberschreitung', unreachable: 'nicht erreichbar', aborted: 'abgebrochen', error: 'Fehler' },
  systemDns: (question) => `Ihre DNS-Server (gefragt nach ${question ?? '-'}):`,
  publicDns: 'Öffentliche DNS-Server, gleiche Frage:',
  whatFailed: 'Was fehlgeschlagen ist:',
  systemResolver: (address) => `System ${address}`,
  dnsFailed: (resolver, why, ms) =>
    `${resolver}: ${{ 'dns.timeout': 'keine Antwort', 'dns.unreachable': 'nicht erreichbar', 'dns.network-error': 'nicht abfragbar', 'dns.aborted': 'abgebrochen', 'dns.bad-question': 'nicht gefragt (ungültige Frage)' }[why]} nach ${ms} ms`,
  dnsAnswered: (resolver, rcode, addresses, ms) => `${resolver}: ${rcode}${addresses.length ? ` ${addresses.join(', ')}` : ''} in ${ms} ms`,
  timings: (t) => `Verbindung ${orDash(t.connectMs)} ms${t.tlsMs !== undefined ? `, TLS ${t.tlsMs} ms` : ''}, erstes Byte ${orDash(t.firstByteMs)} ms, gesamt ${t.totalMs} ms`,
  redirected: (status, from, address) => `HTTP-${status}-Weiterleitung von ${from} (unter ${address})`,
  answeredFor: (url) => `letzte URL: ${url}`,
  httpsFailed: (why) => `https fehlgeschlagen (${why}); stattdessen http versucht`,
} satisfies ReportTexts

export const REPORT_TEXTS: InEveryLanguage<ReportTexts> = { en, de }
