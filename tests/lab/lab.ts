// The network lab: isolated "worlds" of real servers (dnsmasq, nginx, nftables) in Linux network namespaces.
//
// Every world is three namespaces joined by veth pairs that are created directly inside the namespaces
// (nothing is ever attached to the root namespace's interfaces, routes, resolver or ruleset):
//
//   client (192.0.2.100/24, gw .1) ── router (192.0.2.1 | 203.0.113.1, forwarding) ── inet (203.0.113.2, the "internet")
//
// inet carries the servers: public resolvers 198.51.100.1/.8/.9, the ISP resolver 203.0.113.53, the site
// 203.0.113.80 (+ old server .81), an ad server .66, the connectivity check .204 and a captive portal .10.
// Only documentation address ranges are used, and every packet stays inside the world.
//
// A `dhcp` client (a booted desktop, tests/lab/desktops) gets IPv6 too (2001:db8::/32, LAB6): the router
// hands out the client's address, gateway and DNS servers by DHCP and router advertisements.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { labPath } from './availability'
import { WEB_LOOPBACK_ADDRESSES, webDnsRecords, webNginxServers, writeWebCertificates } from './web-cases'

// ---------------------------------------------------------------------------------------------------------
// Fixed facts other code depends on
// ---------------------------------------------------------------------------------------------------------

export const LAB = {
  clientAddress: '192.0.2.100',
  gateway: '192.0.2.1',
  routerWan: '203.0.113.1',
  inetAddress: '203.0.113.2',
  ispResolver: '203.0.113.53',
  site: '203.0.113.80',
  oldSite: '203.0.113.81',
  adServer: '203.0.113.66',
  connectivityCheck: '203.0.113.204',
  captivePortal: '203.0.113.10',
  /** Nothing answers here: nginx's gateway-timeout upstream, dropped by nftables in inet. */
  blackhole: '203.0.113.99',
  cloudflare: '198.51.100.1',
  google: '198.51.100.8',
  quad9: '198.51.100.9',
  siteName: 'shop.lab.test',
  connectivityName: 'connectivity.lab.test',
  portalName: 'portal.lab.test',
  searchDomain: 'lab.test',
} as const

/** IPv6 of `dhcp` worlds: the client takes an address in lanPrefix::/64 from the router's advertisements. */
export const LAB6 = {
  lanPrefix: '2001:db8:1::',
  gateway: '2001:db8:1::1',
  routerWan: '2001:db8:2::1',
  inetAddress: '2001:db8:2::2',
  ispResolver: '2001:db8:53::53',
  google: '2001:db8:8::8',
} as const

export const SITE_BODY = 'Welcome to the shop'
export const AD_BODY = 'ads'
export const PORTAL_TITLE = 'Sign in to Hotel Wi-Fi'
export const PORTAL_LOGIN_URL = `http://${LAB.portalName}/login`

export type WorldName =
  | 'healthy'
  | 'site-bad-gateway'
  | 'site-unavailable'
  | 'site-gateway-timeout'
  | 'isp-silent'
  | 'isp-servfail'
  | 'isp-stale'
  | 'isp-hijack'
  | 'isp-blocks-site'
  | 'dns-blocked-isp-down'
  | 'web-blocked'
  | 'no-internet'
  | 'gateway-down'
  | 'no-network'
  | 'captive-portal'
  | 'everything-silent'
  | 'web-cases'

/** What the site at 203.0.113.80 (ports 80 and 443) does. */
export type SiteMode = 'healthy' | 'bad-gateway' | 'unavailable' | 'gateway-timeout'
/** How the ISP resolver 203.0.113.53 behaves. */
export type IspMode = 'normal' | 'stale' | 'hijack' | 'servfail' | 'silent' | 'blocks-site'
/** nftables ruleset of the router namespace. */
export type FirewallMode = 'open' | 'web-blocked' | 'dns-blocked' | 'no-internet' | 'gateway-down' | 'captive'
/**
 * `no-network`: the client's veth is down with no address (only lo). `dhcp`: the client's veth is left
 * unconfigured for the network stack of a desktop booted in the client namespace, which takes its
 * addresses, gateway and DNS servers (ISP, IPv4 and IPv6) from the router by DHCP and router advertisements.
 */
export type ClientMode = 'online' | 'no-network' | 'dhcp'

export interface WorldSpec {
  site: SiteMode
  isp: IspMode
  firewall: FirewallMode
  client: ClientMode
  /** Also serve the sites of tests/lab/web-cases.ts (redirects, certificates, blocks, every server error). */
  web?: boolean
  summary: string
}

const base: Omit<WorldSpec, 'summary'> = { site: 'healthy', isp: 'normal', firewall: 'open', client: 'online' }

