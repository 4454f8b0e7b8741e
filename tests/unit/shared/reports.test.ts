// The plain-text reports a person sends to a site's administrators or to their internet provider, built
// from hand-made diagnoses whose evidence has exactly the shapes the engine's checks record (the evidence
// contract in src/shared/evidence.ts, so a change there shows up here at compile time).
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CheckId, CheckReport, CheckStatus, CheckSummary, DiagnosisReport } from '../../../src/shared/diagnosis'
import type { CheckEvidence, ResolverAnswer, ResolverOrigin } from '../../../src/shared/evidence'
import { buildReport } from '../../../src/shared/reports'

type GatewayData = CheckEvidence['net.gateway']
type InternetData = CheckEvidence['net.internet']
type SiteDnsData = CheckEvidence['site.dns']
type SiteHttpData = CheckEvidence['site.http']
const SYSTEM: ResolverOrigin = { kind: 'system' }
const PUBLIC = (name: string): ResolverOrigin => ({ kind: 'public', name })

const NOW = new Date('2025-03-04T05:06:07.000Z')

const check = (id: CheckId, status: CheckStatus, summary: CheckSummary, evidence?: object): CheckReport =>
  ({ id, status, summary, ...(evidence ? { evidence } : {}), durationMs: 10 }) as CheckReport

// DNS answers as the DNS client returns them (latencies are unrounded performance.now() differences).
const answered = (origin: ResolverOrigin, server: string, latencyMs: number, addresses: string[], type: 'A' | 'AAAA' = 'A'): ResolverAnswer => ({
  resolver: server,
  origin,
  response: {
    ok: true,
    rcode: 'NOERROR',
    answers: addresses.map((data) => ({ name: 'shop.example', type, ttl: 300, data })),
    authorities: [],
    latencyMs,
    transport: 'udp',
    server,
  },
})
const withRcode = (origin: ResolverOrigin, server: string, latencyMs: number, rcode: string): ResolverAnswer => ({
  resolver: server,
  origin,
  response: { ok: true, rcode, answers: [], authorities: [], latencyMs, transport: 'udp', server },
})
const silent = (origin: ResolverOrigin, server: string, latencyMs: number): ResolverAnswer => ({
  resolver: server,
  origin,
  response: { ok: false, code: 'dns.timeout', detail: 'no answer after 2 tries', latencyMs, server },
})

const base = (overrides: Partial<DiagnosisReport>): DiagnosisReport => ({
  target: 'https://shop.example/',
  verdict: { code: 'ok' },
  params: { site: 'shop.example' },
  finishedAt: '2026-11-24T15:00:00.000Z',
  findings: [],
  checks: [],
  fixes: [],
  durationMs: 120,
  ...overrides,
})

// The lab's "site's proxy has a dead upstream" world: the front server answers 502 on one address, the
// other address refuses the connection; every resolver agrees on the address except a silent Quad9.
const siteDns: SiteDnsData = {
  host: 'shop.example',
  system: [
    answered(SYSTEM, '192.0.2.53', 4.37, ['203.0.113.80']),
    answered(SYSTEM, '192.0.2.53', 3.2, [], 'AAAA'),
  ],
  public: [
    answered(PUBLIC('Google'), '8.8.8.8', 12.6, ['203.0.113.80', '203.0.113.81']),
    answered(PUBLIC('Google'), '8.8.8.8', 11.1, ['2001:db8::80'], 'AAAA'),
    silent(PUBLIC('Quad9'), '9.9.9.9', 1000.4),
  ],
}
const siteHttp: SiteHttpData = {
  url: 'https://shop.example/',
  addresses: [
    { address: '203.0.113.80', from: ['system', 'public'] },
    { address: '203.0.113.81', from: ['public'] },
  ],
  fetches: [
    {
      ok: true,
      address: '203.0.113.80',
      status: 502,
      headers: {
        server: 'nginx/1.24.0',
        date: 'Tue, 04 Mar 2025 05:06:05 GMT',
        'content-type': 'text/html',
        'set-cookie': 'session=secret-value',
        via: '1.1 varnish',
        'cf-ray': '8a1b2c3d4e5f-AMS',
        'x-cache': 'MISS',
      },
      bodySnippet: '<html><body>502 Bad Gateway</body></html>',
      timings: { connectMs: 3, tlsMs: 5, firstByteMs: 20, totalMs: 22 },
      tlsProtocol: 'TLSv1.3',
    },
    { ok: false, address: '203.0.113.81', code: 'http.refused', detail: 'ECONNREFUSED', timings: { totalMs: 1 } },
  ],
}
const badGatewayReport = base({
  verdict: { code: 'site-bad-gateway' },
  params: { site: 'shop.example', status: 502, errorSource: 'nginx', errorSourceIsCdn: false },
  findings: [
    { code: 'site-server-error', severity: 'problem' },
    { code: 'site-error-source', severity: 'info' },
  ],
  checks: [
    check('net.interfaces', 'pass', { code: 'interfaces-up', names: ['eth0'] }),
    check('site.dns', 'pass', { code: 'site-found', count: 2 }, siteDns),
    check('site.http', 'fail', { code: 'site-fails', fetches: [{ address: '203.0.113.80', status: 502 }, { address: '203.0.113.81', failure: 'http.refused' }] }, siteHttp),
  ],
})

