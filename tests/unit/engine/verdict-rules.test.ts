import { describe, expect, it } from 'vitest'
import type { FixId, VerdictCode } from '../../../src/shared/diagnosis'
import { conclude } from '../../../src/main/engine/diagnose'
import type { Facts } from '../../../src/main/engine/facts'
import { parseSiteTarget } from '../../../src/main/engine/target'

const healthy: Facts = {
  siteGiven: true,
  siteChecked: true,
  hasNetwork: true,
  gatewayKnown: true,
  gatewaySilent: false,
  internetReachable: true,
  systemDnsUnknown: false,
  systemDnsViaStub: false,
  systemDnsFailure: null,
  systemDnsSlow: false,
  publicDnsWorks: true,
  hijacks: false,
  captivePortal: false,
  siteNameMissing: false,
  siteAnswersDisagree: false,
  staleProven: false,
  siteFailure: null,
  siteMixed: false,
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

const stories: Story[] = [
  { story: 'everything works', facts: {}, verdict: 'ok', offered: ['new-browser-session', 'clear-site-data'], notOffered: ['switch-dns', 'contact-isp'] },
  { story: 'no interface is up', facts: { hasNetwork: false, internetReachable: false, publicDnsWorks: false }, verdict: 'no-network', offered: ['retry'], notOffered: DNS_FIXES },
  { story: 'the router is silent and nothing beyond answers', facts: { gatewaySilent: true, internetReachable: false, publicDnsWorks: false, systemDnsFailure: 'silent' }, verdict: 'gateway-unreachable', offered: ['restart-router'], notOffered: DNS_FIXES },
  { story: 'a router that ignores knocks but passes traffic is not blamed', facts: { gatewaySilent: true }, verdict: 'ok', offered: [], notOffered: ['restart-router'] },
  { story: 'the router answers but nothing past it', facts: { internetReachable: false, publicDnsWorks: false, systemDnsFailure: 'silent' }, verdict: 'no-internet', offered: ['restart-router', 'contact-isp'], notOffered: DNS_FIXES },
  { story: 'a sign-in page intercepts the web', facts: { captivePortal: true }, verdict: 'captive-portal', offered: ['new-browser-session'], notOffered: DNS_FIXES },
  { story: 'web ports are blocked while DNS gets out', facts: { internetReachable: false }, verdict: 'firewall-blocked', offered: ['contact-isp'], notOffered: DNS_FIXES },
  { story: 'provider DNS down and outside DNS blocked', facts: { systemDnsFailure: 'silent', publicDnsWorks: false }, verdict: 'dns-blocked', offered: ['contact-isp'], notOffered: ['switch-dns'] },
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
    const conclusion = conclude({ ...healthy, hijacks: true, publicDnsWorks: false }, target)
    expect(conclusion.fixes.map((fix) => fix.id)).not.toContain('switch-dns')
  })

  it('offers switch-dns first for a stale provider answer', () => {
    const conclusion = conclude({ ...healthy, staleProven: true }, target)
    expect(conclusion.fixes[0]?.id).toBe('switch-dns')
  })

  it('names the delivery network that produced a 502', () => {
    const conclusion = conclude({ ...healthy, siteFailure: { kind: 'server-error', status: 502, responder: { name: 'Cloudflare', isCdn: true } } }, target)
    expect(conclusion.verdict.explanation).toContain('Cloudflare')
    expect(conclusion.verdict.explanation).toMatch(/nothing on your computer/i)
  })

  it('without a site, a working connection is ok with nothing to fix', () => {
    const conclusion = conclude({ ...healthy, siteGiven: false, siteChecked: false }, null)
    expect(conclusion.verdict.code).toBe('ok')
    expect(conclusion.fixes).toEqual([])
  })

  it('every verdict, finding and fix has words for people', () => {
    const everything = conclude({ ...healthy, hijacks: true, systemDnsSlow: true, systemDnsViaStub: true }, target)
    for (const text of [everything.verdict.title, everything.verdict.explanation, ...everything.fixes.flatMap((fix) => [fix.title, fix.explanation]), ...everything.findings.map((finding) => finding.explanation)]) {
      expect(text.length).toBeGreaterThan(10)
      expect(text).not.toMatch(/undefined|NaN|\$\{/)
    }
  })
})
