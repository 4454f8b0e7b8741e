// Parsers for what Linux's DNS owners print: resolvectl's per-link lists and nmcli's terse output.
// Both tools print these forms untranslated whatever the locale (nmcli's -t mode is its parseable
// output; resolvectl's labels are not localized), so only names chosen by people vary by language.
import { isSearchDomain, isSystemServer } from './validate'

export interface ResolvedLink {
  interface: string
  index: number
  values: string[]
}

/** `resolvectl dns` / `resolvectl domain`: "Global: …" then "Link 2 (eth0): 192.0.2.1 fe80::1%eth0". */
export function parseResolvectlLinks(text: string): ResolvedLink[] {
  const links: ResolvedLink[] = []
  for (const rawLine of text.split('\n')) {
    const match = /^Link (\d+) \(([^)]+)\):(.*)$/.exec(rawLine.trim())
    if (match === null) continue
    const values = (match[3] ?? '').trim().split(/\s+/).filter((value) => value !== '')
    links.push({ interface: match[2] ?? '', index: Number(match[1]), values })
  }
  return links
}

export function resolvedServers(values: readonly string[]): string[] {
  // resolvectl may print "ADDRESS#server-name" for DNS-over-TLS names; the address is what we keep.
  return values.map((value) => value.split('#')[0] ?? '').filter(isSystemServer)
}

export function resolvedDomains(values: readonly string[]): string[] {
  return values.filter(isSearchDomain)
}

/** Splits one terse nmcli line on unescaped colons and removes the escapes (\: and \\). */
export function splitTerseLine(line: string): string[] {
  const fields: string[] = []
  let current = ''
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index]
    if (character === '\\' && index + 1 < line.length) {
      current += line[index + 1]
      index += 1
    } else if (character === ':') {
      fields.push(current)
      current = ''
    } else {
      current += character
    }
  }
  fields.push(current)
  return fields
}

export interface NmActiveConnection {
  name: string
  uuid: string
  type: string
  device: string
}

/** `nmcli -t -f NAME,UUID,TYPE,DEVICE connection show --active` */
export function parseNmActiveConnections(text: string): NmActiveConnection[] {
  const connections: NmActiveConnection[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const [name, uuid, type, device] = splitTerseLine(line)
    if (name === undefined || uuid === undefined || type === undefined || device === undefined || device === '') continue
    connections.push({ name, uuid, type, device })
  }
  return connections
}

export interface NmDnsProperties {
  ipv4Dns: string[]
  ipv4IgnoreAutoDns: boolean
  ipv6Dns: string[]
  ipv6IgnoreAutoDns: boolean
}

function nmList(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
}

/**
 * `nmcli -t -f ipv4.dns,ipv4.ignore-auto-dns,ipv6.dns,ipv6.ignore-auto-dns connection show UUID`;
 * undefined when a property is missing or a value is not an address (then the adapter is not touched).
 */
export function parseNmDnsProperties(text: string): NmDnsProperties | undefined {
  const values = new Map<string, string>()
  for (const line of text.split('\n')) {
    // Terse mode escapes the colons inside IPv6 addresses (2001\:db8\:\:1).
    const [key, ...rest] = splitTerseLine(line.replace(/\r$/, ''))
    if (key !== undefined && key !== '' && rest.length > 0) values.set(key, rest.join(':').trim())
  }
  const ipv4 = values.get('ipv4.dns')
  const ipv6 = values.get('ipv6.dns')
  const ignore4 = values.get('ipv4.ignore-auto-dns')
  const ignore6 = values.get('ipv6.ignore-auto-dns')
  if (ipv4 === undefined || ipv6 === undefined || ignore4 === undefined || ignore6 === undefined) return undefined
  const ipv4Dns = nmList(ipv4)
  const ipv6Dns = nmList(ipv6)
  if (![...ipv4Dns, ...ipv6Dns].every(isSystemServer)) return undefined
  if (![ignore4, ignore6].every((flag) => flag === 'yes' || flag === 'no')) return undefined
  return { ipv4Dns, ipv4IgnoreAutoDns: ignore4 === 'yes', ipv6Dns, ipv6IgnoreAutoDns: ignore6 === 'yes' }
}

/** `nmcli -t -f IP4.DNS,IP6.DNS device show DEV`: the servers in use right now (DHCP's included). */
export function parseNmDeviceDns(text: string): { ipv4: string[]; ipv6: string[] } {
  const result = { ipv4: [] as string[], ipv6: [] as string[] }
  for (const line of text.split('\n')) {
    const [key, ...rest] = splitTerseLine(line.trim())
    const match = /^IP([46])\.DNS\[\d+\]$/.exec(key ?? '')
    if (match === null) continue
    const address = rest.join(':').trim()
    if (!isSystemServer(address)) continue
    ;(match[1] === '4' ? result.ipv4 : result.ipv6).push(address)
  }
  return result
}
