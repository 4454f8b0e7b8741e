// What the desktop tests ask a booted desktop, and what its world's servers saw. Each answer comes from
// the system's own tools (resolvectl, nmcli, getent, /etc/resolv.conf) or from the lab resolvers' logs.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
import type { CliJsonReport } from '../diagnose-in-world'
import { LAB, type WorldName } from '../lab'
import { bootDesktop, BOOT_HOOK_TIMEOUT_MS, WIRED_PROFILE, type Desktop, type DesktopStack } from './desktop'

export interface ShownDns {
  adapters: {
    id: string
    name: string
    owner: string
    ipv4: { servers: string[]; source: string }
    ipv6: { servers: string[]; source: string }
    virtual: boolean
    primary: boolean
  }[]
  netmendChanged: boolean
}

/** `netmend dns show --json` inside the desktop. */
export async function shownDns(desktop: Desktop): Promise<ShownDns> {
  const shown = await desktop.netmend(['dns', 'show', '--json'])
  expect(shown.code, shown.stderr).toBe(0)
  return JSON.parse(shown.stdout) as ShownDns
}

/** `netmend diagnose SITE --json` inside the desktop. */
export async function diagnosed(desktop: Desktop, site: string): Promise<{ code: number | null; report: CliJsonReport }> {
  const run = await desktop.netmend(['diagnose', site, '--json'], { timeoutMs: 30_000 })
  try {
    return { code: run.code, report: JSON.parse(run.stdout) as CliJsonReport }
  } catch {
    throw new Error(`netmend diagnose printed no JSON (exit ${run.code}): ${run.stdout}\n${run.stderr}`)
  }
}

/** IPv4 addresses getaddrinfo finds for `name` through the system's own path (nsswitch, resolv.conf, the stub). */
export async function systemLookup(desktop: Desktop, name: string): Promise<string[]> {
  const found = await desktop.exec(['getent', 'ahostsv4', name])
  return [...new Set(found.stdout.split('\n').map((line) => line.split(/\s+/)[0] ?? '').filter(Boolean))]
}

/** A name nobody asked before, so no cache can answer it: only a query that reaches a server is logged. */
export function freshName(): string {
  return `probe-${randomBytes(4).toString('hex')}.${LAB.searchDomain}`
}

/** How many queries for `name` the world's public resolvers or its ISP resolver logged. */
export function queriesSeen(desktop: Desktop, resolver: 'public' | 'isp', name: string): number {
  const log = readFileSync(path.join(desktop.world.dir, `dnsmasq-${resolver}.log`), 'utf8')
  return log.split('\n').filter((line) => /query\[[A-Z]+\] /.test(line) && line.includes(` ${name} from `)).length
}

/** `resolvectl dns eth0` or `resolvectl domain eth0`: the link's list, in order. */
export async function resolvedLink(desktop: Desktop, what: 'dns' | 'domain'): Promise<string[]> {
  const shown = await desktop.exec(['resolvectl', what, 'eth0'])
  expect(shown.code, shown.stderr).toBe(0)
  return (/^Link \d+ \(eth0\):(.*)$/m.exec(shown.stdout)?.[1] ?? '').trim().split(/\s+/).filter(Boolean)
}

/** The wired profile's DNS values as NetworkManager keeps them. */
export const PROFILE_DNS_FIELDS = ['ipv4.dns', 'ipv4.ignore-auto-dns', 'ipv4.dns-search', 'ipv6.dns', 'ipv6.ignore-auto-dns', 'ipv6.dns-search'] as const

export async function profileDns(desktop: Desktop): Promise<Record<string, string>> {
  const shown = await desktop.exec(['nmcli', '--terse', '--escape', 'no', '--fields', PROFILE_DNS_FIELDS.join(','), 'connection', 'show', WIRED_PROFILE.uuid])
  expect(shown.code, shown.stderr).toBe(0)
  const values: Record<string, string> = {}
  for (const line of shown.stdout.split('\n').filter(Boolean)) {
    const colon = line.indexOf(':')
    values[line.slice(0, colon)] = line.slice(colon + 1)
  }
  expect(Object.keys(values).sort()).toEqual([...PROFILE_DNS_FIELDS].sort())
  return values
}

/** systemd-resolved's "Current Cache Size". */
export async function resolvedCacheSize(desktop: Desktop): Promise<number> {
  const statistics = await desktop.exec(['resolvectl', 'statistics'])
  const size = /Current Cache Size:\s*(\d+)/.exec(statistics.stdout)?.[1]
  if (size === undefined) throw new Error(`no cache size in resolvectl statistics: ${statistics.stdout}${statistics.stderr}`)
  return Number(size)
}

