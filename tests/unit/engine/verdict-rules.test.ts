import { describe, expect, it } from 'vitest'
import type { CheckSummary, FindingCode, FixId, VerdictCode } from '../../../src/shared/diagnosis'
import type { FetchJourney, HttpFailureCode, SystemResolversResult } from '../../../src/shared/evidence'
import type { Outcomes, ResolverAnswer } from '../../../src/main/engine/check'
import { conclude } from '../../../src/main/engine/verdict-rules'
import { deriveFacts, type Facts } from '../../../src/main/engine/facts'
import type { PinnedFetchResult } from '../../../src/main/engine/probes/http-pinned'
import { parseSiteTarget } from '../../../src/main/engine/target'
import { describeFinding, describeFix, describeVerdict, DIAGNOSIS_TEXTS } from '../../../src/shared/texts/diagnosis'

const EN = DIAGNOSIS_TEXTS.en

const healthy: Facts = {
  siteGiven: true,
  siteChecked: true,
  hasNetwork: true,
  gatewayKnown: 'yes',
  gatewaySilent: 'no',
  internetReachable: 'yes',
  systemDnsUnknown: false,
  systemDnsViaStub: false,
  systemDnsFailure: null,
  systemDnsSlow: false,
  systemDnsPartlySilent: false,
  publicDnsWorks: 'yes',
  hijacks: false,
  captivePortal: false,
  siteNameMissing: false,
  systemMissesSite: false,
  siteAnswersDisagree: false,
  staleProven: false,
  siteFailure: null,
  siteMixed: false,
  sitePageMissing: null,
  providerBlockPage: false,
  siteDnsBroken: false,
  siteFinalUrl: null,
  siteHttpsFailure: null,
  hostsFile: null,
  siteWorksAtDnsAddress: true,
  proxy: null,
  clockOff: null,
}

const target = (() => {
  const parsed = parseSiteTarget('shop.example')
  if (!parsed.ok) throw new Error('fixture')
  return parsed.target
})()

interface Story {
  story: string
  facts: Partial<Facts>
  verdict: VerdictCode
  offered: FixId[]
  notOffered: FixId[]
}

const DNS_FIXES: FixId[] = ['switch-dns', 'flush-dns-cache']
const OLD_ADDRESS = '203.0.113.81'

