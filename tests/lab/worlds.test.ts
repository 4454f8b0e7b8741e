// Proof that every lab world really behaves as described, observed from the client namespace with only
// dig, curl, ping (and a bash /dev/tcp connect), the way a user's machine would see it.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { labPath, labUnavailableReason } from './availability'
import {
  AD_BODY,
  createWorld,
  LAB,
  LAB_NETMEND_CONFIG,
  PORTAL_LOGIN_URL,
  PORTAL_TITLE,
  SITE_BODY,
  sweepLeftoverLabs,
  WORLD_NAMES,
  WORLDS,
  type World,
  type WorldName,
} from './lab'

const reason = labUnavailableReason()
if (reason) console.warn(`[lab] skipping network lab tests: ${reason}`)

// ---------------------------------------------------------------------------------------------------------
// Observation helpers (all run inside the client namespace)
// ---------------------------------------------------------------------------------------------------------

interface DigResult {
  /** rcode (NOERROR, NXDOMAIN, SERVFAIL, ...) or TIMEOUT when nothing answered. */
  status: string
  addresses: string[]
  durationMs: number
}

async function dig(w: World, server: string, name: string, opts: { tcp?: boolean; type?: string } = {}): Promise<DigResult> {
  const argv = ['dig', '+time=1', '+tries=1', ...(opts.tcp ? ['+tcp'] : []), `@${server}`, name, opts.type ?? 'A']
  const r = await w.exec(argv, { timeoutMs: 10_000 })
  const rcode = /status: ([A-Z]+)/.exec(r.stdout)?.[1]
  const status = rcode ?? (r.code === 9 ? 'TIMEOUT' : `ERROR(exit ${r.code}: ${(r.stdout + r.stderr).trim().split('\n').pop()})`)
  const addresses = [...r.stdout.matchAll(/^\S+\s+\d+\s+IN\s+(?:A|AAAA)\s+(\S+)\s*$/gm)].map((m) => m[1] as string)
  return { status, addresses, durationMs: r.durationMs }
}

interface HttpResult {
  /** curl's exit code: 0 ok, 6 name not resolved, 7 refused/unreachable, 28 timeout, 60 bad certificate. */
  exit: number | null
  status: number | null
  headers: Record<string, string>
  body: string
  durationMs: number
  stderr: string
}

async function http(w: World, url: string, extra: string[] = []): Promise<HttpResult> {
  const r = await w.exec(['curl', '-sS', '-i', '-m', '3', ...extra, url], { timeoutMs: 10_000 })
  const split = r.stdout.indexOf('\r\n\r\n')
  const head = split >= 0 ? r.stdout.slice(0, split) : r.stdout
  const body = split >= 0 ? r.stdout.slice(split + 4) : ''
  const [statusLine = '', ...headerLines] = head.split('\r\n')
  const status = /^HTTP\/[\d.]+ (\d{3})/.exec(statusLine)?.[1]
  const headers: Record<string, string> = {}
  for (const line of headerLines) {
    const i = line.indexOf(':')
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
  }
  return { exit: r.code, status: status ? Number(status) : null, headers, body, durationMs: r.durationMs, stderr: r.stderr }
}

type TcpOutcome = 'connected' | 'refused' | 'timeout' | 'unreachable' | `other: ${string}`

/** Plain TCP connect with bash's /dev/tcp (constant script; host and port are argv, never spliced into it). */
async function tcp(w: World, host: string, port: number, seconds = 2): Promise<TcpOutcome> {
  const r = await w.exec(['timeout', String(seconds), 'bash', '-c', 'exec 3<>"/dev/tcp/$1/$2"', 'tcp-probe', host, String(port)], {
    timeoutMs: (seconds + 5) * 1000,
  })
  if (r.code === 0) return 'connected'
  if (r.code === 124) return 'timeout'
  if (/refused/i.test(r.stderr)) return 'refused'
  if (/unreachable|no route/i.test(r.stderr)) return 'unreachable'
  return `other: exit ${r.code} ${r.stderr.trim()}`
}

async function ping(w: World, host: string): Promise<boolean> {
  const r = await w.exec(['ping', '-n', '-c', '1', '-W', '1', host], { timeoutMs: 10_000 })
  return r.code === 0
}

