// Stories of sites that answer a browser in every way a site can: redirects, certificates on a later hop,
// firewalls, limits, blocks, every server error, a broken name, a bare name over plain http, and sign-in
// page checks at an IP address. Real nginx and dnsmasq (tests/lab/web-cases.ts), the CLI on the client.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FixId, VerdictCode } from '../../src/shared/diagnosis'
import { labUnavailableReason } from './availability'
import { CLI_BUNDLE, diagnoseInWorld, fixIds, type CliRun } from './diagnose-in-world'
import { LAB, LAB_NETMEND_CONFIG, type World } from './lab'
import { expectTold, worldsOnDemand, type ToldStory } from './stories'
import { serverErrorName, WEB, WEB_CA, WEB_NAMES, WEB_SERVER_ERRORS } from './web-cases'

const unavailable = labUnavailableReason()
if (unavailable) console.log(`skipped suite tests/lab/web-scenarios.test.ts: ${unavailable}`)

const DNS_FIXES: FixId[] = ['switch-dns', 'flush-dns-cache']
const N = WEB_NAMES

interface Story extends ToldStory {
  story: string
  site: string
  also?: (run: CliRun) => void
}

interface SiteFetch {
  ok: boolean
  status?: number
  code?: string
  url?: string
  httpsFailure?: string
  redirects?: { url: string; status: number; address: string }[]
}
const siteFetches = (run: CliRun): SiteFetch[] => (run.report.checks.find((check) => check.id === 'site.http')?.evidence.fetches ?? []) as SiteFetch[]
const findings = (run: CliRun): string[] => run.report.findings.map((finding) => finding.code)

const stories: Story[] = [
  {
    story: 'http → https on the same name with a valid certificate → works, and the way there is recorded',
    site: `http://${N.secure}/`,
    verdict: 'ok',
    offered: ['new-browser-session'],
    notOffered: ['contact-site-admin', 'switch-dns'],
    also: (run) => {
      const [fetch] = siteFetches(run)
      expect(fetch?.status).toBe(200)
      expect(fetch?.url).toBe(`https://${N.secure}/`)
      expect(fetch?.redirects).toEqual([{ url: `http://${N.secure}/`, address: WEB.address, status: 301 }])
      expect(findings(run)).toContain('site-redirected')
    },
  },
  {
    story: 'http redirect to another name whose certificate expired → not "works": a certificate problem, the site\'s to fix',
    site: `http://${N.moved}/`,
    verdict: 'tls-error',
    offered: ['contact-site-admin'],
    notOffered: [...DNS_FIXES, 'new-browser-session'],
    also: (run) => {
      const [fetch] = siteFetches(run)
      expect(fetch?.code).toBe('tls.expired')
      expect(fetch?.redirects?.map((hop) => hop.status)).toEqual([301])
      expect(run.report.verdict.explanation).toMatch(/expired/)
    },
  },
  {
    story: 'a certificate made out for another name → tls-error',
    site: `https://${N.wrongName}/`,
    verdict: 'tls-error',
    offered: ['contact-site-admin'],
    notOffered: DNS_FIXES,
    also: (run) => expect(run.report.verdict.explanation).toMatch(/another site/),
  },
  {
    story: 'a redirect loop → not "works": the site sends the browser round in a circle',
    site: `http://${N.loop}/`,
    verdict: 'site-redirect-broken',
    offered: ['retry', 'watch-site', 'contact-site-admin'],
    notOffered: [...DNS_FIXES, 'clear-site-data', 'contact-isp'],
    also: (run) => expect(siteFetches(run)[0]?.code).toBe('http.redirect-loop'),
  },
  {
    story: "Cloudflare's firewall answers 403 'you have been blocked' → the site's firewall blocks this connection",
    site: `http://${N.firewall}/`,
    verdict: 'site-firewall-blocked',
    offered: ['contact-site-admin', 'try-another-network'],
    notOffered: [...DNS_FIXES, 'clear-site-data', 'contact-isp', 'new-browser-session'],
    also: (run) => {
      expect(run.report.verdict.explanation).toContain('Cloudflare refused this connection')
      expect(run.report.checks.find((check) => check.id === 'site.http')?.summary).toBe(`Error 403 at ${WEB.address}`)
    },
  },
  {
    story: '429 with Retry-After → the site limits requests: wait (watch first), nothing to repair',
    site: `http://${N.limited}/`,
    verdict: 'site-rate-limited',
    offered: ['watch-site'],
    notOffered: [...DNS_FIXES, 'contact-isp', 'restart-router'],
    also: (run) => {
      expect(fixIds(run)[0]).toBe('watch-site')
      expect(run.report.verdict.explanation).toMatch(/wait about 2 minutes/)
    },
  },
  {
    story: '451 at every address → blocked on the way; no DNS switch, since the public address is blocked too',
    site: `http://${N.legal}/`,
    verdict: 'provider-blocks-site',
    offered: ['contact-isp'],
    notOffered: [...DNS_FIXES, 'contact-site-admin'],
  },
  {
    story: "a block page only at the provider's address while the public address serves the site → provider blocks it, public DNS offered",
    site: `http://${N.blocked}/`,
    verdict: 'provider-blocks-site',
    offered: ['switch-dns', 'contact-isp'],
    notOffered: ['contact-site-admin', 'watch-site'],
    also: (run) => {
      expect(fixIds(run)[0]).toBe('switch-dns')
      expect(findings(run)).toContain('provider-block-page')
      expect(findings(run)).not.toContain('stale-address-proven')
    },
  },
  {
    story: '407 with a proxy sign-in challenge → a proxy wants a sign-in',
    site: `http://${N.proxyAuth}/`,
    verdict: 'proxy-sign-in',
    offered: ['contact-isp'],
    notOffered: [...DNS_FIXES, 'contact-site-admin'],
  },
  {
    story: '410 gone → still a page problem, not a site problem',
    site: `http://${N.gone}/`,
    verdict: 'ok',
    offered: [],
    notOffered: ['switch-dns', 'contact-site-admin'],
    also: (run) => expect(findings(run)).toContain('site-page-not-found'),
  },
  {
    story: "the site's name fails at every resolver (its servers cannot be reached) while other names resolve → the site's own DNS is broken, no DNS switch",
    site: `http://${N.broken}/`,
    verdict: 'site-dns-broken',
    offered: ['contact-site-admin'],
    notOffered: [...DNS_FIXES, 'contact-isp', 'restart-router'],
    also: (run) => expect(findings(run)).toContain('site-dns-failing'),
  },
  {
    story: 'a bare name whose https port is refused → http answers, as in a browser; told it is not encrypted',
    site: N.httpOnly,
    verdict: 'ok',
    offered: [],
    notOffered: ['switch-dns', 'contact-site-admin'],
    also: (run) => {
      const [fetch] = siteFetches(run)
      expect(fetch?.status).toBe(200)
      expect(fetch?.httpsFailure).toBe('http.refused')
      expect(fetch?.url).toBe(`http://${N.httpOnly}/`)
      expect(findings(run)).toContain('site-only-plain-http')
    },
  },
  {
    story: 'the same name typed with https:// → https only: refused, the site is not answering',
    site: `https://${N.httpOnly}/`,
    verdict: 'site-unreachable',
    offered: ['watch-site'],
    notOffered: DNS_FIXES,
  },
]