export const WORLDS: Readonly<Record<WorldName, Readonly<WorldSpec>>> = {
  healthy: { ...base, summary: 'everything works' },
  'site-bad-gateway': { ...base, site: 'bad-gateway', summary: 'the site answers 502 (nginx, dead upstream)' },
  'site-unavailable': { ...base, site: 'unavailable', summary: 'the site answers 503' },
  'site-gateway-timeout': { ...base, site: 'gateway-timeout', summary: 'the site answers 504 after ~1 s (upstream blackholed)' },
  'isp-silent': { ...base, isp: 'silent', summary: 'the ISP resolver never answers; public resolvers work' },
  'isp-servfail': { ...base, isp: 'servfail', summary: 'the ISP resolver answers SERVFAIL to everything' },
  'isp-stale': { ...base, isp: 'stale', summary: "the ISP resolver gives the site's old address (.81, which answers 502)" },
  'isp-hijack': { ...base, isp: 'hijack', summary: 'the ISP resolver answers unknown names with an ad server (.66)' },
  'isp-blocks-site': { ...base, isp: 'blocks-site', summary: 'the ISP resolver says shop.lab.test does not exist (NXDOMAIN); public resolvers and the site work' },
  'dns-blocked-isp-down': { ...base, isp: 'silent', firewall: 'dns-blocked', summary: 'ISP resolver silent and the router drops all DNS; TCP works' },
  'web-blocked': { ...base, firewall: 'web-blocked', summary: 'the router drops forwarded TCP 80/443; DNS works' },
  'no-internet': { ...base, firewall: 'no-internet', summary: 'the router answers but forwards nothing' },
  'gateway-down': { ...base, firewall: 'gateway-down', summary: 'the router silently drops everything from the client' },
  'no-network': { ...base, client: 'no-network', summary: 'the client has no network interface up (only lo)' },
  'captive-portal': { ...base, firewall: 'captive', summary: 'HTTP is redirected to a hotel login page, HTTPS dropped, DNS works' },
  'everything-silent': { ...base, isp: 'silent', firewall: 'gateway-down', summary: 'gateway drops everything and the ISP resolver is silent' },
  'web-cases': { ...base, web: true, summary: 'healthy, plus one site per way a site answers a browser (tests/lab/web-cases.ts)' },
}

export const WORLD_NAMES: readonly WorldName[] = Object.keys(WORLDS) as WorldName[]

/** The NetMend config each world writes to `configPath`. */
export const LAB_NETMEND_CONFIG = {
  publicResolvers: [
    { name: 'Google', address: LAB.google },
    { name: 'Cloudflare', address: LAB.cloudflare },
    { name: 'Quad9', address: LAB.quad9 },
  ],
  reachabilityTargets: [
    { address: LAB.cloudflare, port: 443 },
    { address: LAB.google, port: 443 },
    { address: LAB.quad9, port: 443 },
  ],
  captivePortalUrl: `http://${LAB.connectivityName}/generate_204`,
  budgetMs: 4000,
} as const

/** `dhcp` worlds' config: Google has an IPv6 address too. */
export const LAB_DHCP_NETMEND_CONFIG = {
  ...LAB_NETMEND_CONFIG,
  publicResolvers: [...LAB_NETMEND_CONFIG.publicResolvers, { name: 'Google', address: LAB6.google }],
} as const

// ---------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------

export interface ExecOptions {
  /** Kill the command (its whole process group) after this long; default 30 s. */
  timeoutMs?: number
  /** Added to the environment (which starts as ours, minus any *_proxy variables). */
  env?: Record<string, string>
  /** Written to the command's stdin, then closed. */
  input?: string
}

export interface ExecResult {
  /** Exit code; null when killed by a signal (e.g. on timeout). */
  code: number | null
  stdout: string
  stderr: string
  durationMs: number
}

export interface World {
  name: WorldName
  spec: Readonly<WorldSpec>
  clientNs: string
  routerNs: string
  inetNs: string
  /** Per-world temp dir: server configs, pid files, logs, certificate, NetMend config. */
  dir: string
  /** NetMend config JSON for the CLI (LAB_NETMEND_CONFIG). */
  configPath: string
  /** PEM of the site's self-signed certificate (CN/SAN shop.lab.test). */
  certPath: string
  /** Milliseconds createWorld took. */
  createdInMs: number
  /** Runs argv inside the client namespace via `ip netns exec`. */
  exec(argv: string[], options?: ExecOptions): Promise<ExecResult>
  /** Idempotent: kills every process in the three namespaces, deletes them, /etc/netns/<ns> and the temp dir. */
  destroy(): Promise<void>
}

/** Every name the lab gives (namespaces, temp dirs, containers) starts with it, then the owner's pid. */
export const NS_PREFIX = 'nmlab-'
const NS_PATTERN = /^nmlab-(\d+)-/
type Role = 'client' | 'router' | 'inet'

let worldSeq = 0
const liveWorlds = new Set<WorldImpl>()
let sweptOnce = false

/**
 * Builds the named world (with another client when `client` is given). On any failure everything created
 * so far is removed and the error rethrown.
 */
