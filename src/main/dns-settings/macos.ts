// macOS: networksetup changes a network service's DNS list ("Wi-Fi", "WLAN", "USB 10/100/1000 LAN").
// The default route's interface (en0) is mapped to its service with -listnetworkserviceorder. A service
// without hand-set servers prints "There aren't any DNS Servers set on Wi-Fi." and gets its servers
// from DHCP: it is restored with the word "Empty". IPv4 and IPv6 servers share one list.
import { failure } from '../../shared/result'
import { readDefaultGateways } from '../platform/gateway'
import { stdoutOf, type CommandRunner } from '../platform/run-command'
import { parseScutilDns } from '../platform/scutil-dns'
import type { AdapterReading, DnsBackend, PlanResult, ReadResult } from './backend'
import { adapterStateProblem } from './records'
import type { AdapterState } from './types'
import { familyOf, isAdapterId, isServerAddress, isServiceName } from './validate'
import { isVirtualDevice } from './virtual-adapters'

export const NETWORKSETUP = '/usr/sbin/networksetup'
export const SCUTIL = '/usr/sbin/scutil'

export interface NetworkService {
  name: string
  hardwarePort: string
  device: string
  enabled: boolean
}

const PORT_PREFIX = '(Hardware Port: '
const DEVICE_SEPARATOR = ', Device: '

/** "(Hardware Port: Wi-Fi, Device: en0)", read with indexOf (a hostile long line costs one pass). */
function hardwarePortLine(line: string): { hardwarePort: string; device: string } | undefined {
  if (!line.startsWith(PORT_PREFIX) || !line.endsWith(')')) return undefined
  const separator = line.lastIndexOf(DEVICE_SEPARATOR)
  if (separator < PORT_PREFIX.length) return undefined
  return { hardwarePort: line.slice(PORT_PREFIX.length, separator), device: line.slice(separator + DEVICE_SEPARATOR.length, -1).trim() }
}

/** `networksetup -listnetworkserviceorder`: "(1) Wi-Fi" then "(Hardware Port: Wi-Fi, Device: en0)"; "(*)" is disabled. */
export function parseNetworkServiceOrder(text: string): NetworkService[] {
  const services: NetworkService[] = []
  let pending: { name: string; enabled: boolean } | undefined
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '').trim()
    const port = hardwarePortLine(line)
    if (port !== undefined && pending !== undefined) {
      services.push({ ...pending, ...port })
      pending = undefined
      continue
    }
    const header = /^\((\d+|\*)\)\s+(.+)$/.exec(line)
    if (header !== null) pending = { name: header[2] ?? '', enabled: header[1] !== '*' }
  }
  return services
}

/** `networksetup -getdnsservers SERVICE`: the hand-set servers, or [] for "There aren't any DNS Servers set on …". */
export function parseGetDnsServers(text: string): string[] | undefined {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, '').trim()).filter((line) => line !== '')
  if (lines.some((line) => line.startsWith('** Error'))) return undefined
  const servers = lines.filter(isServerAddress)
  // Any other line is the "none set" sentence, in whatever words this macOS release uses.
  return servers
}

export function planMacApply(state: AdapterState, servers: readonly string[]): PlanResult {
  if (state.owner !== 'networksetup') return failure('dns-settings.unsupported', state.owner)
  if (!isServiceName(state.service)) return failure('dns-settings.unsafe-name', state.service)
  if (servers.length === 0 || !servers.every(isServerAddress)) return failure('dns-settings.bad-address', servers.join(' '))
  return { ok: true, steps: [{ kind: 'run', file: NETWORKSETUP, args: ['-setdnsservers', state.service, ...servers] }] }
}

export function planMacRestore(saved: AdapterState, current: readonly AdapterState[]): PlanResult {
  // The restore pre-check: the saved state comes from a file programs running as the person can write.
  const problem = adapterStateProblem(saved, 'darwin')
  if (problem !== undefined) return failure('dns-settings.refused', `the saved settings: ${problem}`)
  if (saved.owner !== 'networksetup') return failure('dns-settings.unsupported', saved.owner)
  const now = current.find((state) => state.owner === 'networksetup' && state.service === saved.service)
  if (now === undefined) return failure('dns-settings.adapter-gone', saved.service)
  if (now.owner === 'networksetup' && now.servers.join(' ') === saved.servers.join(' ')) return { ok: true, steps: [] }
  const list = saved.servers.length > 0 ? saved.servers : ['Empty']
  return { ok: true, steps: [{ kind: 'run', file: NETWORKSETUP, args: ['-setdnsservers', saved.service, ...list] }] }
}

export function createMacBackend(deps: { run: CommandRunner; defaultInterfaces?: () => Promise<string[]> }): DnsBackend {
  const run = deps.run
  const defaultInterfaces =
    deps.defaultInterfaces ?? (async () => (await readDefaultGateways({ platform: 'darwin', run })).map((gateway) => gateway.interface))

  async function read(): Promise<ReadResult> {
    const order = await stdoutOf(run, NETWORKSETUP, ['-listnetworkserviceorder'])
    if (order === undefined) return failure('dns-settings.unreadable', 'networksetup -listnetworkserviceorder failed')
    const [primary, scutil] = await Promise.all([defaultInterfaces().catch(() => [] as string[]), stdoutOf(run, SCUTIL, ['--dns'])])
    const scoped = parseScutilDns(scutil ?? '').scoped
    const readings: AdapterReading[] = []
    for (const service of parseNetworkServiceOrder(order)) {
      // Services without a device (most VPNs) or with a name we would not pass to a command are shown nowhere.
      if (!service.enabled || !isAdapterId(service.device) || !isServiceName(service.name)) continue
      const manual = parseGetDnsServers((await stdoutOf(run, NETWORKSETUP, ['-getdnsservers', service.name])) ?? '\n** Error')
      if (manual === undefined) continue
      const inUse = scoped.filter((block) => block.interface === service.device).flatMap((block) => block.nameservers.map((server) => server.address))
      const servers = manual.length > 0 ? manual : [...new Set(inUse)]
      const source = manual.length > 0 ? 'manual' : 'automatic'
      readings.push({
        adapter: {
          id: service.device,
          name: service.name,
          owner: 'networksetup',
          ipv4: { servers: servers.filter((server) => familyOf(server.split('%')[0] ?? '') === 'IPv4'), source },
          ipv6: { servers: servers.filter((server) => familyOf(server.split('%')[0] ?? '') === 'IPv6'), source },
          virtual: isVirtualDevice(service.device),
          primary: primary.includes(service.device),
        },
        state: { owner: 'networksetup', key: service.name, service: service.name, device: service.device, servers: manual },
      })
    }
    return { ok: true, readings }
  }

  return {
    read,
    planApply: planMacApply,
    planRestore: planMacRestore,
    serversInUse: (state) => (state.owner === 'networksetup' ? state.servers : []),
  }
}
