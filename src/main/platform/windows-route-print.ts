import { isIPv4, isIPv6 } from 'node:net'
import type os from 'node:os'
import type { DefaultGateway } from '../../shared/evidence'
import { linkLocalZone } from './ip-address'
import { trustedSystemRoot } from './windows-system-root'

export function routeExePath(env: NodeJS.ProcessEnv = process.env, systemRoot: string | undefined = trustedSystemRoot()): string {
  // An absolute path keeps a route.exe in the working directory from being picked up first; the kernel's
  // Windows folder first, %SystemRoot% only where that cannot be resolved.
  const root = systemRoot ?? env.SystemRoot ?? env.SYSTEMROOT
  return root === undefined || root === '' ? 'route.exe' : `${root}\\System32\\ROUTE.EXE`
}

type InterfaceTable = NodeJS.Dict<os.NetworkInterfaceInfo[]>

function nameOfAddress(interfaces: InterfaceTable, address: string): string | undefined {
  for (const [name, entries] of Object.entries(interfaces)) if (entries?.some((entry) => entry.address === address)) return name
  return undefined
}

function nameOfIndex(interfaces: InterfaceTable, index: number): string | undefined {
  for (const [name, entries] of Object.entries(interfaces)) if (entries?.some((entry) => entry.family === 'IPv6' && entry.scopeid === index)) return name
  return undefined
}

/**
 * Default routes from `route print`, the fast native tool (PowerShell's Get-NetRoute takes seconds cold).
 * Headers are localized, so rows are recognised by their shape: IPv4 active routes have five columns
 * (destination, mask, gateway, interface address, metric); IPv6 routes have four (interface index, metric,
 * destination, gateway), and only the first block of them is the active one (the next is "Persistent Routes").
 * Interface names come from Node's interface table: by address for IPv4, by index (scope id) for IPv6.
 * Undefined when no route row was recognised at all (every Windows table has 127.0.0.0 on-link): an unknown
 * format must not pass for "no router".
 */
export function parseRoutePrint(text: string, interfaces: InterfaceTable): DefaultGateway[] | undefined {
  const ranked: (DefaultGateway & { metric: number })[] = []
  let recognised = false
  let ipv6Blocks = 0
  let blockHasIpv6Rows = false
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*=+\s*$/.test(line)) {
      if (blockHasIpv6Rows) ipv6Blocks += 1
      blockHasIpv6Rows = false
      continue
    }
    const fields = line.trim().split(/\s+/)
    if (fields.length === 5) {
      const [destination, mask, gateway, localAddress, metricText] = fields as [string, string, string, string, string]
      if (isIPv4(destination) && isIPv4(mask) && isIPv4(localAddress)) recognised = true
      if (destination !== '0.0.0.0' || mask !== '0.0.0.0' || !isIPv4(gateway) || !isIPv4(localAddress) || !/^\d+$/.test(metricText)) continue
      if (gateway === '0.0.0.0') continue
      ranked.push({ address: gateway, family: 'IPv4', interface: nameOfAddress(interfaces, localAddress) ?? localAddress, metric: Number(metricText) })
    } else if (fields.length === 4 && /^\d+$/.test(fields[0]!) && /^\d+$/.test(fields[1]!) && fields[2]!.includes(':') && fields[2]!.includes('/')) {
      blockHasIpv6Rows = true
      recognised = true
      if (ipv6Blocks > 0) continue
      const [indexText, metricText, destination, gateway] = fields as [string, string, string, string]
      if (destination !== '::/0' || !isIPv6(gateway) || gateway === '::') continue
      const index = Number(indexText)
      const zone = linkLocalZone(gateway, indexText)
      const gatewayEntry: DefaultGateway & { metric: number } = { address: gateway, family: 'IPv6', interface: nameOfIndex(interfaces, index) ?? indexText, metric: Number(metricText) }
      ranked.push(zone === undefined ? gatewayEntry : { ...gatewayEntry, zone })
    }
  }
  if (!recognised) return undefined
  const byMetric = (left: { metric: number }, right: { metric: number }): number => left.metric - right.metric
  const strip = ({ metric: _metric, ...gateway }: DefaultGateway & { metric: number }): DefaultGateway => gateway
  return [...ranked.filter((gateway) => gateway.family === 'IPv4').sort(byMetric), ...ranked.filter((gateway) => gateway.family === 'IPv6').sort(byMetric)].map(strip)
}
