// Each story: a world of real servers, the CLI run on its client machine, and what the person is told.
import { describe, expect, it } from 'vitest'
import type { FixId, VerdictCode } from '../../src/shared/diagnosis'
import { labUnavailableReason } from './availability'
import { checkStatus, diagnoseInWorld, fixIds, type CliRun } from './diagnose-in-world'
import { LAB, type WorldName } from './lab'
import { expectTold, worldsOnDemand } from './stories'

const SITE = `http://${LAB.siteName}/`
const unavailable = labUnavailableReason()
if (unavailable) console.log(`skipped suite tests/lab/scenarios.test.ts: ${unavailable}`)

const DNS_FIXES: FixId[] = ['switch-dns', 'flush-dns-cache']

interface Story {
  story: string
  world: WorldName
  site?: string
  verdict: VerdictCode
  offered: FixId[]
  notOffered: FixId[]
  also?: (run: CliRun) => void
}

const stories: Story[] = [
  {
    story: 'everything is healthy → ok, exit 0, nothing to repair on the network',
    world: 'healthy',
    site: SITE,
    verdict: 'ok',
    offered: ['new-browser-session'],
    notOffered: ['switch-dns', 'restart-router', 'contact-isp', 'contact-site-admin'],
    also: (run) => {
      expect(run.code).toBe(0)
      expect(run.report.checks.every((check) => check.status === 'pass')).toBe(true)
    },
  },
  {
    story: "the site's proxy has a dead upstream → a 502 from nginx, the site's fault, no DNS switch",
    world: 'site-bad-gateway',
    site: SITE,
    verdict: 'site-bad-gateway',
    offered: ['retry', 'watch-site', 'contact-site-admin'],
    notOffered: [...DNS_FIXES, 'restart-router', 'contact-isp'],
    also: (run) => {
      expect(run.report.verdict.explanation).toContain('nginx')
      expect(run.report.verdict.explanation).toMatch(/nothing on your computer/i)
    },
  },
  { story: 'the site is in maintenance → 503', world: 'site-unavailable', site: SITE, verdict: 'site-unavailable', offered: ['watch-site', 'contact-site-admin'], notOffered: DNS_FIXES },
  { story: "the site's upstream hangs → 504", world: 'site-gateway-timeout', site: SITE, verdict: 'site-gateway-timeout', offered: ['watch-site', 'contact-site-admin'], notOffered: DNS_FIXES },
  {
    story: "the ISP's resolver is silent while public ones answer → switch DNS first",
    world: 'isp-silent',
    site: SITE,
    verdict: 'dns-system-failing',
    offered: ['switch-dns', 'contact-isp'],
    notOffered: ['contact-site-admin', 'watch-site'],
    also: (run) => {
      expect(fixIds(run)[0]).toBe('switch-dns')
      expect(run.report.findings.map((finding) => finding.code)).toContain('system-dns-silent')
    },
  },
  {
    story: "the ISP's resolver answers SERVFAIL → switch DNS",
    world: 'isp-servfail',
    site: SITE,
    verdict: 'dns-system-failing',
    offered: ['switch-dns'],
    notOffered: ['contact-site-admin'],
    also: (run) => expect(run.report.findings.map((finding) => finding.code)).toContain('system-dns-servfail'),
  },
  {
    story: "the ISP's resolver still has the site's old address (502 there, 200 at the new one) → stale, proven",
    world: 'isp-stale',
    site: SITE,
    verdict: 'dns-stale',
    offered: ['switch-dns', 'flush-dns-cache'],
    notOffered: ['contact-site-admin', 'watch-site'],
    also: (run) => {
      expect(fixIds(run)[0]).toBe('switch-dns')
      const fetches = (run.report.checks.find((check) => check.id === 'site.http')?.evidence.fetches ?? []) as { address: string; status?: number }[]
      expect(fetches.find((fetch) => fetch.address === LAB.oldSite)?.status).toBe(502)
      expect(fetches.find((fetch) => fetch.address === LAB.site)?.status).toBe(200)
    },
  },
  {
    story: "the ISP's resolver says the site does not exist while public ones find it and it works → switch DNS first, not the site's fault",
    world: 'isp-blocks-site',
    site: SITE,
    verdict: 'dns-system-missing-site',
    offered: ['switch-dns', 'flush-dns-cache', 'contact-isp'],
    notOffered: ['contact-site-admin', 'watch-site', 'restart-router'],
    also: (run) => {
      expect(fixIds(run)[0]).toBe('switch-dns')
      const findings = run.report.findings.map((finding) => finding.code)
      expect(findings).toContain('system-dns-misses-site')
      expect(findings).not.toContain('site-name-missing')
      expect(run.report.verdict.title).toMatch(/does not exist — but it does/)
      expect(run.code).toBe(1)
    },
  },
  {
    story: 'a name that exists nowhere → site-nxdomain, and no DNS change could help',
    world: 'healthy',
    site: 'http://nowhere.lab.test/',
    verdict: 'site-nxdomain',
    offered: [],
    notOffered: [...DNS_FIXES, 'restart-router'],
  },
  {
    story: "the ISP answers for names that don't exist → dns-hijack, switch DNS",
    world: 'isp-hijack',
    site: SITE,
    verdict: 'dns-hijack',
    offered: ['switch-dns'],
    notOffered: ['contact-site-admin', 'restart-router'],
    also: (run) => expect(checkStatus(run, 'dns.hijack')).toBe('fail'),
  },
  {
    story: 'the ISP resolver is down and outside DNS is blocked → dns-blocked, never a switch to unreachable resolvers',
    world: 'dns-blocked-isp-down',
    site: SITE,
    verdict: 'dns-blocked',
    offered: ['contact-isp'],
    notOffered: ['switch-dns', 'contact-site-admin'],
    also: (run) => expect(checkStatus(run, 'net.internet')).toBe('pass'),
  },
  {
    story: 'web ports are blocked while DNS gets out → firewall-blocked',
    world: 'web-blocked',
    site: SITE,
    verdict: 'firewall-blocked',
    offered: ['contact-isp'],
    notOffered: [...DNS_FIXES, 'contact-site-admin'],
  },
  {
    story: 'nothing past the gateway → no-internet, restart the router',
    world: 'no-internet',
    site: SITE,
    verdict: 'no-internet',
    offered: ['restart-router', 'contact-isp'],
    notOffered: [...DNS_FIXES, 'contact-site-admin'],
    also: (run) => expect(checkStatus(run, 'net.gateway')).toBe('pass'),
  },
  {
    story: 'the gateway does not answer → gateway-unreachable',
    world: 'gateway-down',
    site: SITE,
    verdict: 'gateway-unreachable',
    offered: ['restart-router'],
    notOffered: [...DNS_FIXES, 'contact-site-admin'],
    also: (run) => expect(checkStatus(run, 'net.gateway')).toBe('fail'),
  },
  {
    story: 'no network at all → no-network, every other check skipped',
    world: 'no-network',
    site: SITE,
    verdict: 'no-network',
    offered: ['retry'],
    notOffered: [...DNS_FIXES, 'contact-site-admin', 'contact-isp'],
    also: (run) => expect(run.report.checks.filter((check) => check.id !== 'net.interfaces').every((check) => check.status === 'skipped')).toBe(true),
  },
  {
    story: 'a hotel sign-in page intercepts the web → captive-portal',
    world: 'captive-portal',
    site: SITE,
    verdict: 'captive-portal',
    offered: ['new-browser-session'],
    notOffered: [...DNS_FIXES, 'contact-site-admin'],
    also: (run) => expect(run.report.checks.find((check) => check.id === 'portal.captive')?.summary).toContain(LAB.portalName),
  },
  {
    story: "the site's certificate is self-signed → tls-error",
    world: 'healthy',
    site: `https://${LAB.siteName}/`,
    verdict: 'tls-error',
    offered: ['contact-site-admin'],
    notOffered: DNS_FIXES,
  },
  {
    story: 'no site given on a healthy network → ok, exit 0, site checks skipped',
    world: 'healthy',
    verdict: 'ok',
    offered: [],
    notOffered: ['switch-dns', 'restart-router'],
    also: (run) => {
      expect(run.code).toBe(0)
      expect(checkStatus(run, 'site.http')).toBe('skipped')
    },
  },
]