export async function createWorld(name: WorldName, options: { client?: ClientMode } = {}): Promise<World> {
  const named = WORLDS[name]
  if (!named) throw new Error(`unknown lab world: ${String(name)}`)
  const spec = { ...named, client: options.client ?? named.client }
  installExitHandlers()
  if (!sweptOnce) {
    sweptOnce = true
    await sweepLeftoverLabs()
  }
  const started = performance.now()
  const id = `${process.pid}-${++worldSeq}`
  const world = new WorldImpl(name, spec, id)
  liveWorlds.add(world)
  try {
    await world.build()
  } catch (err) {
    const logs = world.describeLogs()
    await world.destroy().catch(() => undefined)
    if (err instanceof Error && logs) err.message += `\n${logs}`
    throw err
  }
  world.createdInMs = Math.round(performance.now() - started)
  return world
}

/** Removes namespaces, /etc/netns entries and temp dirs of earlier runs whose owner process is gone. */
export async function sweepLeftoverLabs(): Promise<void> {
  const namespaces = await listNamespaces()
  for (const ns of namespaces) {
    const owner = ownerPid(ns)
    if (owner === null || isAlive(owner)) continue
    await killNamespaceProcesses(ns)
    await run('ip', ['netns', 'del', ns], { allowFail: true })
    await rm(path.join('/etc/netns', ns), { recursive: true, force: true })
  }
  for (const dir of ['/etc/netns', os.tmpdir()]) {
    let entries: string[] = []
    try {
      entries = readdirSync(dir)
    } catch {
      continue
    }
    for (const entry of entries) {
      const owner = ownerPid(entry)
      if (owner === null || isAlive(owner)) continue
      await rm(path.join(dir, entry), { recursive: true, force: true })
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Process helpers (no shell anywhere: argv arrays only)
// ---------------------------------------------------------------------------------------------------------

interface RunOptions {
  input?: string
  timeoutMs?: number
  env?: NodeJS.ProcessEnv
  /** Resolve with the result instead of rejecting on a non-zero exit. */
  allowFail?: boolean
}

export function toolEnv(extra?: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    // A proxy configured for the host would send lab traffic somewhere else: never inherit one.
    if (/_proxy$/i.test(k)) continue
    env[k] = v
  }
  env.PATH = labPath()
  // The lab reads NetMend's English words, whatever language this machine speaks; a test can ask for another.
  env.LC_ALL = 'C.UTF-8'
  return { ...env, ...extra }
}

export function spawnCollect(cmd: string, args: string[], opts: RunOptions = {}): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(cmd, args, { env: opts.env ?? toolEnv(), detached: true, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.stdin.on('error', () => undefined) // the command may exit without reading its input
    child.stdin.end(opts.input ?? '')
    if (opts.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }, opts.timeoutMs)
    }
    child.on('error', (err) => {
      if (timer) clearTimeout(timer)
      reject(err)
    })
    child.on('close', (code) => {
      if (timer) clearTimeout(timer)
      resolve({ code, stdout, stderr, durationMs: Math.round(performance.now() - started) })
    })
  })
}