const stories: Story[] = [
  { story: 'everything works', facts: {}, verdict: 'ok', offered: ['new-browser-session', 'clear-site-data'], notOffered: ['switch-dns', 'contact-isp'] },
  { story: 'no interface is up', facts: { hasNetwork: false, internetReachable: 'no', publicDnsWorks: 'no' }, verdict: 'no-network', offered: ['retry'], notOffered: DNS_FIXES },
  { story: 'the router is silent and nothing beyond answers', facts: { gatewaySilent: 'yes', internetReachable: 'no', publicDnsWorks: 'no', systemDnsFailure: 'silent' }, verdict: 'gateway-unreachable', offered: ['restart-router'], notOffered: DNS_FIXES },
  { story: 'a router that ignores knocks but passes traffic is not blamed', facts: { gatewaySilent: 'yes' }, verdict: 'ok', offered: [], notOffered: ['restart-router'] },
  { story: 'the router answers but nothing past it', facts: { internetReachable: 'no', publicDnsWorks: 'no', systemDnsFailure: 'silent' }, verdict: 'no-internet', offered: ['restart-router', 'contact-isp'], notOffered: DNS_FIXES },
  { story: 'a sign-in page intercepts the web', facts: { captivePortal: true }, verdict: 'captive-portal', offered: ['new-browser-session'], notOffered: DNS_FIXES },
  { story: 'web ports are blocked while DNS gets out', facts: { internetReachable: 'no' }, verdict: 'firewall-blocked', offered: ['contact-isp'], notOffered: DNS_FIXES },
  { story: 'provider DNS down and outside DNS blocked', facts: { systemDnsFailure: 'silent', publicDnsWorks: 'no' }, verdict: 'dns-blocked', offered: ['contact-isp'], notOffered: ['switch-dns'] },
  { story: 'provider DNS silent, public DNS fine', facts: { systemDnsFailure: 'silent' }, verdict: 'dns-system-failing', offered: ['switch-dns'], notOffered: ['contact-site-admin'] },
  { story: 'provider DNS says SERVFAIL', facts: { systemDnsFailure: 'servfail' }, verdict: 'dns-system-failing', offered: ['switch-dns'], notOffered: ['contact-site-admin'] },
  { story: 'the name exists nowhere', facts: { siteNameMissing: true, siteChecked: false }, verdict: 'site-nxdomain', offered: ['contact-site-admin'], notOffered: DNS_FIXES },
  { story: 'the name exists nowhere even though the provider makes up answers', facts: { siteNameMissing: true, hijacks: true, siteFailure: { kind: 'unreachable', addresses: 1 } }, verdict: 'site-nxdomain', offered: [], notOffered: DNS_FIXES },
  { story: 'the provider has an old address, proven', facts: { staleProven: true, siteAnswersDisagree: true, siteFailure: { kind: 'server-error', status: 502, responder: null } }, verdict: 'dns-stale', offered: ['switch-dns', 'flush-dns-cache'], notOffered: ['contact-site-admin'] },
  { story: 'answers differ but the old address still works: not stale', facts: { siteAnswersDisagree: true }, verdict: 'ok', offered: [], notOffered: ['switch-dns'] },
  { story: 'the site proxy has a dead upstream', facts: { siteFailure: { kind: 'server-error', status: 502, responder: { name: 'nginx', isCdn: false } } }, verdict: 'site-bad-gateway', offered: ['retry', 'watch-site', 'contact-site-admin'], notOffered: [...DNS_FIXES, 'restart-router', 'contact-isp'] },
  { story: 'the site is in maintenance', facts: { siteFailure: { kind: 'server-error', status: 503, responder: null } }, verdict: 'site-unavailable', offered: ['watch-site'], notOffered: DNS_FIXES },
  { story: 'the site upstream hangs', facts: { siteFailure: { kind: 'server-error', status: 504, responder: null } }, verdict: 'site-gateway-timeout', offered: ['watch-site'], notOffered: DNS_FIXES },
  { story: 'the site throws a 500', facts: { siteFailure: { kind: 'server-error', status: 500, responder: null } }, verdict: 'site-error', offered: ['contact-site-admin'], notOffered: DNS_FIXES },
  { story: 'the certificate is rejected', facts: { siteFailure: { kind: 'tls', code: 'tls.untrusted' } }, verdict: 'tls-error', offered: ['contact-site-admin'], notOffered: DNS_FIXES },
  { story: 'the site does not respond', facts: { siteFailure: { kind: 'unreachable', addresses: 2 } }, verdict: 'site-unreachable', offered: ['watch-site'], notOffered: DNS_FIXES },
  { story: 'the provider makes up answers', facts: { hijacks: true }, verdict: 'dns-hijack', offered: ['switch-dns'], notOffered: ['contact-site-admin'] },
  { story: 'the site could not be fetched in time', facts: { siteChecked: false }, verdict: 'inconclusive', offered: ['retry'], notOffered: DNS_FIXES },
  { story: 'the router and internet checks ran out of time, public DNS silent → no router or provider blamed', facts: { gatewayKnown: 'unknown', gatewaySilent: 'unknown', internetReachable: 'unknown', publicDnsWorks: 'no', siteChecked: false }, verdict: 'inconclusive', offered: ['retry'], notOffered: ['restart-router', 'contact-isp'] },
  { story: 'the internet is down and the public DNS check ran out of time → not no-internet', facts: { internetReachable: 'no', publicDnsWorks: 'unknown', siteChecked: false }, verdict: 'inconclusive', offered: ['retry'], notOffered: ['restart-router', 'contact-isp', 'switch-dns'] },
  { story: 'provider DNS silent and the public DNS check ran out of time → not dns-blocked, no switch to resolvers not known to work', facts: { systemDnsFailure: 'silent', publicDnsWorks: 'unknown' }, verdict: 'inconclusive', offered: ['retry'], notOffered: ['switch-dns'] },
  { story: 'the internet check ran out of time while public DNS works, no site → not firewall-blocked', facts: { siteGiven: false, siteChecked: false, internetReachable: 'unknown' }, verdict: 'inconclusive', offered: ['retry'], notOffered: ['contact-isp'] },
  { story: 'no router configured and nothing answers → gateway-unreachable', facts: { gatewayKnown: 'no', gatewaySilent: 'unknown', internetReachable: 'no', publicDnsWorks: 'no' }, verdict: 'gateway-unreachable', offered: ['restart-router'], notOffered: DNS_FIXES },
  { story: 'the provider says the site does not exist while it works elsewhere → switch DNS', facts: { systemMissesSite: true }, verdict: 'dns-system-missing-site', offered: ['switch-dns', 'flush-dns-cache'], notOffered: ['contact-site-admin'] },
  { story: 'a missing page (404) is still ok', facts: { sitePageMissing: 404 }, verdict: 'ok', offered: [], notOffered: ['switch-dns', 'contact-site-admin'] },
  {
    story: 'the hosts file pins the site to a dead address while the DNS address works → remove the line, no DNS change',
    facts: { hostsFile: { path: '/etc/hosts', address: OLD_ADDRESS, os: 'linux', works: false } },
    verdict: 'hosts-file-stale',
    offered: ['remove-hosts-line', 'retry'],
    notOffered: [...DNS_FIXES, 'contact-isp', 'contact-site-admin', 'watch-site'],
  },
  { story: 'a hosts file line that works is no problem', facts: { hostsFile: { path: '/etc/hosts', address: OLD_ADDRESS, os: 'linux', works: true } }, verdict: 'ok', offered: [], notOffered: ['remove-hosts-line'] },
  {
    story: 'the hosts address fails and so does the DNS one → the site is down, the line is not blamed',
    facts: { hostsFile: { path: '/etc/hosts', address: OLD_ADDRESS, os: 'linux', works: false }, siteWorksAtDnsAddress: false, siteFailure: { kind: 'unreachable', addresses: 1 } },
    verdict: 'site-unreachable',
    offered: ['watch-site'],
    notOffered: ['remove-hosts-line'],
  },
  {
    story: "a certificate 'not yet valid' while this computer's clock is days off the servers' → set the clock, the site is not blamed",
    facts: { clockOff: { skewMs: -3 * 86_400_000, os: 'windows' }, siteFailure: { kind: 'tls', code: 'tls.expired' } },
    verdict: 'clock-wrong',
    offered: ['set-clock', 'retry'],
    notOffered: [...DNS_FIXES, 'contact-site-admin', 'watch-site'],
  },
  { story: 'an expired certificate with the clock right → the site is at fault', facts: { siteFailure: { kind: 'tls', code: 'tls.expired' } }, verdict: 'tls-error', offered: ['contact-site-admin'], notOffered: ['set-clock'] },
  {
    story: 'a wrong clock does not explain an untrusted certificate',
    facts: { clockOff: { skewMs: 3 * 86_400_000, os: 'linux' }, siteFailure: { kind: 'tls', code: 'tls.untrusted' } },
    verdict: 'tls-error',
    offered: ['contact-site-admin'],
    notOffered: ['set-clock'],
  },
]

