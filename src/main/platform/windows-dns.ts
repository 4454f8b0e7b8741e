import { ipFamily, linkLocalZone, splitZone } from './ip-address'
import { numberField, stringField } from './powershell'
import type { SystemResolver } from './system-resolver'

export const DNS_SERVERS_SCRIPT =
  'Get-DnsClientServerAddress | Select-Object InterfaceAlias,InterfaceIndex,AddressFamily,ServerAddresses | ConvertTo-Json'

const DNS_PORT = 53
const AF_INET = 2
const AF_INET6 = 23

// Windows lists these deprecated site-local placeholders on IPv6 interfaces that have no real server.
const SITE_LOCAL_PLACEHOLDER = /^fec0:(0{1,4}:){2}ffff::[123]$/i
export const isSiteLocalPlaceholder = (address: string): boolean => SITE_LOCAL_PLACEHOLDER.test(address)

/** AddressFamily as PowerShell's JSON gives it: 2 / 23, or "IPv4" / "IPv6" from newer versions. */
export function dnsItemFamily(item: Record<string, unknown>): 'IPv4' | 'IPv6' | undefined {
  const numeric = numberField(item, 'AddressFamily')
  if (numeric === AF_INET) return 'IPv4'
  if (numeric === AF_INET6) return 'IPv6'
  const named = stringField(item, 'AddressFamily')
  return named === 'IPv4' || named === 'IPv6' ? named : undefined
}

/** A JSON field that PowerShell prints as one string or as a list of them. */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []
}

/** Items from the Get-DnsClientServerAddress JSON, in the order PowerShell printed them. */
export function parseDnsClientServerItems(items: readonly Record<string, unknown>[]): SystemResolver[] {
  const resolvers: SystemResolver[] = []
  for (const item of items) {
    const family = dnsItemFamily(item)
    const alias = stringField(item, 'InterfaceAlias')
    const index = numberField(item, 'InterfaceIndex')
    for (const text of stringList(item.ServerAddresses)) {
      const { address, zone: printedZone } = splitZone(text.trim())
      if (isSiteLocalPlaceholder(address)) continue
      const actualFamily = ipFamily(address)
      if (actualFamily === undefined || (family !== undefined && family !== actualFamily)) continue
      // Windows sockets take the interface index as the zone, never the alias ("Wi-Fi").
      const zone = linkLocalZone(address, printedZone ?? (index === undefined ? undefined : String(index)))
      const resolver: SystemResolver = alias === undefined ? { address, port: DNS_PORT } : { address, port: DNS_PORT, interface: alias }
      resolvers.push(zone === undefined ? resolver : { ...resolver, zone })
    }
  }
  return resolvers
}