export async function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<ExecResult> {
  const result = await spawnCollect(cmd, args, { timeoutMs: 15_000, ...opts })
  if (result.code !== 0 && !opts.allowFail) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.code}): ${result.stderr.trim() || result.stdout.trim()}`)
  }
  return result
}

async function listNamespaces(): Promise<string[]> {
  const { stdout } = await run('ip', ['netns', 'list'], { allowFail: true })
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((ns) => ns.startsWith(NS_PREFIX))
}

export function ownerPid(name: string): number | null {
  const m = NS_PATTERN.exec(name)
  return m ? Number(m[1]) : null
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
  try {
    // A zombie owner is dead too.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return true
  }
}

async function namespacePids(ns: string): Promise<number[]> {
  const { stdout } = await run('ip', ['netns', 'pids', ns], { allowFail: true })
  return parsePids(stdout)
}

function parsePids(text: string): number[] {
  return text
    .split(/\s+/)
    .filter((s) => /^\d+$/.test(s))
    .map(Number)
    .filter((pid) => pid !== process.pid)
}

async function killNamespaceProcesses(ns: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const pids = await namespacePids(ns)
    if (pids.length === 0) return
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    await sleep(20)
  }
}

// ---------------------------------------------------------------------------------------------------------
// Interrupt / exit cleanup
// ---------------------------------------------------------------------------------------------------------

let handlersInstalled = false

function installExitHandlers(): void {
  if (handlersInstalled) return
  handlersInstalled = true
  process.on('exit', destroyAllSync)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const handler = (): void => {
      destroyAllSync()
      process.removeListener(signal, handler)
      // Re-raise so the process ends the way it would have without us (unless someone else handles it).
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
    }
    process.on(signal, handler)
  }
}

function destroyAllSync(): void {
  for (const world of [...liveWorlds]) world.destroySync()
}

// ---------------------------------------------------------------------------------------------------------
// Server configuration
// ---------------------------------------------------------------------------------------------------------

const ROOT_TRUST_ANCHOR = '.,20326,8,2,E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D'

function hostRecords(siteAddress: string): string[] {
  return [
    `host-record=${LAB.siteName},${siteAddress}`,
    `host-record=${LAB.connectivityName},${LAB.connectivityCheck}`,
    `host-record=${LAB.portalName},${LAB.captivePortal}`,
  ]
}

function dnsmasqCommon(dir: string, tag: string, listen: string[], dhcpClient: boolean): string[] {
  return [
    // A desktop's caching resolver (systemd-resolved) keeps nothing with dnsmasq's default TTL of 0.
    ...(dhcpClient ? ['local-ttl=300'] : []),
    'no-resolv',
    'no-hosts',
    'bind-interfaces',
    ...listen.map((a) => `listen-address=${a}`),
    'port=53',
    'user=root',
    `pid-file=${path.join(dir, `dnsmasq-${tag}.pid`)}`,
    `log-facility=${path.join(dir, `dnsmasq-${tag}.log`)}`,
    'log-queries',
  ]
}

function publicResolverConf(dir: string, dhcpClient: boolean, web = false): string {
  return [
    '# Public resolvers (stand-ins for Cloudflare, Google, Quad9): lab data only, no upstream.',
    ...dnsmasqCommon(dir, 'public', [LAB.cloudflare, LAB.google, LAB.quad9, ...(dhcpClient ? [LAB6.google] : [])], dhcpClient),
    ...hostRecords(LAB.site),
    ...(web ? webDnsRecords('public') : []),
    '# Every other name, any TLD: NXDOMAIN (without this dnsmasq would answer REFUSED).',
    'local=/#/',
    '',
  ].join('\n')
}

function ispResolverConf(dir: string, mode: IspMode, dhcpClient: boolean, web = false): string {
  const common = dnsmasqCommon(dir, 'isp', [LAB.ispResolver, ...(dhcpClient ? [LAB6.ispResolver] : [])], dhcpClient)
  const lines = [`# ISP resolver, mode ${mode}.`, ...common, ...(web ? webDnsRecords('isp') : [])]
  switch (mode) {
    case 'normal':
    case 'silent': // nftables in inet drops the queries; the server itself is normal
      lines.push(...hostRecords(LAB.site), 'local=/#/')
      break
    case 'stale':
      lines.push(...hostRecords(LAB.oldSite), 'local=/#/')
      break
    case 'blocks-site':
      // Like an ISP that blocks a site by name (or remembers an old "no such name"): NXDOMAIN for the site only.
      lines.push(...hostRecords(LAB.site).filter((line) => !line.startsWith(`host-record=${LAB.siteName},`)), 'local=/#/')
      break
    case 'hijack':
      // Unknown names get the ad server's A record; other types (AAAA, MX...) stay NOERROR with no data
      // rather than REFUSED, like a real NXDOMAIN-rewriting ISP.
      lines.push(...hostRecords(LAB.site), `address=/#/${LAB.adServer}`, 'local=/#/')
      break
    case 'servfail':
      // A genuine SERVFAIL from dnsmasq: it validates DNSSEC against the real root trust anchor, but its
      // upstream (the lab's public resolver) serves unsigned data, so every answer is BOGUS -> SERVFAIL.
      lines.push(`server=${LAB.cloudflare}`, 'dnssec', `trust-anchor=${ROOT_TRUST_ANCHOR}`)
      break
  }
  lines.push('')
  return lines.join('\n')
}

/**
 * The router's DHCP server and router advertisements on lan0, for a `dhcp` client: an address, the
 * gateway, the ISP's resolver and the search domain over DHCPv4; over IPv6 an address by SLAAC and the
 * ISP's IPv6 resolver in the advertisement (RDNSS) and by stateless DHCPv6. No DNS service (port=0).
 */
function dhcpServerConf(dir: string): string {
  return [
    '# The router: DHCP and router advertisements on the LAN.',
    'port=0',
    'interface=lan0',
    'bind-interfaces',
    'user=root',
    `pid-file=${path.join(dir, 'dnsmasq-dhcp.pid')}`,
    `log-facility=${path.join(dir, 'dnsmasq-dhcp.log')}`,
    'log-dhcp',
    `dhcp-leasefile=${path.join(dir, 'dhcp.leases')}`,
    'dhcp-authoritative',
    `dhcp-range=${LAB.clientAddress},${LAB.clientAddress.replace(/\d+$/, '149')},255.255.255.0,1h`,
    `dhcp-option=option:router,${LAB.gateway}`,
    `dhcp-option=option:dns-server,${LAB.ispResolver}`,
    `dhcp-option=option:domain-name,${LAB.searchDomain}`,
    `dhcp-option=option:domain-search,${LAB.searchDomain}`,
    'enable-ra',
    `dhcp-range=${LAB6.lanPrefix},ra-stateless,64,1h`,
    `dhcp-option=option6:dns-server,[${LAB6.ispResolver}]`,
    `dhcp-option=option6:domain-search,${LAB.searchDomain}`,
    '',
  ].join('\n')
}

const SHOP_HTML = `<!doctype html><html><head><title>Lab Shop</title></head><body><h1>${SITE_BODY}</h1></body></html>\\n`
const PORTAL_HTML =
  `<!doctype html><html><head><title>${PORTAL_TITLE}</title></head><body><h1>${PORTAL_TITLE}</h1>` +
  `<form method="post" action="/login"><input name="room"><button>Connect</button></form></body></html>\\n`