describe.skipIf(unavailable)('lab scenarios: netmend diagnose --json on the client machine', () => {
  const worldFor = worldsOnDemand()

  it.each(stories)('$story', async (story) => {
    const run = await diagnoseInWorld(await worldFor(story.world), story.site)
    expectTold(run, story, run.report.checks.map((check) => [check.id, check.status, check.summary, check.id === 'net.interfaces' ? check.evidence : null]))
    story.also?.(run)
  })

  it('ends within its budget when every upstream is silent', async () => {
    const run = await diagnoseInWorld(await worldFor('everything-silent'), SITE)
    // The budget under test (4 s) bounds the diagnosis itself; starting Node in the namespace is the machine's business.
    expect(run.report.durationMs).toBeLessThanOrEqual(4000)
    expect(run.report.verdict.code).toBe('gateway-unreachable')
  })

  it('prints exactly one JSON document with the documented keys', async () => {
    const run = await diagnoseInWorld(await worldFor('healthy'), SITE)
    expect(Object.keys(run.report)).toEqual(['verdict', 'findings', 'checks', 'fixes', 'durationMs'])
    for (const check of run.report.checks) {
      expect(Object.keys(check)).toEqual(['id', 'status', 'summary', 'evidence'])
      expect(['pass', 'warn', 'fail', 'skipped']).toContain(check.status)
    }
    expect(run.stderr).toBe('')
  })
})