describe('verdict rules', () => {
  it.each(stories)('$story → $verdict', ({ facts, verdict, offered, notOffered }) => {
    const conclusion = conclude({ ...healthy, ...facts }, target)
    const fixes = conclusion.fixes.map((fix) => fix.id)
    expect(conclusion.verdict.code).toBe(verdict)
    for (const fix of offered) expect(fixes).toContain(fix)
    for (const fix of notOffered) expect(fixes).not.toContain(fix)
  })

  it('never suggests switching DNS when public resolvers are unreachable', () => {
    const conclusion = conclude({ ...healthy, hijacks: true, publicDnsWorks: 'no' }, target)
    expect(conclusion.fixes.map((fix) => fix.id)).not.toContain('switch-dns')
  })

  it('offers switch-dns first for a stale provider answer', () => {
    const conclusion = conclude({ ...healthy, staleProven: true }, target)
    expect(conclusion.fixes[0]?.id).toBe('switch-dns')
  })

  it('names the delivery network that produced a 502', () => {
    const conclusion = conclude({ ...healthy, siteFailure: { kind: 'server-error', status: 502, responder: { name: 'Cloudflare', isCdn: true } } }, target)
    const { explanation } = describeVerdict({ ...conclusion, checks: [], durationMs: 0, finishedAt: '' }, EN)
    expect(explanation).toContain('Cloudflare')
    expect(explanation).toMatch(/nothing on your computer/i)
  })

  it('without a site, a working connection is ok with nothing to fix', () => {
    const conclusion = conclude({ ...healthy, siteGiven: false, siteChecked: false }, null)
    expect(conclusion.verdict.code).toBe('ok')
    expect(conclusion.fixes).toEqual([])
  })

  it('every verdict, finding and fix has words for people', () => {
    const everything = { ...conclude({ ...healthy, hijacks: true, systemDnsSlow: true, systemDnsViaStub: true }, target), checks: [], durationMs: 0, finishedAt: '' }
    const verdict = describeVerdict(everything, EN)
    const fixes = everything.fixes.flatMap((fix) => Object.values(describeFix(fix, everything, EN)))
    for (const text of [verdict.title, verdict.explanation, ...fixes, ...everything.findings.map((finding) => describeFinding(finding, everything, EN))]) {
      expect(text.length).toBeGreaterThan(10)
      expect(text).not.toMatch(/undefined|NaN|\$\{/)
    }
  })
})

// ---------------------------------------------------------------------------------------------------------
// From what the checks recorded to what the person is told: deriveFacts and the rules together.

const OLD = '203.0.113.81'
const CURRENT = '203.0.113.80'
const INTERNAL = '10.0.0.8'

const dns = (resolver: string, reply: { addresses?: string[]; rcode?: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL'; latencyMs?: number } | 'timeout'): ResolverAnswer => ({
  resolver,
  origin: { kind: 'system' },
  response:
    reply === 'timeout'
      ? { ok: false, code: 'dns.timeout', detail: 'no answer', latencyMs: 1000, server: resolver }
      : {
          ok: true,
          rcode: reply.rcode ?? 'NOERROR',
          answers: (reply.addresses ?? []).map((data) => ({ name: 'shop.example', type: 'A', ttl: 60, data })),
          authorities: [],
          latencyMs: reply.latencyMs ?? 5,
          transport: 'udp',
          server: resolver,
        },
})
const page = (address: string, status: number, secure = false): PinnedFetchResult => ({
  ok: true,
  address,
  status,
  headers: {},
  bodySnippet: '',
  timings: { totalMs: 20 },
  ...(secure ? { tlsProtocol: 'TLSv1.3' } : {}),
})
const answer = (address: string, status: number, headers: Record<string, string>, bodySnippet: string): PinnedFetchResult => ({
  ok: true,
  address,
  status,
  headers,
  bodySnippet,
  timings: { totalMs: 20 },
  tlsProtocol: 'TLSv1.3',
})
const failedFetch = (address: string, code: HttpFailureCode, journey: FetchJourney = {}): PinnedFetchResult => ({ ok: false, address, code, detail: code, timings: { totalMs: 100 }, ...journey })
const skipped = { status: 'skipped' as const, summary: { code: 'out-of-time' as const } }
// The summary plays no part in the verdict.
const ANY_SUMMARY: CheckSummary = { code: 'out-of-time' }
const SYSTEM_READ: SystemResolversResult = { ok: true, resolvers: [{ address: '192.0.2.53', port: 53 }], manager: 'plain-file', viaLocalStub: false, upstream: [], searchDomains: [] }

function healthyOutcomes(): Outcomes {
  return {
    'net.interfaces': { status: 'pass', summary: ANY_SUMMARY, evidence: { interfaces: [] } },
    'net.gateway': { status: 'pass', summary: ANY_SUMMARY, evidence: { gateways: [{ address: '192.0.2.1', family: 'IPv4', interface: 'eth0' }], answering: ['192.0.2.1'] } },
    'net.internet': { status: 'pass', summary: ANY_SUMMARY, evidence: { targets: [{ address: '1.1.1.1', port: 443, outcome: 'connected', latencyMs: 5 }] } },
    'dns.system': { status: 'pass', summary: ANY_SUMMARY, evidence: { question: 'x', resolversRead: SYSTEM_READ, answers: [dns('192.0.2.53', { addresses: ['192.0.2.9'] })] } },
    'dns.public': { status: 'pass', summary: ANY_SUMMARY, evidence: { question: 'x', answers: [dns('8.8.8.8', { addresses: ['192.0.2.9'] })] } },
    'dns.hijack': { status: 'pass', summary: ANY_SUMMARY, evidence: { question: 'y', system: [dns('192.0.2.53', { rcode: 'NXDOMAIN' })], public: [] } },
    'portal.captive': { status: 'pass', summary: ANY_SUMMARY, evidence: { url: 'http://check.example/generate_204' } },
    'site.dns': { status: 'pass', summary: ANY_SUMMARY, evidence: { host: 'shop.example', system: [dns('192.0.2.53', { addresses: [CURRENT] })], public: [dns('8.8.8.8', { addresses: [CURRENT] })] } },
    'site.http': { status: 'pass', summary: ANY_SUMMARY, evidence: { url: 'https://shop.example/', addresses: [], fetches: [page(CURRENT, 200, true)], timeoutMs: 3400 } },
  }
}

interface EvidenceStory {
  story: string
  change: (outcomes: Outcomes) => void
  verdict: VerdictCode
  offeredFirst?: FixId
  notOffered?: FixId[]
  findings?: FindingCode[]
  noFindings?: FindingCode[]
  says?: RegExp
  doesNotSay?: RegExp
}

const siteDns = (system: ResolverAnswer[], pub: ResolverAnswer[]) => (o: Outcomes) => {
  o['site.dns'] = { status: 'pass', summary: ANY_SUMMARY, evidence: { host: 'shop.example', system, public: pub } }
}
const siteFetches = (fetches: PinnedFetchResult[], timeoutMs = 3400) => (o: Outcomes) => {
  o['site.http'] = { status: 'pass', summary: ANY_SUMMARY, evidence: { url: 'https://shop.example/', addresses: [], fetches, timeoutMs } }
}
const both =
  (...changes: ((o: Outcomes) => void)[]) =>
  (o: Outcomes) => {
    for (const change of changes) change(o)
  }
const internetBlocked = (o: Outcomes) => {
  o['net.internet'] = { status: 'fail', summary: ANY_SUMMARY, evidence: { targets: [{ address: '1.1.1.1', port: 443, outcome: 'timeout', latencyMs: 2000 }] } }
}

const evidenceStories: EvidenceStory[] = [
  { story: 'everything recorded works', change: () => undefined, verdict: 'ok', says: /answered normally/ },
  // 3: a check that ran out of time is no evidence of anything
  {
    story: 'the router check ran out of time, nothing else known → no "no router" claims',
    change: (o) => {
      o['net.gateway'] = skipped
      o['net.internet'] = skipped
      o['dns.public'] = { status: 'fail', summary: ANY_SUMMARY, evidence: { question: 'x', answers: [dns('8.8.8.8', 'timeout')] } }
      o['portal.captive'] = skipped
      o['site.http'] = skipped
    },
    verdict: 'inconclusive',
    noFindings: ['no-default-gateway', 'gateway-silent', 'internet-unreachable', 'web-ports-blocked'],
  },
  {
    story: 'the internet check ran out of time while public DNS answers → not firewall-blocked',
    change: (o) => {
      o['net.internet'] = skipped
      o['portal.captive'] = skipped
      o['site.http'] = skipped
    },
    verdict: 'inconclusive',
    noFindings: ['web-ports-blocked'],
  },
  {
    story: 'the router check found no gateway at all → told so',
    change: (o) => {
      o['net.gateway'] = { status: 'fail', summary: ANY_SUMMARY, evidence: { gateways: [], answering: [] } }
    },
    verdict: 'ok',
    findings: ['no-default-gateway'],
  },
  {
    story: 'provider DNS silent and the public DNS check ran out of time, nothing else → not dns-blocked',
    change: (o) => {
      o['dns.system'] = { status: 'fail', summary: ANY_SUMMARY, evidence: { question: 'x', resolversRead: SYSTEM_READ, answers: [dns('192.0.2.53', 'timeout')] } }
      o['dns.public'] = skipped
      o['dns.hijack'] = skipped
      o['site.dns'] = skipped
      o['site.http'] = skipped
    },
    verdict: 'inconclusive',
    notOffered: ['switch-dns', 'restart-router'],
  },
  {
    story: "the public DNS check ran out of time, but public resolvers answered the site's lookup → provider DNS failing, switch",
    change: (o) => {
      o['dns.system'] = { status: 'fail', summary: ANY_SUMMARY, evidence: { question: 'x', resolversRead: SYSTEM_READ, answers: [dns('192.0.2.53', 'timeout')] } }
      o['dns.public'] = skipped
      o['site.dns'] = { status: 'pass', summary: ANY_SUMMARY, evidence: { host: 'shop.example', system: [dns('192.0.2.53', 'timeout')], public: [dns('8.8.8.8', { addresses: [CURRENT] })] } }
    },
    verdict: 'dns-system-failing',
    offeredFirst: 'switch-dns',
  },
  // 4: a site that answered proves the internet works
  {
    story: 'anycast targets blocked by the company firewall, but the site loaded → not firewall-blocked',
    change: internetBlocked,
    verdict: 'ok',
    noFindings: ['web-ports-blocked', 'internet-unreachable'],
  },
  {
    story: 'anycast targets blocked, no site given, the sign-in test got its 204 → internet works',
    change: both(internetBlocked, (o) => {
      delete o['site.dns']
      delete o['site.http']
    }),
    verdict: 'ok',
    noFindings: ['web-ports-blocked'],
  },
  // 5: the provider says "no such name" for a site that exists and works
  {
    story: 'the provider answers NXDOMAIN for a site public resolvers find and that works → switch DNS first',
    change: siteDns([dns('192.0.2.53', { rcode: 'NXDOMAIN' })], [dns('8.8.8.8', { addresses: [CURRENT] })]),
    verdict: 'dns-system-missing-site',
    offeredFirst: 'switch-dns',
    notOffered: ['contact-site-admin'],
    findings: ['system-dns-misses-site'],
    says: /says shop\.example does not exist/,
    doesNotSay: /old address/,
  },
  {
    story: 'the provider answers with no address at all, the site works at the public address → switch DNS first',
    change: siteDns([dns('192.0.2.53', {})], [dns('8.8.8.8', { addresses: [CURRENT] })]),
    verdict: 'dns-system-missing-site',
    offeredFirst: 'switch-dns',
    findings: ['system-dns-misses-site'],
  },
  // 6: names only the system knows are not "nowhere"
  {
    story: 'an internal name only the company resolver knows, public ones say NXDOMAIN → not site-nxdomain',
    change: both(siteDns([dns('192.0.2.53', { addresses: [INTERNAL] })], [dns('8.8.8.8', { rcode: 'NXDOMAIN' })]), siteFetches([page(INTERNAL, 200, true)])),
    verdict: 'ok',
    noFindings: ['site-name-missing'],
  },
  // 7: a page that loaded securely outranks the sign-in test
  {
    story: 'the sign-in test looked odd but the site loaded over HTTPS → not captive-portal',
    change: (o) => {
      o['portal.captive'] = { status: 'fail', summary: ANY_SUMMARY, evidence: { url: 'http://check.example/generate_204' } }
    },
    verdict: 'ok',
    noFindings: ['captive-portal-detected'],
  },
  {
    story: 'a sign-in page and the site only "answered" over plain HTTP → captive-portal',
    change: both(
      (o) => {
        o['portal.captive'] = { status: 'fail', summary: ANY_SUMMARY, evidence: { url: 'http://check.example/generate_204' } }
      },
      siteFetches([page(CURRENT, 200)]),
    ),
    verdict: 'captive-portal',
  },
  // 8: a fetch cut short proves nothing
  {
    story: 'the only fetch timed out with 900 ms of its own → inconclusive, not site-unreachable',
    change: siteFetches([failedFetch(CURRENT, 'http.timeout')], 900),
    verdict: 'inconclusive',
    noFindings: ['site-unreachable-at-address'],
  },
  {
    story: 'the fetch timed out with its full time → site-unreachable',
    change: siteFetches([failedFetch(CURRENT, 'http.timeout')], 3400),
    verdict: 'site-unreachable',
  },
  {
    story: 'a refusal is an answer even with little time → site-unreachable',
    change: siteFetches([failedFetch(CURRENT, 'http.refused')], 900),
    verdict: 'site-unreachable',
  },
  // 10: stale only when no address the system gave works
  {
    story: 'the system gives [old, shared]; shared works → mixed, not stale',
    change: both(
      siteDns([dns('192.0.2.53', { addresses: [OLD, CURRENT] })], [dns('8.8.8.8', { addresses: [CURRENT, '203.0.113.82'] })]),
      siteFetches([page(OLD, 502), page(CURRENT, 200, true), page('203.0.113.82', 200, true)]),
    ),
    verdict: 'ok',
    findings: ['site-answers-differ'],
    noFindings: ['stale-address-proven'],
  },
  {
    story: 'the system gives only the old address, which fails; public one works → stale',
    change: both(siteDns([dns('192.0.2.53', { addresses: [OLD] })], [dns('8.8.8.8', { addresses: [CURRENT] })]), siteFetches([page(OLD, 502), page(CURRENT, 200, true)])),
    verdict: 'dns-stale',
    offeredFirst: 'switch-dns',
    says: /old address/,
  },
  // 11: slow means slow, not "one of two answered"
  {
    story: 'one of two provider resolvers silent, the other fast → not "slow", but "one does not answer"',
    change: (o) => {
      o['dns.system'] = { status: 'warn', summary: ANY_SUMMARY, evidence: { question: 'x', resolversRead: SYSTEM_READ, answers: [dns('192.0.2.53', { addresses: ['192.0.2.9'], latencyMs: 8 }), dns('192.0.2.54', 'timeout')] } }
    },
    verdict: 'ok',
    findings: ['system-dns-partly-silent'],
    noFindings: ['system-dns-slow'],
  },
  {
    story: 'the fastest provider resolver takes 800 ms → slow',
    change: (o) => {
      o['dns.system'] = { status: 'warn', summary: ANY_SUMMARY, evidence: { question: 'x', resolversRead: SYSTEM_READ, answers: [dns('192.0.2.53', { addresses: ['192.0.2.9'], latencyMs: 800 })] } }
    },
    verdict: 'ok',
    findings: ['system-dns-slow'],
  },
  // 20: "page not found" is not "works"
  {
    story: 'the site answers 404 → ok, but told the page does not exist',
    change: siteFetches([page(CURRENT, 404, true)]),
    verdict: 'ok',
    findings: ['site-page-not-found'],
    says: /does not exist \(error 404\)/,
    doesNotSay: /answered normally|works from here/,
  },
  {
    story: 'the site answers 410 → ok, page gone',
    change: siteFetches([page(CURRENT, 410, true)]),
    verdict: 'ok',
    findings: ['site-page-not-found'],
  },  // Browser-like fetching: the answer judged is the last one after the redirects.
  {
    story: 'http → https redirect to an expired certificate → not works, tls-error',
    change: siteFetches([failedFetch(CURRENT, 'tls.expired', { url: 'https://shop.example/', redirects: [{ url: 'http://shop.example/', address: CURRENT, status: 301 }] })]),
    verdict: 'tls-error',
    notOffered: DNS_FIXES,
    findings: ['site-redirected'],
    says: /expired/,
  },
  {
    story: 'a redirect loop → the site sends the browser nowhere, no DNS fixes',
    change: siteFetches([failedFetch(CURRENT, 'http.redirect-loop', { redirects: [{ url: 'https://shop.example/a', address: CURRENT, status: 302 }] })]),
    verdict: 'site-redirect-broken',
    offeredFirst: 'retry',
    notOffered: [...DNS_FIXES, 'clear-site-data', 'contact-isp'],
    says: /round in a circle/,
  },
  {
    story: "a CDN firewall's 403 block page → the site's firewall blocks this connection",
    change: siteFetches([answer(CURRENT, 403, { 'cf-ray': '8c1f-AMS', server: 'cloudflare' }, '<title>Attention Required! | Cloudflare</title> Sorry, you have been blocked')]),
    verdict: 'site-firewall-blocked',
    offeredFirst: 'contact-site-admin',
    notOffered: [...DNS_FIXES, 'clear-site-data', 'contact-isp'],
    says: /Cloudflare refused this connection/,
  },
  {
    story: "a CDN's browser challenge (a browser passes it) → ok",
    change: siteFetches([answer(CURRENT, 403, { 'cf-ray': '8c1f-AMS', 'cf-mitigated': 'challenge' }, '<title>Just a moment...</title>')]),
    verdict: 'ok',
  },
  {
    story: "the site's own 403 (no firewall's block page) → ok, a page problem",
    change: siteFetches([answer(CURRENT, 403, { server: 'nginx' }, '403 Forbidden')]),
    verdict: 'ok',
  },
  {
    story: '429 with Retry-After → the site limits requests: wait, watch first',
    change: siteFetches([answer(CURRENT, 429, { 'retry-after': '120' }, 'slow down')]),
    verdict: 'site-rate-limited',
    offeredFirst: 'watch-site',
    notOffered: [...DNS_FIXES, 'contact-isp'],
    says: /wait about 2 minutes/,
  },
  {
    story: '451 at every address → blocked on the way, no DNS switch (the public address is blocked too)',
    change: siteFetches([answer(CURRENT, 451, {}, 'Unavailable for legal reasons')]),
    verdict: 'provider-blocks-site',
    notOffered: DNS_FIXES,
    says: /legal reasons/,
  },
  {
    story: "a block page only at the provider's address, the site at the public one → provider block, public DNS offered",
    change: both(siteDns([dns('192.0.2.53', { addresses: [OLD] })], [dns('8.8.8.8', { addresses: [CURRENT] })]), siteFetches([answer(OLD, 451, {}, 'blocked'), page(CURRENT, 200, true)])),
    verdict: 'provider-blocks-site',
    offeredFirst: 'switch-dns',
    findings: ['provider-block-page'],
    noFindings: ['stale-address-proven'],
    says: /block page instead of the site/,
  },
  {
    story: '407 from a proxy → a proxy wants a sign-in, nothing for the site or DNS',
    change: siteFetches([answer(CURRENT, 407, { 'proxy-authenticate': 'Basic realm="office"' }, '')]),
    verdict: 'proxy-sign-in',
    notOffered: [...DNS_FIXES, 'contact-site-admin', 'watch-site'],
  },
  {
    story: "Cloudflare's 522 → names Cloudflare and the site's own server",
    change: siteFetches([answer(CURRENT, 522, { 'cf-ray': '8c1f-AMS', server: 'cloudflare' }, '')]),
    verdict: 'site-error',
    notOffered: DNS_FIXES,
    says: /Cloudflare could not get a connection to the site's own server/,
  },
  {
    story: "a 507 from the site's own server → out of storage, the site's fault",
    change: siteFetches([answer(CURRENT, 507, { server: 'Apache' }, '')]),
    verdict: 'site-error',
    notOffered: DNS_FIXES,
    says: /run out of storage space.*Apache/,
  },
  {
    story: "the site's name fails at every resolver while other names resolve → the site's DNS is broken, no DNS switch",
    change: both(siteDns([dns('192.0.2.53', { rcode: 'SERVFAIL' })], [dns('8.8.8.8', 'timeout'), dns('1.1.1.1', { rcode: 'SERVFAIL' })]), (o) => (o['site.http'] = skipped)),
    verdict: 'site-dns-broken',
    offeredFirst: 'retry',
    notOffered: [...DNS_FIXES, 'contact-isp'],
    findings: ['site-dns-failing'],
  },
  {
    story: 'a bare name that answered only over http → ok, told it is not encrypted',
    change: siteFetches([{ ...answer(CURRENT, 200, {}, 'shop'), url: 'http://shop.example/', httpsFailure: 'http.refused' }]),
    verdict: 'ok',
    findings: ['site-only-plain-http'],
  },
]

describe('verdicts from recorded evidence', () => {
  it.each(evidenceStories)('$story → $verdict', ({ change, verdict, offeredFirst, notOffered = [], findings = [], noFindings = [], says, doesNotSay }) => {
    const outcomes = healthyOutcomes()
    change(outcomes)
    const conclusion = conclude(deriveFacts(outcomes, outcomes['site.http'] !== undefined), target)
    const fixes = conclusion.fixes.map((fix) => fix.id)
    const found = conclusion.findings.map((finding) => finding.code)
    expect(conclusion.verdict.code).toBe(verdict)
    if (offeredFirst) expect(fixes[0]).toBe(offeredFirst)
    for (const fix of notOffered) expect(fixes).not.toContain(fix)
    for (const code of findings) expect(found).toContain(code)
    for (const code of noFindings) expect(found).not.toContain(code)
    const { title, explanation } = describeVerdict({ ...conclusion, checks: [], durationMs: 0, finishedAt: '' }, EN)
    const words = `${title} ${explanation}`
    if (says) expect(words).toMatch(says)
    if (doesNotSay) expect(words).not.toMatch(doesNotSay)
  })
})