const PUBLIC = [LAB.cloudflare, LAB.google, LAB.quad9]
const UNKNOWN = 'nmprobe-x7k2.com'
const SITE_URL = `http://${LAB.siteName}/`
const SITE_HTTPS = `https://${LAB.siteName}/`
const CHECK_URL = `http://${LAB.connectivityName}/generate_204`
const pinSite = (address: string, port = 80): string[] => ['--resolve', `${LAB.siteName}:${port}:${address}`]

const creationTimes: Partial<Record<WorldName, number>> = {}

/** One describe block per world: built before its tests, destroyed after. */
function withWorld(name: WorldName, body: (get: () => World) => void): void {
  describe(`world ${name}: ${WORLDS[name].summary}`, () => {
    let world: World | undefined
    beforeAll(async () => {
      world = await createWorld(name)
      creationTimes[name] = world.createdInMs
    })
    afterAll(async () => {
      await world?.destroy()
    })
    body(() => {
      if (!world) throw new Error(`world ${name} was not created`)
      return world
    })
  })
}

// ---------------------------------------------------------------------------------------------------------

describe.skipIf(reason)('network lab worlds', () => {
  beforeAll(async () => {
    await sweepLeftoverLabs()
  })

  it('lists every world', () => {
    expect([...WORLD_NAMES].sort()).toEqual(
      [
        'healthy',
        'site-bad-gateway',
        'site-unavailable',
        'site-gateway-timeout',
        'isp-silent',
        'isp-servfail',
        'isp-stale',
        'isp-hijack',
        'isp-blocks-site',
        'dns-blocked-isp-down',
        'web-blocked',
        'no-internet',
        'gateway-down',
        'no-network',
        'captive-portal',
        'everything-silent',
        'web-cases',
      ].sort(),
    )
  })

  withWorld('healthy', (world) => {
    it('client namespace uses the world ISP resolver and the NetMend config is written', async () => {
      const w = world()
      const resolv = await w.exec(['cat', '/etc/resolv.conf'])
      expect(resolv.stdout).toMatch(/^#/)
      expect(resolv.stdout).toContain('search lab.test')
      expect(resolv.stdout).toContain('nameserver 203.0.113.53')
      expect(resolv.stdout).toContain('options timeout:1')
      const addr = await w.exec(['ip', '-o', '-4', 'addr', 'show', 'dev', 'eth0'])
      expect(addr.stdout).toContain('192.0.2.100/24')
      const route = await w.exec(['ip', 'route', 'show', 'default'])
      expect(route.stdout).toContain('via 192.0.2.1')
      // The system resolver (glibc, as the CLI's runtime uses it) goes through the world's ISP.
      const getent = await w.exec(['getent', 'ahostsv4', LAB.siteName])
      expect(getent.stdout).toContain(LAB.site)
      expect(JSON.parse(readFileSync(w.configPath, 'utf8'))).toEqual(LAB_NETMEND_CONFIG)
    })

    it('ISP and public resolvers answer the lab data and NXDOMAIN for everything else', async () => {
      const w = world()
      const [isp, ...pub] = await Promise.all([dig(w, LAB.ispResolver, LAB.siteName), ...PUBLIC.map((s) => dig(w, s, LAB.siteName))])
      expect(isp).toMatchObject({ status: 'NOERROR', addresses: [LAB.site] })
      for (const r of pub) expect(r).toMatchObject({ status: 'NOERROR', addresses: [LAB.site] })
      const [tcpAnswer, conn, portal] = await Promise.all([
        dig(w, LAB.google, LAB.siteName, { tcp: true }),
        dig(w, LAB.cloudflare, LAB.connectivityName),
        dig(w, LAB.quad9, LAB.portalName),
      ])
      expect(tcpAnswer).toMatchObject({ status: 'NOERROR', addresses: [LAB.site] })
      expect(conn.addresses).toEqual([LAB.connectivityCheck])
      expect(portal.addresses).toEqual([LAB.captivePortal])
      const nx = await Promise.all([
        dig(w, LAB.google, UNKNOWN),
        dig(w, LAB.google, 'nowhere.lab.test'),
        dig(w, LAB.ispResolver, UNKNOWN),
        dig(w, LAB.cloudflare, 'example.org', { tcp: true }),
      ])
      for (const r of nx) expect(r.status).toBe('NXDOMAIN')
      const aaaa = await Promise.all([dig(w, LAB.ispResolver, LAB.siteName, { type: 'AAAA' }), dig(w, LAB.google, LAB.siteName, { type: 'AAAA' })])
      for (const r of aaaa) expect(r).toMatchObject({ status: 'NOERROR', addresses: [] })
    })

    it('the site answers 200 over HTTP, and HTTPS fails certificate verification', async () => {
      const w = world()
      const [page, httpsStrict, httpsInsecure, httpsPinned] = await Promise.all([
        http(w, SITE_URL),
        http(w, SITE_HTTPS),
        http(w, SITE_HTTPS, ['-k']),
        http(w, SITE_HTTPS, ['--cacert', w.certPath]),
      ])
      expect(page.status).toBe(200)
      expect(page.body).toContain(SITE_BODY)
      expect(page.headers.server).toMatch(/^nginx/)
      expect(httpsStrict.exit).toBe(60)
      expect(httpsStrict.stderr).toMatch(/certificate/i)
      expect(httpsInsecure.status).toBe(200)
      expect(httpsPinned.status).toBe(200)
    })

    it('the other servers are up: connectivity check, portal, ad server, old server, TCP targets', async () => {
      const w = world()
      const [check, portal, ads, old, gw, site] = await Promise.all([
        http(w, CHECK_URL),
        http(w, `http://${LAB.portalName}/login`),
        http(w, `http://${LAB.adServer}/`),
        http(w, SITE_URL, pinSite(LAB.oldSite)),
        ping(w, LAB.gateway),
        ping(w, LAB.site),
      ])
      expect(check.status).toBe(204)
      expect(portal.status).toBe(200)
      expect(portal.body).toContain(PORTAL_TITLE)
      expect(ads.status).toBe(200)
      expect(ads.body.trim()).toBe(AD_BODY)
      expect(old.status).toBe(502)
      expect(gw).toBe(true)
      expect(site).toBe(true)
      const targets = await Promise.all(LAB_NETMEND_CONFIG.reachabilityTargets.map((t) => tcp(w, t.address, t.port)))
      expect(targets).toEqual(['connected', 'connected', 'connected'])
    })
  })

  withWorld('site-bad-gateway', (world) => {
    it('the site answers a genuine nginx 502 while DNS is fine', async () => {
      const w = world()
      const [page, tls, d] = await Promise.all([http(w, SITE_URL), http(w, SITE_HTTPS, ['-k']), dig(w, LAB.ispResolver, LAB.siteName)])
      expect(page.status).toBe(502)
      expect(page.headers.server).toMatch(/^nginx/)
      expect(page.body).toContain('Bad Gateway')
      expect(tls.status).toBe(502)
      expect(d.addresses).toEqual([LAB.site])
    })
  })

  withWorld('site-unavailable', (world) => {
    it('the site answers 503', async () => {
      const w = world()
      const [page, tls] = await Promise.all([http(w, SITE_URL), http(w, SITE_HTTPS, ['-k'])])
      expect(page.status).toBe(503)
      expect(page.headers.server).toMatch(/^nginx/)
      expect(tls.status).toBe(503)
    })
  })

  withWorld('site-gateway-timeout', (world) => {
    it('the site answers 504 after about a second', async () => {
      const w = world()
      const page = await http(w, SITE_URL)
      expect(page.status).toBe(504)
      expect(page.headers.server).toMatch(/^nginx/)
      // nginx gave up on the silent upstream after its 1 s (a 504 is its answer, not curl's give-up).
      expect(page.durationMs).toBeGreaterThanOrEqual(900)
    })
  })

  withWorld('isp-silent', (world) => {
    it('the ISP resolver never answers while public resolvers do', async () => {
      const w = world()
      const [isp, ispTcp, pub, direct] = await Promise.all([
        dig(w, LAB.ispResolver, LAB.siteName),
        dig(w, LAB.ispResolver, LAB.siteName, { tcp: true }),
        dig(w, LAB.google, LAB.siteName),
        http(w, SITE_URL, pinSite(LAB.site)),
      ])
      expect(isp.status).toBe('TIMEOUT')
      expect(ispTcp.status).toBe('TIMEOUT')
      expect(pub).toMatchObject({ status: 'NOERROR', addresses: [LAB.site] })
      expect(direct.status).toBe(200)
      // The system resolver only knows the ISP: names do not resolve.
      const byName = await http(w, SITE_URL, ['-m', '6'])
      expect(byName.exit).toBe(6)
    })
  })

  withWorld('isp-servfail', (world) => {
    it('the ISP resolver answers SERVFAIL to everything; public resolvers work', async () => {
      const w = world()
      const [a, b, c, pub] = await Promise.all([
        dig(w, LAB.ispResolver, LAB.siteName),
        dig(w, LAB.ispResolver, UNKNOWN),
        dig(w, LAB.ispResolver, LAB.connectivityName, { tcp: true }),
        dig(w, LAB.quad9, LAB.siteName),
      ])
      expect(a.status).toBe('SERVFAIL')
      expect(b.status).toBe('SERVFAIL')
      expect(c.status).toBe('SERVFAIL')
      expect(pub).toMatchObject({ status: 'NOERROR', addresses: [LAB.site] })
    })
  })

  withWorld('isp-stale', (world) => {
    it("the ISP resolver gives the old address, which answers 502; the current one answers 200", async () => {
      const w = world()
      const [isp, pub, old, current, byName] = await Promise.all([
        dig(w, LAB.ispResolver, LAB.siteName),
        dig(w, LAB.google, LAB.siteName),
        http(w, SITE_URL, pinSite(LAB.oldSite)),
        http(w, SITE_URL, pinSite(LAB.site)),
        http(w, SITE_URL),
      ])
      expect(isp.addresses).toEqual([LAB.oldSite])
      expect(pub.addresses).toEqual([LAB.site])
      expect(old.status).toBe(502)
      expect(current.status).toBe(200)
      expect(current.body).toContain(SITE_BODY)
      expect(byName.status).toBe(502)
    })
  })

  withWorld('isp-hijack', (world) => {
    it('the ISP resolver points unknown names at the ad server; public resolvers say NXDOMAIN', async () => {
      const w = world()
      const [ispUnknown, pubUnknown, ispKnown, ads, ispUnknown6, ispKnown6] = await Promise.all([
        dig(w, LAB.ispResolver, UNKNOWN),
        dig(w, LAB.cloudflare, UNKNOWN),
        dig(w, LAB.ispResolver, LAB.siteName),
        http(w, `http://${UNKNOWN}/`),
        dig(w, LAB.ispResolver, UNKNOWN, { type: 'AAAA' }),
        dig(w, LAB.ispResolver, LAB.siteName, { type: 'AAAA' }),
      ])
      // no IPv6 in the lab: AAAA questions get an empty NOERROR, never REFUSED
      expect(ispUnknown6).toMatchObject({ status: 'NOERROR', addresses: [] })
      expect(ispKnown6).toMatchObject({ status: 'NOERROR', addresses: [] })
      expect(ispUnknown).toMatchObject({ status: 'NOERROR', addresses: [LAB.adServer] })
      expect(pubUnknown.status).toBe('NXDOMAIN')
      expect(ispKnown.addresses).toEqual([LAB.site])
      expect(ads.status).toBe(200)
      expect(ads.body.trim()).toBe(AD_BODY)
    })
  })

  withWorld('isp-blocks-site', (world) => {
    it('the ISP resolver says the site does not exist, yet public resolvers find it and it answers 200 there', async () => {
      const w = world()
      const [isp, isp6, ispCheck, pub, pinned, byName] = await Promise.all([
        dig(w, LAB.ispResolver, LAB.siteName),
        dig(w, LAB.ispResolver, LAB.siteName, { type: 'AAAA' }),
        dig(w, LAB.ispResolver, LAB.connectivityName),
        dig(w, LAB.cloudflare, LAB.siteName),
        http(w, SITE_URL, pinSite(LAB.site)),
        http(w, SITE_URL),
      ])
      expect(isp).toMatchObject({ status: 'NXDOMAIN', addresses: [] })
      expect(isp6.status).toBe('NXDOMAIN')
      expect(ispCheck.addresses).toEqual([LAB.connectivityCheck])
      expect(pub).toMatchObject({ status: 'NOERROR', addresses: [LAB.site] })
      expect(pinned.status).toBe(200)
      expect(pinned.body).toContain(SITE_BODY)
      // Through the system's own lookup (the ISP), the name is not found: curl exit 6.
      expect(byName.exit).toBe(6)
    })
  })

  withWorld('dns-blocked-isp-down', (world) => {
    it('no resolver answers, but TCP to the reachability targets and the site works', async () => {
      const w = world()
      const [isp, pub, pubTcp, target, site] = await Promise.all([
        dig(w, LAB.ispResolver, LAB.siteName),
        dig(w, LAB.google, LAB.siteName),
        dig(w, LAB.cloudflare, LAB.siteName, { tcp: true }),
        tcp(w, LAB.google, 443),
        http(w, SITE_URL, pinSite(LAB.site)),
      ])
      expect(isp.status).toBe('TIMEOUT')
      expect(pub.status).toBe('TIMEOUT')
      expect(pubTcp.status).toBe('TIMEOUT')
      expect(target).toBe('connected')
      expect(site.status).toBe(200)
    })
  })

  withWorld('web-blocked', (world) => {
    it('TCP 80/443 time out while DNS and ping work', async () => {
      const w = world()
      const [t443, t80, target, d, isp, p] = await Promise.all([
        tcp(w, LAB.site, 443),
        tcp(w, LAB.site, 80),
        tcp(w, LAB.google, 443),
        dig(w, LAB.google, LAB.siteName),
        dig(w, LAB.ispResolver, LAB.siteName),
        ping(w, LAB.site),
      ])
      expect(t443).toBe('timeout')
      expect(t80).toBe('timeout')
      expect(target).toBe('timeout')
      expect(d.addresses).toEqual([LAB.site])
      expect(isp.addresses).toEqual([LAB.site])
      expect(p).toBe(true)
    })
  })

  withWorld('no-internet', (world) => {
    it('the router answers (ping, RST) but nothing beyond it does', async () => {
      const w = world()
      const [gw, gwTcp, beyond, isp, pub, target] = await Promise.all([
        ping(w, LAB.gateway),
        tcp(w, LAB.gateway, 80),
        ping(w, LAB.site),
        dig(w, LAB.ispResolver, LAB.siteName),
        dig(w, LAB.google, LAB.siteName),
        tcp(w, LAB.google, 443),
      ])
      expect(gw).toBe(true)
      expect(gwTcp).toBe('refused')
      expect(beyond).toBe(false)
      expect(isp.status).toBe('TIMEOUT')
      expect(pub.status).toBe('TIMEOUT')
      expect(target).toBe('timeout')
    })
  })

  withWorld('gateway-down', (world) => {
    it('the gateway is silent: no ping, no RST, nothing beyond', async () => {
      const w = world()
      const [gw, gwTcp, isp, target] = await Promise.all([
        ping(w, LAB.gateway),
        tcp(w, LAB.gateway, 80),
        dig(w, LAB.ispResolver, LAB.siteName),
        tcp(w, LAB.google, 443),
      ])
      expect(gw).toBe(false)
      expect(gwTcp).toBe('timeout')
      expect(isp.status).toBe('TIMEOUT')
      expect(target).toBe('timeout')
    })
  })

  withWorld('no-network', (world) => {
    it('the client has only lo', async () => {
      const w = world()
      const addrs = await w.exec(['ip', '-o', 'addr'])
      const devices = new Set(addrs.stdout.trim().split('\n').map((l) => l.split(/\s+/)[1]))
      expect([...devices]).toEqual(['lo'])
      const link = await w.exec(['ip', '-o', 'link', 'show', 'dev', 'eth0'])
      expect(link.stdout).not.toMatch(/[<,]UP[,>]/)
      const routes = await w.exec(['ip', '-4', 'route'])
      expect(routes.stdout.trim()).toBe('')
      const [gw, d, page] = await Promise.all([ping(w, LAB.gateway), dig(w, LAB.ispResolver, LAB.siteName), http(w, SITE_URL, pinSite(LAB.site))])
      expect(gw).toBe(false)
      expect(d.status).not.toBe('NOERROR')
      expect(page.status).toBeNull()
    })
  })

  withWorld('captive-portal', (world) => {
    it('HTTP is redirected to the hotel login page, HTTPS is dropped, DNS passes', async () => {
      const w = world()
      const [check, site, login, tls, d, pub] = await Promise.all([
        http(w, CHECK_URL),
        http(w, SITE_URL),
        http(w, PORTAL_LOGIN_URL),
        tcp(w, LAB.site, 443),
        dig(w, LAB.ispResolver, LAB.siteName),
        dig(w, LAB.google, LAB.connectivityName),
      ])
      expect(check.status).toBe(302)
      expect(check.headers.location).toBe(PORTAL_LOGIN_URL)
      expect(site.status).toBe(302)
      expect(site.headers.location).toBe(PORTAL_LOGIN_URL)
      expect(login.status).toBe(200)
      expect(login.body).toContain(PORTAL_TITLE)
      expect(tls).toBe('timeout')
      expect(d.addresses).toEqual([LAB.site])
      expect(pub.addresses).toEqual([LAB.connectivityCheck])
    })
  })

  withWorld('everything-silent', (world) => {
    it('nothing answers anywhere', async () => {
      const w = world()
      const [gw, gwTcp, isp, pub, target, page] = await Promise.all([
        ping(w, LAB.gateway),
        tcp(w, LAB.gateway, 80),
        dig(w, LAB.ispResolver, LAB.siteName),
        dig(w, LAB.google, LAB.siteName),
        tcp(w, LAB.google, 443),
        http(w, SITE_URL, ['-m', '5']),
      ])
      expect(gw).toBe(false)
      expect(gwTcp).toBe('timeout')
      expect(isp.status).toBe('TIMEOUT')
      expect(pub.status).toBe('TIMEOUT')
      expect(target).toBe('timeout')
      expect(page.status).toBeNull()
    })
  })

  describe('lifecycle', () => {
    const env = { ...process.env, PATH: labPath() }
    const netnsList = (): string => execFileSync('ip', ['netns', 'list'], { env }).toString()
    const procsMentioning = (needle: string): number[] =>
      readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(needle)
          } catch {
            return false
          }
        })
        .map(Number)

    it('destroy() leaves no namespace, process, /etc/netns entry or temp dir behind, and is idempotent', async () => {
      const w = await createWorld('healthy')
      const namespaces = [w.clientNs, `${w.clientNs.replace(/-client$/, '')}-router`, `${w.clientNs.replace(/-client$/, '')}-inet`]
      const pids = namespaces.flatMap((ns) =>
        execFileSync('ip', ['netns', 'pids', ns], { env })
          .toString()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number),
      )
      expect(pids.length).toBeGreaterThanOrEqual(3) // two dnsmasq, one nginx
      expect(procsMentioning(w.dir).length).toBeGreaterThanOrEqual(3)
      // a long-running client command must be killed too
      const sleeper = w.exec(['sleep', '30'])
      await new Promise((r) => setTimeout(r, 100))

      await Promise.all([w.destroy(), w.destroy()])
      await w.destroy()
      await sleeper

      const list = netnsList()
      for (const ns of namespaces) {
        expect(list).not.toContain(ns)
        expect(existsSync(path.join('/etc/netns', ns))).toBe(false)
      }
      expect(existsSync(w.dir)).toBe(false)
      for (const pid of pids) expect(existsSync(`/proc/${pid}`)).toBe(false)
      expect(procsMentioning(w.dir)).toEqual([])
      await expect(w.exec(['true'])).rejects.toThrow(/destroyed/)
    })

    it('sweepLeftoverLabs() removes namespaces, /etc/netns entries and temp dirs of dead owners', async () => {
      // A pid that certainly belonged to a process that has exited.
      const child = spawn('true')
      const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid as number)))
      const ns = `nmlab-${deadPid}-1-client`
      execFileSync('ip', ['netns', 'add', ns], { env })
      mkdirSync(path.join('/etc/netns', ns), { recursive: true })
      const dir = mkdtempSync(path.join(os.tmpdir(), `nmlab-${deadPid}-1-healthy-`))
      // ours (live owner) must survive the sweep
      const live = await createWorld('no-network')
      try {
        await sweepLeftoverLabs()
        expect(netnsList()).not.toContain(ns)
        expect(existsSync(path.join('/etc/netns', ns))).toBe(false)
        expect(existsSync(dir)).toBe(false)
        expect(netnsList()).toContain(live.clientNs)
        expect(existsSync(live.dir)).toBe(true)
      } finally {
        await live.destroy()
      }
    })

    it('no namespace, /etc/netns entry, temp dir or server of this run is left', () => {
      const mine = `nmlab-${process.pid}-`
      expect(netnsList().split('\n').filter((l) => l.startsWith(mine))).toEqual([])
      expect(readdirSync('/etc/netns').filter((e) => e.startsWith(mine))).toEqual([])
      expect(readdirSync(os.tmpdir()).filter((e) => e.startsWith(mine))).toEqual([])
      expect(procsMentioning(path.join(os.tmpdir(), mine))).toEqual([])
      const times = Object.entries(creationTimes).map(([n, ms]) => `${n} ${ms} ms`)
      // How fast worlds come up is for the bench: a busy machine must not fail this test.
      console.log(`[lab] world creation times: ${times.join(', ')}`)
    })
  })
})