// The provider's resolvers are broken while the router and the internet answer.
const gateway: GatewayData = {
  gateways: [
    { address: '192.0.2.1', family: 'IPv4', interface: 'eth0' },
    { address: '198.51.100.1', family: 'IPv4', interface: 'wlan0' },
  ],
  answering: ['192.0.2.1'],
}
const internet: InternetData = {
  targets: [
    { address: '1.1.1.1', port: 443, outcome: 'connected', latencyMs: 15 },
    { address: '8.8.8.8', port: 443, outcome: 'timeout', latencyMs: 2000 },
  ],
}
const systemDns: CheckEvidence['dns.system'] = {
  question: 'connectivitycheck.gstatic.com',
  resolversRead: { ok: true, resolvers: [{ address: '192.0.2.53', port: 53 }, { address: '192.0.2.54', port: 53 }], manager: 'plain-file', viaLocalStub: false, upstream: [], searchDomains: [] },
  answers: [silent(SYSTEM, '192.0.2.53', 2001.2), withRcode(SYSTEM, '192.0.2.54', 3.4, 'SERVFAIL')],
}
const publicDns: CheckEvidence['dns.public'] = {
  question: 'connectivitycheck.gstatic.com',
  answers: [answered(PUBLIC('Google'), '8.8.8.8', 12.4, ['142.250.74.3']), withRcode(PUBLIC('Cloudflare'), '1.1.1.1', 9, 'REFUSED')],
}
const ispDnsReport = base({
  verdict: { code: 'dns-system-failing' },
  findings: [{ code: 'system-dns-silent', severity: 'problem' }],
  checks: [
    check('net.interfaces', 'pass', { code: 'interfaces-up', names: ['eth0'] }),
    check('net.gateway', 'pass', { code: 'gateway-answers', address: '192.0.2.1' }, gateway),
    check('net.internet', 'warn', { code: 'internet-reachable', reached: 1, total: 2 }, internet),
    check('dns.system', 'fail', { code: 'resolvers-fail', total: 2, how: 'silent' }, systemDns),
    check('dns.public', 'warn', { code: 'resolvers-answer', answered: 1, total: 2, fastestMs: 12.4 }, publicDns),
    check('site.http', 'fail', { code: 'site-fails', fetches: [{ address: '203.0.113.80', failure: 'http.timeout' }] }, { url: 'https://shop.example/', addresses: [], fetches: [] }),
  ],
})

afterEach(() => {
  vi.useRealTimers()
})

