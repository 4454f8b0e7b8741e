// Linux: find out who owns /etc/resolv.conf and use that owner's own tool.
//   systemd-resolved (stub 127.0.0.53)  → resolvectl dns/domain, undone with resolvectl revert
//   NetworkManager                       → nmcli connection modify … ipv4.dns … ignore-auto-dns yes, then
//                                          nmcli device reapply on the device it is active on (an inactive
//                                          profile is only modified: activating it would switch networks)
//   resolvconf                           → a record of our own (lo.netmend), removed on revert
//   a plain file                         → the file itself, nameserver lines only, restored byte for byte
import { readFile, readlink, realpath } from 'node:fs/promises'
import { failure } from '../../shared/result'
import { readDefaultGateways } from '../platform/gateway'
import { parseResolvConf } from '../platform/resolv-conf'
import { stdoutOf, type CommandRunner } from '../platform/run-command'
import { detectResolverManager } from '../platform/system-resolvers'
import type { AdapterReading, DnsBackend, PlanResult, ReadResult } from './backend'
import {
  parseNmActiveConnections,
  parseNmDeviceDns,
  parseNmDnsProperties,
  parseResolvectlLinks,
  resolvedDomains,
  resolvedServers,
} from './linux-parsers'
import { RESOLV_CONF, RESOLV_CONF_TARGETS, RESOLVCONF_RECORD } from './privileged-commands'
import { resolvConfWithServers } from './resolv-conf-edit'
import { resolvConfProblem } from './resolv-conf-grammar'
import { adapterStateProblem } from './records'
import type { AdapterDnsSettings, AdapterState, DnsOwner, FamilyDns, Step } from './types'
import { familyOf, isAdapterId, isNetworkManagerUuid } from './validate'
import { isVirtualDevice, isVirtualNetworkManagerConnection } from './virtual-adapters'

const RESOLVCONF_RECORD_FILE = `/run/resolvconf/interface/${RESOLVCONF_RECORD}`

export interface LinuxDeps {
  run: CommandRunner
  readFile?: (path: string) => Promise<Buffer>
  readLink?: (path: string) => Promise<string>
  realPath?: (path: string) => Promise<string>
  /** Interfaces that carry a default route, preferred first. */
  defaultInterfaces?: () => Promise<string[]>
}

type LinuxOwner = Extract<DnsOwner, 'systemd-resolved' | 'networkmanager' | 'resolvconf' | 'plain-file'>

const family = (servers: string[], source: FamilyDns['source']): FamilyDns => ({ servers, source })
const split = (servers: readonly string[]): { ipv4: string[]; ipv6: string[] } => ({
  ipv4: servers.filter((server) => familyOf(server.split('%')[0] ?? '') === 'IPv4'),
  ipv6: servers.filter((server) => familyOf(server.split('%')[0] ?? '') === 'IPv6'),
})

/** Who writes /etc/resolv.conf; NetworkManager wins over resolved when it runs, since it pushes to resolved. */
export async function detectLinuxOwner(text: string, symlinkTarget: string | undefined, run: CommandRunner): Promise<LinuxOwner> {
  const conf = parseResolvConf(text)
  const manager = detectResolverManager(conf, conf.nameservers, symlinkTarget)
  if (manager === 'systemd-resolved' || manager === 'networkmanager') {
    const state = await stdoutOf(run, 'nmcli', ['-t', '-f', 'RUNNING', 'general'])
    if (state?.trim() === 'running') return 'networkmanager'
    if (manager === 'systemd-resolved') return 'systemd-resolved'
    // A file NetworkManager wrote once, with NetworkManager gone: nobody rewrites it any more.
    return 'plain-file'
  }
  return manager === 'resolvconf' ? 'resolvconf' : 'plain-file'
}

function statesEqual(left: AdapterState, right: AdapterState): boolean {
  if (left.owner === 'networkmanager' && right.owner === 'networkmanager') {
    // Only what NetMend changes: the profile may be active on another device, or on none, since.
    const dnsOf = (state: typeof left): unknown[] => [state.uuid, state.ipv4Dns, state.ipv4IgnoreAutoDns, state.ipv6Dns, state.ipv6IgnoreAutoDns]
    return JSON.stringify(dnsOf(left)) === JSON.stringify(dnsOf(right))
  }
  const { key: _leftKey, ...leftRest } = left
  const { key: _rightKey, ...rightRest } = right
  return JSON.stringify(leftRest) === JSON.stringify(rightRest)
}