function siteLocation(mode: SiteMode): string {
  switch (mode) {
    case 'healthy':
      return `default_type text/html; return 200 '${SHOP_HTML}';`
    case 'bad-gateway':
      return 'proxy_pass http://127.0.0.1:9;' // nothing listens there: connection refused -> 502
    case 'unavailable':
      return 'return 503;'
    case 'gateway-timeout':
      return `proxy_connect_timeout 1s; proxy_pass http://${LAB.blackhole}:8080;` // SYN dropped -> 504 after 1 s
  }
}

function nginxConf(dir: string, site: SiteMode, web = false): string {
  const p = (f: string): string => path.join(dir, f)
  return `# nginx for lab world in ${dir}
master_process off;
daemon off;
pid ${p('nginx.pid')};
error_log ${p('nginx-error.log')} warn;
events { worker_connections 256; }
http {
  access_log ${p('nginx-access.log')};
  client_body_temp_path ${p('nginx-tmp/body')};
  proxy_temp_path ${p('nginx-tmp/proxy')};
  fastcgi_temp_path ${p('nginx-tmp/fastcgi')};
  uwsgi_temp_path ${p('nginx-tmp/uwsgi')};
  scgi_temp_path ${p('nginx-tmp/scgi')};
  default_type text/plain;
  keepalive_timeout 5s;

  # The site (${LAB.siteName}), mode ${site}; HTTPS with a per-world self-signed certificate.
  server {
    listen ${LAB.site}:80;
    listen ${LAB.site}:443 ssl;
    server_name ${LAB.siteName};
    ssl_certificate ${p('site.crt')};
    ssl_certificate_key ${p('site.key')};
    location / { ${siteLocation(site)} }
  }

  # The site's old server: its upstream is gone.
  server {
    listen ${LAB.oldSite}:80;
    location / { proxy_pass http://127.0.0.1:9; }
  }

  # Ad server the hijacking ISP points unknown names at.
  server {
    listen ${LAB.adServer}:80;
    location / { return 200 '${AD_BODY}\\n'; }
  }

  # Connectivity check.
  server {
    listen ${LAB.connectivityCheck}:80;
    location = /generate_204 { return 204; }
    location / { return 404; }
  }

  # Captive portal: any host is sent to the login page, which is served for ${LAB.portalName}.
  server {
    listen ${LAB.captivePortal}:80 default_server;
    location / { return 302 ${PORTAL_LOGIN_URL}; }
  }
  server {
    listen ${LAB.captivePortal}:80;
    server_name ${LAB.portalName};
    location / { default_type text/html; return 200 '${PORTAL_HTML}'; }
  }

  # Reachability targets on the public resolvers' addresses (only TCP connects matter).
  server {
    listen ${LAB.cloudflare}:443;
    listen ${LAB.google}:443;
    listen ${LAB.quad9}:443;
    return 200 'ok\\n';
  }
${web ? webNginxServers(dir) : ''}}
`
}

function routerRules(mode: FirewallMode): string {
  const input: string[] = []
  const forward: string[] = []
  let forwardPolicy = 'accept'
  let nat = ''
  switch (mode) {
    case 'open':
      break
    case 'web-blocked':
      forward.push('tcp dport { 80, 443 } drop')
      break
    case 'dns-blocked':
      forward.push('meta l4proto { tcp, udp } th dport 53 drop')
      break
    case 'no-internet':
      forwardPolicy = 'drop'
      break
    case 'gateway-down':
      input.push('iifname "lan0" drop')
      forward.push('iifname "lan0" drop')
      break
    case 'captive':
      forward.push('iifname "lan0" tcp dport 443 drop')
      nat = `
table ip nmlab_nat {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    iifname "lan0" tcp dport 80 dnat to ${LAB.captivePortal}:80
  }
}
`
      break
  }
  return `# router firewall, mode ${mode}
table inet nmlab {
  chain input {
    type filter hook input priority filter; policy accept;
    ${input.join('\n    ')}
  }
  chain forward {
    type filter hook forward priority filter; policy ${forwardPolicy};
    ${forward.join('\n    ')}
  }
}
${nat}`
}

function inetRules(isp: IspMode): string {
  const input = isp === 'silent' ? [`iifname "eth0" ip daddr ${LAB.ispResolver} meta l4proto { tcp, udp } th dport 53 drop`] : []
  return `# inet firewall (ISP ${isp})
table inet nmlab {
  chain input {
    type filter hook input priority filter; policy accept;
    ${input.join('\n    ')}
  }
  chain output {
    type filter hook output priority filter; policy accept;
    ip daddr ${LAB.blackhole} drop
  }
}
`
}

const CLIENT_RESOLV_CONF = `# NetMend lab world: the ISP's resolver, as handed out by the router's DHCP
search ${LAB.searchDomain}
nameserver ${LAB.ispResolver}
options timeout:1
`