describe("the report for the site's administrators", () => {
  it('names each address with its HTTP status or failure, timings and the headers that reveal who answered, then what each resolver said', () => {
    expect(buildReport('site-admin', badGatewayReport, 'en', NOW)).toBe(
      [
        "NetMend report for the site's administrators",
        'Time (UTC): 2025-03-04T05:06:07.000Z',
        'Site: https://shop.example/',
        'Result: shop.example is broken on its side (502 Bad Gateway) [site-bad-gateway]',
        '',
        'Requested: GET https://shop.example/',
        'Responses, per server address:',
        '  203.0.113.80: HTTP 502 (connect 3 ms, TLS 5 ms, first byte 20 ms, total 22 ms)',
        '    server: nginx/1.24.0',
        '    date: Tue, 04 Mar 2025 05:06:05 GMT',
        '    via: 1.1 varnish',
        '    cf-ray: 8a1b2c3d4e5f-AMS',
        '    x-cache: MISS',
        '  203.0.113.81: connection refused (connect - ms, first byte - ms, total 1 ms)',
        '',
        'Addresses the name resolved to:',
        '  system 192.0.2.53: NOERROR 203.0.113.80 in 4 ms',
        '  system 192.0.2.53: NOERROR in 3 ms',
        '  Google 8.8.8.8: NOERROR 203.0.113.80, 203.0.113.81 in 13 ms',
        '  Google 8.8.8.8: NOERROR 2001:db8::80 in 11 ms',
        '  Quad9 9.9.9.9: no answer after 1000 ms',
        '',
        '- shop.example answered with error 502.',
        '- The error was produced by nginx, the site’s front server.',
        '',
      ].join('\n'),
    )
  })

  it('keeps cookies, content headers and the page body out of the report', () => {
    const text = buildReport('site-admin', badGatewayReport, 'en', NOW)
    expect(text).not.toContain('set-cookie')
    expect(text).not.toContain('secret-value')
    expect(text).not.toContain('content-type')
    expect(text).not.toContain('502 Bad Gateway</body>')
  })

  it('writes the failure in words for an address that could not be fetched, and plain HTTP without a TLS time', () => {
    const plainHttp: SiteHttpData = {
      url: 'http://198.51.100.7:8080/',
      addresses: [{ address: '198.51.100.7', from: [] }],
      fetches: [
        { ok: true, address: '198.51.100.7', status: 200, headers: { server: 'Apache' }, bodySnippet: '', timings: { connectMs: 1, firstByteMs: 4, totalMs: 5 } },
        { ok: false, address: '2001:db8::7', code: 'tls.expired', detail: 'CERT_HAS_EXPIRED', timings: { connectMs: 2, totalMs: 9 } },
      ],
    }
    const text = buildReport(
      'site-admin',
      base({ target: 'http://198.51.100.7:8080/', checks: [check('site.dns', 'pass', { code: 'site-is-address' }, { host: '198.51.100.7', system: [], public: [] }), check('site.http', 'warn', { code: 'site-mixed', fetches: [] }, plainHttp)] }),
      'en',
      NOW,
    )
    expect(text).toContain('  198.51.100.7: HTTP 200 (connect 1 ms, first byte 4 ms, total 5 ms)\n    server: Apache\n')
    expect(text).toContain('  2001:db8::7: certificate expired or not yet valid (connect 2 ms, first byte - ms, total 9 ms)')
    expect(text).not.toContain('TLS ')
  })

  it('shows the redirects followed and the final URL under the answer they led to, and the https attempt given up', () => {
    const journey: SiteHttpData = {
      url: 'https://shop.example/',
      addresses: [{ address: '203.0.113.80', from: ['system'] }],
      fetches: [
        {
          ok: false,
          address: '203.0.113.80',
          code: 'tls.expired',
          detail: 'CERT_HAS_EXPIRED',
          timings: { totalMs: 9 },
          httpsFailure: 'http.refused',
          url: 'https://secure.shop.example/',
          redirects: [{ url: 'http://shop.example/', address: '203.0.113.80', status: 301 }],
        },
      ],
    }
    const text = buildReport('site-admin', base({ checks: [check('site.http', 'fail', { code: 'site-fails', fetches: [] }, journey)] }), 'en', NOW)
    expect(text).toContain(
      '  203.0.113.80: certificate expired or not yet valid (connect - ms, first byte - ms, total 9 ms)\n' +
        '    https failed (connection refused); tried http instead\n' +
        '    HTTP 301 redirect from http://shop.example/ (at 203.0.113.80)\n' +
        '    final URL: https://secure.shop.example/\n',
    )
  })
})