/**
 * `nmcli connection modify` changes the saved profile; `nmcli device reapply` makes the device the profile
 * is active on use it without reconnecting. A profile that is not active (`device` '': the computer moved
 * to another network since) is only modified — `connection up` would fail or switch networks.
 */
function networkManagerSteps(uuid: string, properties: string[], device: string): PlanResult {
  const steps: Step[] = [{ kind: 'run', file: 'nmcli', args: ['connection', 'modify', uuid, ...properties] }]
  if (device !== '') {
    if (!isAdapterId(device)) return failure('dns-settings.unsafe-name', device)
    steps.push({ kind: 'run', file: 'nmcli', args: ['device', 'reapply', device] })
  }
  return { ok: true, steps }
}

export function planLinuxApply(state: AdapterState, servers: readonly string[]): PlanResult {
  switch (state.owner) {
    case 'plain-file': {
      if (!RESOLV_CONF_TARGETS.includes(state.target)) return failure('dns-settings.refused', `${RESOLV_CONF} leads to ${state.target}, which NetMend does not write`)
      const current = Buffer.from(state.content, 'base64')
      // What cannot be written back exactly is not changed in the first place.
      const problem = resolvConfProblem(current)
      if (problem !== undefined) return failure('dns-settings.refused', `${RESOLV_CONF} holds ${problem}, which NetMend could not put back`)
      const content = Buffer.from(resolvConfWithServers(current.toString('utf8'), servers), 'utf8').toString('base64')
      return { ok: true, steps: [{ kind: 'write-resolv-conf', content }] }
    }
    case 'resolvconf':
      return {
        ok: true,
        steps: [{ kind: 'run', file: 'resolvconf', args: ['-a', RESOLVCONF_RECORD], input: servers.map((server) => `nameserver ${server}\n`).join('') }],
      }
    case 'systemd-resolved': {
      if (!isAdapterId(state.interface)) return failure('dns-settings.unsafe-name', state.interface)
      // "~." makes this link the one asked for every name; the search domains people use are kept.
      const search = state.domains.filter((domain) => !domain.startsWith('~'))
      return {
        ok: true,
        steps: [
          { kind: 'run', file: 'resolvectl', args: ['dns', state.interface, ...servers] },
          { kind: 'run', file: 'resolvectl', args: ['domain', state.interface, ...search, '~.'] },
        ],
      }
    }
    case 'networkmanager': {
      if (!isNetworkManagerUuid(state.uuid)) return failure('dns-settings.unsafe-name', state.uuid)
      const { ipv4, ipv6 } = split(servers)
      return networkManagerSteps(
        state.uuid,
        ['ipv4.dns', ipv4.join(' '), 'ipv4.ignore-auto-dns', 'yes', 'ipv6.dns', ipv6.join(' '), 'ipv6.ignore-auto-dns', 'yes'],
        state.device,
      )
    }
    default:
      return failure('dns-settings.unsupported', state.owner)
  }
}

export function planLinuxRestore(saved: AdapterState, current: readonly AdapterState[]): PlanResult {
  // The restore pre-check: the saved state comes from a file programs running as the person can write.
  const problem = adapterStateProblem(saved, 'linux')
  if (problem !== undefined) return failure('dns-settings.refused', `the saved settings: ${problem}`)
  const now = current.find((state) => state.owner === saved.owner && state.key === saved.key)
  if (now !== undefined && statesEqual(now, saved)) return { ok: true, steps: [] }
  switch (saved.owner) {
    case 'plain-file':
      return { ok: true, steps: [{ kind: 'write-resolv-conf', content: saved.content }] }
    case 'resolvconf':
      return saved.servers === null
        ? { ok: true, steps: [{ kind: 'run', file: 'resolvconf', args: ['-d', RESOLVCONF_RECORD, '-f'] }] }
        : planLinuxApply(saved, saved.servers)
    case 'systemd-resolved': {
      const steps: Step[] = [{ kind: 'run', file: 'resolvectl', args: ['revert', saved.interface] }]
      // While NetMend's change is in effect ("~." is its mark), reverting it alone gives the link back what
      // its manager (systemd-networkd: DHCP, router advertisements) provides, and keeps following it; setting
      // those values as well would pin them for good. What the revert does not bring back, the service's
      // next round sets (then NetMend's mark is gone).
      const oursInEffect = now?.owner === 'systemd-resolved' && now.domains.includes('~.') && !saved.domains.includes('~.')
      if (oursInEffect) return { ok: true, steps }
      if (saved.dns.length > 0) steps.push({ kind: 'run', file: 'resolvectl', args: ['dns', saved.interface, ...saved.dns] })
      if (saved.domains.length > 0) steps.push({ kind: 'run', file: 'resolvectl', args: ['domain', saved.interface, ...saved.domains] })
      return { ok: true, steps }
    }
    case 'networkmanager': {
      const yesNo = (flag: boolean): string => (flag ? 'yes' : 'no')
      // Applied where the profile is active now (maybe another device); not active: the profile only.
      const device = now?.owner === 'networkmanager' ? now.device : ''
      return networkManagerSteps(
        saved.uuid,
        [
          'ipv4.dns', saved.ipv4Dns.join(' '), 'ipv4.ignore-auto-dns', yesNo(saved.ipv4IgnoreAutoDns),
          'ipv6.dns', saved.ipv6Dns.join(' '), 'ipv6.ignore-auto-dns', yesNo(saved.ipv6IgnoreAutoDns),
        ],
        device,
      )
    }
    default:
      return failure('dns-settings.unsupported', saved.owner)
  }
}