const NSSWITCH_CONF = `# NetMend lab world: no mDNS, no systemd-resolved: only /etc/hosts and the resolv.conf above
passwd: files
group: files
shadow: files
hosts: files dns
networks: files
protocols: files
services: files
ethers: files
rpc: files
netgroup: files
`

const HOSTS = `127.0.0.1 localhost
::1 localhost ip6-localhost ip6-loopback
`

// ---------------------------------------------------------------------------------------------------------
// The world
// ---------------------------------------------------------------------------------------------------------

interface Server {
  label: string
  child: ChildProcess
  stderr: string
  exited: Promise<void>
  exitCode: number | null | undefined
}

class WorldImpl implements World {
  readonly clientNs: string
  readonly routerNs: string
  readonly inetNs: string
  dir = ''
  configPath = ''
  certPath = ''
  createdInMs = 0
  private readonly namespaces: string[]
  private readonly createdNs = new Set<string>()
  private readonly servers: Server[] = []
  private destroying: Promise<void> | null = null
  private destroyed = false

  constructor(
    readonly name: WorldName,
    readonly spec: Readonly<WorldSpec>,
    private readonly id: string,
  ) {
    this.clientNs = `${NS_PREFIX}${id}-client`
    this.routerNs = `${NS_PREFIX}${id}-router`
    this.inetNs = `${NS_PREFIX}${id}-inet`
    this.namespaces = [this.clientNs, this.routerNs, this.inetNs]
  }

  /**
   * Only `dhcp` worlds run a DHCP server and have IPv6: the other worlds' clients are configured by hand,
   * with IPv4 alone.
   */
  private get dhcpClient(): boolean {
    return this.spec.client === 'dhcp'
  }

  private ns(role: Role): string {
    return role === 'client' ? this.clientNs : role === 'router' ? this.routerNs : this.inetNs
  }

  async build(): Promise<void> {
    this.dir = await mkdtemp(path.join(os.tmpdir(), `${NS_PREFIX}${this.id}-${this.name}-`))
    this.configPath = path.join(this.dir, 'netmend.json')
    this.certPath = path.join(this.dir, 'site.crt')
    await Promise.all([this.buildNetwork(), this.writeFiles()])
    await Promise.all([this.startServers(), this.spec.client === 'online' ? this.waitForClientCarrier() : Promise.resolve()])
  }

  /**
   * The kernel reports a new veth's carrier up to a second late (link watch batches the event), and until
   * then the interface is not RUNNING: programs listing interfaces, as NetMend does, would see none.
   */
  private async waitForClientCarrier(deadlineMs = 3000): Promise<void> {
    const deadline = performance.now() + deadlineMs
    for (;;) {
      const link = await run('ip', ['-n', this.clientNs, '-o', 'link', 'show', 'eth0'], { allowFail: true })
      if (/[<,]LOWER_UP[,>]/.test(link.stdout) && /state UP/.test(link.stdout)) return
      if (performance.now() > deadline) throw new Error(`client eth0 has no carrier after ${deadlineMs} ms: ${link.stdout.trim()}`)
      await sleep(20)
    }
  }