/** The file's bytes as the desktop reads them (through a symlink, as glibc does). */
export async function fileInside(desktop: Desktop, file: string): Promise<Buffer> {
  const read = await desktop.exec(['base64', '--wrap=0', file])
  expect(read.code, read.stderr).toBe(0)
  return Buffer.from(read.stdout, 'base64')
}

export const nameservers = (resolvConf: Buffer): string[] =>
  resolvConf
    .toString('utf8')
    .split('\n')
    .filter((line) => line.startsWith('nameserver '))
    .map((line) => line.slice('nameserver '.length).trim())

// ---------------------------------------------------------------------------------------------------------
// Steps every stack's story shares
// ---------------------------------------------------------------------------------------------------------

/**
 * Boots the stack once for the surrounding describe (after its world is built) and stops it after the
 * last test, also when tests failed. Returns the running desktop's getter.
 */
export function bootedForSuite(stack: DesktopStack, world: WorldName): () => Desktop {
  let desktop: Desktop | undefined
  beforeAll(async () => {
    desktop = await bootDesktop(stack, world)
  }, BOOT_HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await desktop?.destroy()
  }, BOOT_HOOK_TIMEOUT_MS)
  return () => {
    if (desktop === undefined) throw new Error(`the ${stack} desktop did not boot`)
    return desktop
  }
}

/** The one adapter `dns show` lists on a desktop whose DNS servers all come from the router. */
export function routerAdapter(owner: string, id: string, name: string, ipv6Servers: string[]): ShownDns['adapters'][number] {
  const source = owner === 'networkmanager' ? 'automatic' : 'unknown'
  return { id, name, owner, ipv4: { servers: [LAB.ispResolver], source }, ipv6: { servers: ipv6Servers, source }, virtual: false, primary: true }
}

export const SITE = `http://${LAB.siteName}/`

/** isp-stale, nothing changed: the system's own lookup gets the old address; diagnose says so and offers the switch first. */
export async function expectStaleAddressDiagnosed(desktop: Desktop): Promise<void> {
  expect(await systemLookup(desktop, LAB.siteName)).toEqual([LAB.oldSite])
  const { code, report } = await diagnosed(desktop, SITE)
  expect(report.verdict.code).toBe('dns-stale')
  expect(code).toBe(1)
  expect(report.fixes[0]?.id).toBe('switch-dns')
}

/**
 * After `dns use google`: a lookup of a name nobody asked before, through the system's own path, reaches
 * the public resolver and not the ISP's; the site's address is the working one; NetMend says it changed
 * the settings; and diagnose finds nothing wrong.
 */
export async function expectLookupsThroughNewServer(desktop: Desktop): Promise<void> {
  const name = freshName()
  expect(await systemLookup(desktop, name)).toEqual([])
  expect(queriesSeen(desktop, 'public', name)).toBeGreaterThan(0)
  expect(queriesSeen(desktop, 'isp', name)).toBe(0)
  expect(await systemLookup(desktop, LAB.siteName)).toEqual([LAB.site])
  expect((await shownDns(desktop)).netmendChanged).toBe(true)
  const { code, report } = await diagnosed(desktop, SITE)
  expect(report.verdict.code).toBe('ok')
  expect(code).toBe(0)
  expect(report.fixes.map((fix) => fix.id)).not.toContain('switch-dns')
}

/** `dns flush` with systemd-resolved: its cache held the site's address, and is empty afterwards. */
export async function expectResolvedCacheFlushed(desktop: Desktop): Promise<void> {
  expect(await systemLookup(desktop, LAB.siteName)).toEqual([LAB.site])
  expect(await resolvedCacheSize(desktop)).toBeGreaterThan(0)
  const flushed = await desktop.netmend(['dns', 'flush'])
  expect(flushed.code, flushed.stderr).toBe(0)
  expect(flushed.stdout).toContain('resolvectl flush-caches')
  expect(await resolvedCacheSize(desktop)).toBe(0)
}

/** `dns flush` where glibc asks the servers itself: nothing to clear, and nothing changed. */
export async function expectNothingToFlush(desktop: Desktop): Promise<void> {
  const before = await fileInside(desktop, '/etc/resolv.conf')
  const flushed = await desktop.netmend(['dns', 'flush'])
  expect(flushed.code, flushed.stderr).toBe(0)
  expect(flushed.stdout).toMatch(/nothing to clear/)
  expect(await fileInside(desktop, '/etc/resolv.conf')).toEqual(before)
}