export function linuxServersInUse(state: AdapterState): string[] {
  switch (state.owner) {
    case 'plain-file':
      return parseResolvConf(Buffer.from(state.content, 'base64').toString('utf8')).nameservers.map((server) => server.address)
    case 'resolvconf':
      return state.servers ?? []
    case 'systemd-resolved':
      return state.dns
    case 'networkmanager':
      return [...state.ipv4Dns, ...state.ipv6Dns]
    default:
      return []
  }
}

async function readResolved(run: CommandRunner, primary: Set<string>): Promise<ReadResult> {
  const [dns, domains] = await Promise.all([stdoutOf(run, 'resolvectl', ['dns']), stdoutOf(run, 'resolvectl', ['domain'])])
  if (dns === undefined || domains === undefined) return failure('dns-settings.unreadable', 'resolvectl dns/domain failed')
  const domainsByLink = new Map(parseResolvectlLinks(domains).map((link) => [link.interface, resolvedDomains(link.values)]))
  const readings: AdapterReading[] = []
  for (const link of parseResolvectlLinks(dns)) {
    if (!isAdapterId(link.interface) || link.interface === 'lo') continue
    const servers = resolvedServers(link.values)
    const { ipv4, ipv6 } = split(servers)
    const adapter: AdapterDnsSettings = {
      id: link.interface,
      name: link.interface,
      owner: 'systemd-resolved',
      ipv4: family(ipv4, 'unknown'),
      ipv6: family(ipv6, 'unknown'),
      virtual: isVirtualDevice(link.interface),
      primary: primary.has(link.interface),
    }
    const state: AdapterState = { owner: 'systemd-resolved', key: link.interface, interface: link.interface, dns: servers, domains: domainsByLink.get(link.interface) ?? [] }
    readings.push({ adapter, state })
  }
  return { ok: true, readings }
}

const NM_DNS_FIELDS = 'ipv4.dns,ipv4.ignore-auto-dns,ipv6.dns,ipv6.ignore-auto-dns'