describe("the report for the internet provider", () => {
  it('says which router answers, which internet servers were reached, and what the provider’s and public resolvers answered, then what failed', () => {
    expect(buildReport('isp', ispDnsReport, 'en', NOW)).toBe(
      [
        'NetMend report for the internet provider',
        'Time (UTC): 2025-03-04T05:06:07.000Z',
        'Site: https://shop.example/',
        "Result: Your internet provider's address book is not working [dns-system-failing]",
        '',
        'Router (default gateway):',
        '  192.0.2.1 on eth0: answers',
        '  198.51.100.1 on wlan0: does not answer',
        'Internet servers reached by address:',
        '  1.1.1.1:443 connected (15 ms)',
        '  8.8.8.8:443 timeout (2000 ms)',
        'Your DNS servers (asked for connectivitycheck.gstatic.com):',
        '  system 192.0.2.53: no answer after 2001 ms',
        '  system 192.0.2.54: SERVFAIL in 3 ms',
        'Public DNS servers, same question:',
        '  Google 8.8.8.8: NOERROR 142.250.74.3 in 12 ms',
        '  Cloudflare 1.1.1.1: REFUSED in 9 ms',
        '',
        'What failed:',
        '  - dns.system: All 2 did not answer',
        '  - site.http: No answer at 203.0.113.80',
        "- Your provider's address book did not answer at all.",
        '',
      ].join('\n'),
    )
  })

  it('says plainly when the router does not answer at all', () => {
    const text = buildReport(
      'isp',
      base({
        verdict: { code: 'gateway-unreachable' },
        checks: [check('net.gateway', 'fail', { code: 'gateway-silent', address: '192.0.2.1' }, { gateways: [{ address: '192.0.2.1', family: 'IPv4', interface: 'eth0' }], answering: [] } satisfies GatewayData)],
      }),
      'en',
      NOW,
    )
    expect(text).toContain('  192.0.2.1 on eth0: does not answer\n')
    expect(text).not.toContain(': answers')
    expect(text).toContain('  - net.gateway: Router 192.0.2.1 does not answer')
  })

  it('says when the computer has no router at all (the gateway check found none)', () => {
    const text = buildReport(
      'isp',
      base({ checks: [check('net.gateway', 'fail', { code: 'gateway-missing' }, { gateways: [], answering: [] } satisfies GatewayData)] }),
      'en',
      NOW,
    )
    expect(text).toContain('Router (default gateway):\n  none configured\n')
  })

  it('lists only failed checks under "What failed", not warnings or passes', () => {
    const text = buildReport('isp', ispDnsReport, 'en', NOW)
    const failed = text.slice(text.indexOf('What failed:'))
    expect(failed).not.toContain('net.internet')
    expect(failed).not.toContain('dns.public')
    expect(failed).not.toContain('net.interfaces')
  })
})