const SPECIAL_VERDICTS: Partial<Record<number, VerdictCode>> = { 502: 'site-bad-gateway', 503: 'site-unavailable', 504: 'site-gateway-timeout' }

describe.skipIf(unavailable)('lab: how sites answer a browser (netmend diagnose --json on the client)', () => {
  const worldFor = worldsOnDemand()
  const diagnoseWeb = async (site: string): Promise<CliRun> => {
    const world = await worldFor('web-cases')
    return diagnoseInWorld(world, site, { env: { NODE_EXTRA_CA_CERTS: path.join(world.dir, WEB_CA) } })
  }

  it.each(stories)('$story', async (story) => {
    const run = await diagnoseWeb(story.site)
    expectTold(run, story, run.report.checks.map((check) => [check.id, check.status, check.summary, check.id === 'site.dns' ? check.evidence : null]))
    story.also?.(run)
  })

  it.each(WEB_SERVER_ERRORS.map((status) => [status]))('every server error is the site\'s, in its own words: %i', async (status) => {
    const run = await diagnoseWeb(`http://${serverErrorName(status)}/`)
    expect(run.report.verdict.code).toBe(SPECIAL_VERDICTS[status] ?? 'site-error')
    expect(run.report.verdict.explanation).toMatch(/nothing on your computer/i)
    for (const fix of DNS_FIXES) expect(fixIds(run)).not.toContain(fix)
    // The delivery network's own codes name it, and the site's own server as the one at fault.
    if (status >= 520) expect(run.report.verdict.explanation).toMatch(/Cloudflare.*site's own server|site's own server.*Cloudflare/)
    if (!(status in SPECIAL_VERDICTS)) expect(run.report.verdict.explanation).toContain(`(${status}`)
  })

  it('the CLI tells a person the firewall story in words, in German too', async () => {
    const world = await worldFor('web-cases')
    const english = await world.exec(['node', CLI_BUNDLE, 'diagnose', `http://${N.firewall}/`, '--config', world.configPath], { timeoutMs: 20_000 })
    expect(english.stdout).toContain("waf.lab.test's security service is blocking you")
    expect(english.stdout).toContain('Try from another network')
    const german = await world.exec(['node', CLI_BUNDLE, 'diagnose', `http://${N.firewall}/`, '--config', world.configPath], { timeoutMs: 20_000, env: { LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' } })
    expect(german.stdout).toContain('Der Sicherheitsdienst von waf.lab.test sperrt Sie aus')
  })

  describe('a sign-in page check at an IP address (no name to look up)', () => {
    const byAddress = async (world: World): Promise<CliRun> => {
      const configPath = path.join(world.dir, 'netmend-check-by-address.json')
      await writeFile(configPath, JSON.stringify({ ...LAB_NETMEND_CONFIG, captivePortalUrl: `http://${LAB.connectivityCheck}/generate_204` }))
      return diagnoseInWorld(world, `http://${LAB.siteName}/`, { configPath })
    }

    it('on a hotel network → captive-portal', async () => {
      const run = await byAddress(await worldFor('captive-portal'))
      expect(run.report.verdict.code).toBe('captive-portal')
      expect(run.report.checks.find((check) => check.id === 'portal.captive')?.evidence).toMatchObject({ address: LAB.connectivityCheck })
    })

    it('on a healthy network → the empty answer, ok', async () => {
      const run = await byAddress(await worldFor('healthy'))
      expect(run.report.verdict.code).toBe('ok')
      expect(run.report.checks.find((check) => check.id === 'portal.captive')?.status).toBe('pass')
    })
  })
})