async function readNetworkManager(run: CommandRunner, primary: Set<string>, also: readonly AdapterState[]): Promise<ReadResult> {
  const active = await stdoutOf(run, 'nmcli', ['-t', '-f', 'NAME,UUID,TYPE,DEVICE', 'connection', 'show', '--active'])
  if (active === undefined) return failure('dns-settings.unreadable', 'nmcli connection show --active failed')
  const readings: AdapterReading[] = []
  for (const connection of parseNmActiveConnections(active)) {
    if (!isNetworkManagerUuid(connection.uuid) || connection.type === 'loopback') continue
    const [properties, device] = await Promise.all([
      stdoutOf(run, 'nmcli', ['-t', '-f', NM_DNS_FIELDS, 'connection', 'show', connection.uuid]),
      stdoutOf(run, 'nmcli', ['-t', '-f', 'IP4.DNS,IP6.DNS', 'device', 'show', connection.device]),
    ])
    const dns = properties === undefined ? undefined : parseNmDnsProperties(properties)
    if (dns === undefined) continue
    const inUse = parseNmDeviceDns(device ?? '')
    const source = (manual: string[], ignoreAuto: boolean): FamilyDns['source'] => (ignoreAuto || manual.length > 0 ? 'manual' : 'automatic')
    const adapter: AdapterDnsSettings = {
      id: connection.device,
      name: connection.name,
      owner: 'networkmanager',
      ipv4: family(inUse.ipv4.length > 0 ? inUse.ipv4 : dns.ipv4Dns, source(dns.ipv4Dns, dns.ipv4IgnoreAutoDns)),
      ipv6: family(inUse.ipv6.length > 0 ? inUse.ipv6 : dns.ipv6Dns, source(dns.ipv6Dns, dns.ipv6IgnoreAutoDns)),
      virtual: isVirtualNetworkManagerConnection(connection.type, connection.device),
      primary: primary.has(connection.device),
    }
    const state: AdapterState = { owner: 'networkmanager', key: connection.uuid, uuid: connection.uuid, name: connection.name, device: connection.device, ...dns }
    readings.push({ adapter, state })
  }
  // Saved profiles that are not active any more (another network now): read from the profile itself.
  const activeUuids = new Set(readings.map((reading) => reading.state.key))
  for (const saved of also) {
    if (saved.owner !== 'networkmanager' || activeUuids.has(saved.key) || !isNetworkManagerUuid(saved.uuid)) continue
    const properties = await stdoutOf(run, 'nmcli', ['-t', '-f', NM_DNS_FIELDS, 'connection', 'show', saved.uuid])
    const dns = properties === undefined ? undefined : parseNmDnsProperties(properties)
    if (dns === undefined) continue
    const source = (manual: string[], ignoreAuto: boolean): FamilyDns['source'] => (ignoreAuto || manual.length > 0 ? 'manual' : 'automatic')
    readings.push({
      adapter: {
        id: saved.uuid,
        name: saved.name,
        owner: 'networkmanager',
        ipv4: family(dns.ipv4Dns, source(dns.ipv4Dns, dns.ipv4IgnoreAutoDns)),
        ipv6: family(dns.ipv6Dns, source(dns.ipv6Dns, dns.ipv6IgnoreAutoDns)),
        virtual: false,
        primary: false,
      },
      state: { owner: 'networkmanager', key: saved.uuid, uuid: saved.uuid, name: saved.name, device: '', ...dns },
    })
  }
  return { ok: true, readings }
}

export function createLinuxBackend(deps: LinuxDeps): DnsBackend {
  const run = deps.run
  const path = RESOLV_CONF
  const readBytes = deps.readFile ?? ((file: string) => readFile(file))
  const readLink = deps.readLink ?? ((file: string) => readlink(file))
  const realPath = deps.realPath ?? ((file: string) => realpath(file))
  const defaultInterfaces =
    deps.defaultInterfaces ?? (async () => (await readDefaultGateways({ platform: 'linux' })).map((gateway) => gateway.interface))

  async function read(also: readonly AdapterState[] = []): Promise<ReadResult> {
    let bytes: Buffer
    try {
      bytes = await readBytes(path)
    } catch (error) {
      return failure('dns-settings.unreadable', `${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`)
    }
    const symlinkTarget = await readLink(path).catch(() => undefined)
    const owner = await detectLinuxOwner(bytes.toString('utf8'), symlinkTarget, run)
    const primary = new Set(await defaultInterfaces().catch(() => [] as string[]))
    if (owner === 'systemd-resolved') return readResolved(run, primary)
    if (owner === 'networkmanager') return readNetworkManager(run, primary, also)

    const conf = parseResolvConf(bytes.toString('utf8'))
    const { ipv4, ipv6 } = split(conf.nameservers.map((server) => (server.interface ? `${server.address}%${server.interface}` : server.address)))
    if (owner === 'resolvconf') {
      const record = await readBytes(RESOLVCONF_RECORD_FILE).catch(() => undefined)
      const servers = record === undefined ? null : parseResolvConf(record.toString('utf8')).nameservers.map((server) => server.address)
      return {
        ok: true,
        readings: [
          {
            adapter: { id: 'resolv.conf', name: `${path} (resolvconf)`, owner, ipv4: family(ipv4, 'unknown'), ipv6: family(ipv6, 'unknown'), virtual: false, primary: true },
            state: { owner: 'resolvconf', key: RESOLVCONF_RECORD, interface: 'lo', record: RESOLVCONF_RECORD, servers },
          },
        ],
      }
    }
    const target = await realPath(path).catch(() => path)
    return {
      ok: true,
      readings: [
        {
          adapter: { id: 'resolv.conf', name: path, owner: 'plain-file', ipv4: family(ipv4, 'file'), ipv6: family(ipv6, 'file'), virtual: false, primary: true },
          state: { owner: 'plain-file', key: path, path, target, content: bytes.toString('base64') },
        },
      ],
    }
  }

  return { read, planApply: planLinuxApply, planRestore: planLinuxRestore, serversInUse: linuxServersInUse }
}