describe('both reports', () => {
  it('are the same text for the same diagnosis and time, whatever the clock says when they are built', () => {
    vi.useFakeTimers()
    for (const kind of ['site-admin', 'isp'] as const) {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
      const first = buildReport(kind, badGatewayReport, 'en', NOW)
      vi.setSystemTime(new Date('2031-06-15T12:34:56Z'))
      expect(buildReport(kind, badGatewayReport, 'en', NOW)).toBe(first)
      expect(first).toContain('Time (UTC): 2025-03-04T05:06:07.000Z')
      expect(first).not.toMatch(/203[01]-/)
    }
  })

  it('do not change the diagnosis they are built from', () => {
    const before = structuredClone(badGatewayReport)
    buildReport('site-admin', badGatewayReport, 'en', NOW)
    buildReport('isp', badGatewayReport, 'en', NOW)
    expect(badGatewayReport).toEqual(before)
  })

  // A connection-only run with no network: the site checks are skipped with no evidence, others ran out of
  // time or crashed (whose summary holds the error), and some never reported at all.
  const skippedEverywhere = base({
    target: null,
    verdict: { code: 'no-network' },
    params: {},
    findings: [{ code: 'no-active-interface', severity: 'problem' }],
    checks: [
      check('net.interfaces', 'fail', { code: 'interfaces-none' }, { interfaces: [] }),
      check('net.gateway', 'skipped', { code: 'skipped-no-network' }),
      check('net.internet', 'skipped', { code: 'out-of-time' }),
      check('dns.system', 'skipped', { code: 'crashed', error: 'TypeError: boom' }),
      check('site.dns', 'skipped', { code: 'skipped-no-site' }),
      check('site.http', 'skipped', { code: 'skipped-no-site' }),
    ],
  })
  // site.http skipped because no address was found: the engine still records the URL and empty lists.
  const noAddress = base({
    verdict: { code: 'site-nxdomain' },
    checks: [
      check('site.dns', 'fail', { code: 'site-name-missing' }, { host: 'shop.example', system: [withRcode(SYSTEM, '192.0.2.53', 5, 'NXDOMAIN')], public: [] } satisfies SiteDnsData),
      check('site.http', 'skipped', { code: 'skipped-no-address' }, { url: 'https://shop.example/', addresses: [], fetches: [] } satisfies SiteHttpData),
    ],
  })
  const noChecksAtAll = base({ target: null, checks: [] })

  it.each([
    ['skipped and crashed checks', skippedEverywhere],
    ['a site whose address is unknown', noAddress],
    ['a report without any checks', noChecksAtAll],
  ])('never print "undefined", "NaN" or "[object Object]" for %s', (_name, report) => {
    for (const kind of ['site-admin', 'isp'] as const) {
      const text = buildReport(kind, report, 'en', NOW)
      expect(text).not.toMatch(/undefined|NaN|\[object Object\]|null/)
      expect(text.endsWith('\n')).toBe(true)
      expect(text.endsWith('\n\n')).toBe(false)
    }
  })

  it('fill the gaps with readable placeholders when the evidence is missing', () => {
    const admin = buildReport('site-admin', skippedEverywhere, 'en', NOW)
    expect(admin).toContain('Site: (none given)\n')
    expect(admin).toContain('- No network connection is active: no Wi-Fi and no cable.')

    const isp = buildReport('isp', skippedEverywhere, 'en', NOW)
    expect(isp).toContain('Your DNS servers (asked for -):\n')
    expect(isp).toContain('  - net.interfaces: No active connection\n')
    expect(isp).not.toContain('TypeError')

    expect(buildReport('site-admin', noAddress, 'en', NOW)).toContain('  system 192.0.2.53: NXDOMAIN in 5 ms\n')
  })
})

describe('the time in a report', () => {
  it('is when the diagnosis ended, not when the report is copied', () => {
    const text = buildReport('isp', base({ finishedAt: '2026-11-20T08:30:00.000Z' }), 'en')
    expect(text).toContain('Time (UTC): 2026-11-20T08:30:00.000Z')
  })
})

describe('details a reader must not misread', () => {
  it('says a router that was never checked was not checked (not "none configured")', () => {
    const isp = buildReport('isp', base({ checks: [{ id: 'net.gateway', status: 'skipped', summary: { code: 'out-of-time' }, durationMs: 1 }] }), 'en')
    expect(isp).toContain('Router (default gateway):\n  not checked\n')
    expect(isp).not.toContain('none configured')
  })

  it('writes IPv6 targets with brackets, and DNS failures in words', () => {
    const isp = buildReport(
      'isp',
      base({
        checks: [
          { id: 'net.internet', status: 'pass', summary: { code: 'internet-reachable', reached: 1, total: 1 }, durationMs: 1, evidence: { targets: [{ address: '2001:db8::1', port: 443, outcome: 'connected', latencyMs: 9 }] } },
          { id: 'dns.system', status: 'fail', summary: { code: 'resolvers-fail', total: 1, how: 'silent' }, durationMs: 1, evidence: { question: 'a.example', resolversRead: { ok: false, code: 'resolvers.none', detail: '/etc/resolv.conf' }, answers: [silent(SYSTEM, '192.0.2.53', 3)].map((answer) => ({ ...answer, response: { ...answer.response, code: 'dns.unreachable' as const } })) } },
        ],
      }),
      'en',
    )
    expect(isp).toContain('  [2001:db8::1]:443 connected (9 ms)')
    expect(isp).toContain('system 192.0.2.53: unreachable after 3 ms')
  })

  it('leaves out "What failed:" when nothing failed, and "Requested:" when no site was given', () => {
    expect(buildReport('isp', base({}), 'en')).not.toContain('What failed:')
    expect(buildReport('site-admin', base({ target: null }), 'en')).not.toContain('Requested:')
  })
})