  private async writeFiles(): Promise<void> {
    const d = this.dir
    await Promise.all([
      writeFile(this.configPath, JSON.stringify(this.dhcpClient ? LAB_DHCP_NETMEND_CONFIG : LAB_NETMEND_CONFIG, null, 2) + '\n'),
      writeFile(path.join(d, 'dnsmasq-public.conf'), publicResolverConf(d, this.dhcpClient, this.spec.web)),
      writeFile(path.join(d, 'dnsmasq-isp.conf'), ispResolverConf(d, this.spec.isp, this.dhcpClient, this.spec.web)),
      ...(this.dhcpClient ? [writeFile(path.join(d, 'dnsmasq-dhcp.conf'), dhcpServerConf(d))] : []),
      writeFile(path.join(d, 'nginx.conf'), nginxConf(d, this.spec.site, this.spec.web)),
      ...(this.spec.web ? [writeWebCertificates(d, run)] : []),
      writeFile(path.join(d, 'router.nft'), routerRules(this.spec.firewall)),
      writeFile(path.join(d, 'inet.nft'), inetRules(this.spec.isp)),
      mkdir(path.join(d, 'nginx-tmp'), { recursive: true }),
      run('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', path.join(d, 'site.key'), '-out', this.certPath, '-days', '2',
        '-subj', `/CN=${LAB.siteName}`, '-addext', `subjectAltName=DNS:${LAB.siteName}`,
      ]),
    ])
  }

  private async buildNetwork(): Promise<void> {
    // /etc/netns/<ns>/* is bind-mounted over /etc/* by `ip netns exec`: the client resolves via the world's ISP,
    // and nothing inside any namespace can fall back on the host's resolver.
    for (const ns of this.namespaces) {
      const etc = path.join('/etc/netns', ns)
      await mkdir(etc, { recursive: true })
      const resolv = ns === this.clientNs ? CLIENT_RESOLV_CONF : `# NetMend lab world\nnameserver ${LAB.cloudflare}\n`
      await Promise.all([
        writeFile(path.join(etc, 'resolv.conf'), resolv),
        writeFile(path.join(etc, 'nsswitch.conf'), NSSWITCH_CONF),
        writeFile(path.join(etc, 'hosts'), HOSTS),
      ])
    }
    await Promise.all(
      this.namespaces.map(async (ns) => {
        await run('ip', ['netns', 'add', ns])
        this.createdNs.add(ns)
      }),
    )
    if (this.dhcpClient) {
      // The servers' IPv6 addresses must be usable at once, not "tentative" during duplicate detection.
      for (const role of ['router', 'inet'] as const) {
        await run('ip', ['netns', 'exec', this.ns(role), 'sysctl', '-q', '-w', 'net.ipv6.conf.default.accept_dad=0', 'net.ipv6.conf.all.accept_dad=0'])
      }
    }
    // veth pairs are created inside the router namespace with the peer moved straight into its namespace:
    // no interface ever exists in the root namespace.
    await run('ip', ['-n', this.routerNs, 'link', 'add', 'lan0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', this.clientNs])
    await run('ip', ['-n', this.routerNs, 'link', 'add', 'wan0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', this.inetNs])

    const client =
      this.spec.client === 'no-network' || this.spec.client === 'dhcp'
        ? ['link set lo up', 'link set eth0 down']
        : ['link set lo up', `addr add ${LAB.clientAddress}/24 dev eth0`, 'link set eth0 up', `route add default via ${LAB.gateway}`]
    const v6 = (commands: string[]): string[] => (this.dhcpClient ? commands : [])
    const router = [
      'link set lo up',
      `addr add ${LAB.gateway}/24 dev lan0`,
      `addr add ${LAB.routerWan}/24 dev wan0`,
      ...v6([`addr add ${LAB6.gateway}/64 dev lan0`, `addr add ${LAB6.routerWan}/64 dev wan0`]),
      'link set lan0 up',
      'link set wan0 up',
      `route add 198.51.100.0/24 via ${LAB.inetAddress}`,
      ...v6([`route add ${LAB6.ispResolver}/128 via ${LAB6.inetAddress}`, `route add ${LAB6.google}/128 via ${LAB6.inetAddress}`]),
    ]
    const loAddresses = [LAB.ispResolver, LAB.site, LAB.oldSite, LAB.adServer, LAB.connectivityCheck, LAB.captivePortal, LAB.cloudflare, LAB.google, LAB.quad9, ...(this.spec.web ? WEB_LOOPBACK_ADDRESSES : [])]
    const inet = [
      'link set lo up',
      `addr add ${LAB.inetAddress}/24 dev eth0`,
      ...loAddresses.map((a) => `addr add ${a}/32 dev lo`),
      ...v6([`addr add ${LAB6.inetAddress}/64 dev eth0`, `addr add ${LAB6.ispResolver}/128 dev lo`, `addr add ${LAB6.google}/128 dev lo`]),
      'link set eth0 up',
      `route add default via ${LAB.routerWan}`,
      ...v6([`route add ::/0 via ${LAB6.routerWan}`]),
    ]
    await Promise.all([
      this.ipBatch('client', client),
      this.ipBatch('router', router),
      this.ipBatch('inet', inet),
      run('ip', ['netns', 'exec', this.routerNs, 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1', ...(this.dhcpClient ? ['net.ipv6.conf.all.forwarding=1'] : [])]),
      run('ip', ['netns', 'exec', this.routerNs, 'nft', '-f', '-'], { input: routerRules(this.spec.firewall) }),
      run('ip', ['netns', 'exec', this.inetNs, 'nft', '-f', '-'], { input: inetRules(this.spec.isp) }),
    ])
  }

  private async ipBatch(role: Role, commands: string[]): Promise<void> {
    await run('ip', ['-n', this.ns(role), '-batch', '-'], { input: commands.join('\n') + '\n' })
  }

  private startServer(label: string, argv: string[], role: Role = 'inet'): Server {
    const child = spawn('ip', ['netns', 'exec', this.ns(role), ...argv], { env: toolEnv(), stdio: ['ignore', 'ignore', 'pipe'] })
    const server: Server = { label, child, stderr: '', exitCode: undefined, exited: Promise.resolve() }
    server.exited = new Promise<void>((resolve) => {
      child.on('error', (err) => {
        server.stderr += String(err)
        server.exitCode = null
        resolve()
      })
      child.on('exit', (code) => {
        server.exitCode = code
        resolve()
      })
    })
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      if (server.stderr.length < 8000) server.stderr += d
    })
    // Servers must not keep the test process alive; destroy() stops them.
    child.unref()
    ;(child.stderr as unknown as { unref?: () => void } | null)?.unref?.()
    this.servers.push(server)
    return server
  }

  private async startServers(): Promise<void> {
    const d = this.dir
    const pub = this.startServer('dnsmasq (public resolvers)', ['dnsmasq', '--keep-in-foreground', `--conf-file=${path.join(d, 'dnsmasq-public.conf')}`])
    const isp = this.startServer('dnsmasq (ISP resolver)', ['dnsmasq', '--keep-in-foreground', `--conf-file=${path.join(d, 'dnsmasq-isp.conf')}`])
    const web = this.startServer('nginx', ['nginx', '-p', `${d}/`, '-e', path.join(d, 'nginx-error.log'), '-c', path.join(d, 'nginx.conf')])
    const inetDig = (server: string): string[] => ['ip', 'netns', 'exec', this.inetNs, 'dig', '+time=1', '+tries=1', `@${server}`, LAB.siteName]
    await Promise.all([
      this.waitReady(pub, inetDig(LAB.cloudflare)),
      this.waitReady(web, ['ip', 'netns', 'exec', this.inetNs, 'curl', '-s', '-o', '/dev/null', '-m', '1', `http://${LAB.connectivityCheck}/generate_204`]),
    ])
    // The servfail ISP forwards to the public resolver, so ask it only once that one is up.
    await this.waitReady(isp, inetDig(LAB.ispResolver))
    if (this.dhcpClient) {
      const dhcp = this.startServer('dnsmasq (router DHCP)', ['dnsmasq', '--keep-in-foreground', `--conf-file=${path.join(d, 'dnsmasq-dhcp.conf')}`], 'router')
      // dnsmasq writes its pid file once its sockets are bound.
      await this.waitReady(dhcp, ['test', '-s', path.join(d, 'dnsmasq-dhcp.pid')])
    }
  }

  private async waitReady(server: Server, probe: string[], deadlineMs = 5000): Promise<void> {
    const deadline = performance.now() + deadlineMs
    for (;;) {
      if (server.exitCode !== undefined) {
        throw new Error(`${server.label} exited (code ${server.exitCode}) while starting: ${server.stderr.trim()}`)
      }
      const [cmd, ...args] = probe as [string, ...string[]]
      const result = await run(cmd, args, { allowFail: true, timeoutMs: 3000 })
      if (result.code === 0) return
      if (performance.now() > deadline) {
        throw new Error(`${server.label} not ready after ${deadlineMs} ms (probe: ${probe.slice(4).join(' ')} -> exit ${result.code})`)
      }
      await sleep(15)
    }
  }

  describeLogs(): string {
    return this.servers
      .filter((s) => s.stderr.trim())
      .map((s) => `${s.label}: ${s.stderr.trim()}`)
      .join('\n')
  }

  async exec(argv: string[], options: ExecOptions = {}): Promise<ExecResult> {
    if (this.destroyed || this.destroying) throw new Error(`lab world ${this.name} is destroyed`)
    if (argv.length === 0) throw new Error('exec needs a command')
    return spawnCollect('ip', ['netns', 'exec', this.clientNs, ...argv], {
      env: toolEnv(options.env),
      input: options.input,
      timeoutMs: options.timeoutMs ?? 30_000,
    })
  }

  destroy(): Promise<void> {
    if (!this.destroying) this.destroying = this.teardown()
    return this.destroying
  }

  private async teardown(): Promise<void> {
    // Ask the servers to stop (nginx and dnsmasq exit at once on SIGTERM), then kill whatever is left.
    for (const s of this.servers) {
      if (s.exitCode === undefined) s.child.kill('SIGTERM')
    }
    await Promise.race([Promise.all(this.servers.map((s) => s.exited)), sleep(2000)])
    for (const ns of this.createdNs) await killNamespaceProcesses(ns)
    for (const s of this.servers) {
      if (s.exitCode === undefined) s.child.kill('SIGKILL')
    }
    await Promise.race([Promise.all(this.servers.map((s) => s.exited)), sleep(2000)])
    for (const ns of this.namespaces) {
      if (this.createdNs.has(ns)) await run('ip', ['netns', 'del', ns], { allowFail: true })
      await rm(path.join('/etc/netns', ns), { recursive: true, force: true })
    }
    if (this.dir) await rm(this.dir, { recursive: true, force: true })
    this.destroyed = true
    liveWorlds.delete(this)
  }

  /** For exit/signal handlers: same as destroy(), synchronously. */
  destroySync(): void {
    if (this.destroyed) return
    const opts = { env: toolEnv(), stdio: ['ignore', 'pipe', 'ignore'] as ('ignore' | 'pipe')[], timeout: 5000 }
    for (const s of this.servers) {
      try {
        if (s.exitCode === undefined) s.child.kill('SIGKILL')
      } catch {
        // gone
      }
    }
    for (const ns of this.namespaces) {
      try {
        const pids = parsePids(execFileSync('ip', ['netns', 'pids', ns], opts).toString())
        for (const pid of pids) {
          try {
            process.kill(pid, 'SIGKILL')
          } catch {
            // gone
          }
        }
      } catch {
        // namespace not there
      }
      try {
        execFileSync('ip', ['netns', 'del', ns], opts)
      } catch {
        // not there
      }
      rmSync(path.join('/etc/netns', ns), { recursive: true, force: true })
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true })
    this.destroyed = true
    liveWorlds.delete(this)
  }
}
