import { ipFamily, linkLocalZone, splitZone } from './ip-address'
import type { SystemResolver } from '../../shared/evidence'

export interface ScutilResolverBlock {
  nameservers: SystemResolver[]
  searchDomains: string[]
  /** Present on supplemental resolvers that only answer for this domain (e.g. "local", a VPN's domain). */
  domain?: string
  interface?: string
  flags: string[]
}

export interface ScutilDns {
  /** Blocks under "DNS configuration"; the first one without a domain is the system default. */
  main: ScutilResolverBlock[]
  /** Blocks under "DNS configuration (for scoped queries)". */
  scoped: ScutilResolverBlock[]
}

const DNS_PORT = 53

function keyValue(line: string): { key: string; value: string } | undefined {
  const match = /^\s*([^:]+?)\s*:\s*(.*?)\s*$/.exec(line)
  if (match === null) return undefined
  return { key: match[1] ?? '', value: match[2] ?? '' }
}

function finishBlock(block: ScutilResolverBlock, port: number): ScutilResolverBlock {
  const nameservers = block.nameservers.map((resolver) => {
    const iface = resolver.interface ?? block.interface
    if (iface === undefined) return { ...resolver, port }
    // scutil usually prints fe80::1%en0, but a block's if_index also scopes its link-local servers.
    const zone = resolver.zone ?? linkLocalZone(resolver.address, iface)
    return zone === undefined ? { ...resolver, port, interface: iface } : { ...resolver, port, interface: iface, zone }
  })
  return { ...block, nameservers }
}

export function parseScutilDns(text: string): ScutilDns {
  const parsed: ScutilDns = { main: [], scoped: [] }
  let section: ScutilResolverBlock[] | undefined
  let block: ScutilResolverBlock | undefined
  let port = DNS_PORT

  const closeBlock = (): void => {
    if (block !== undefined && section !== undefined) section.push(finishBlock(block, port))
    block = undefined
    port = DNS_PORT
  }

  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '')
    const trimmed = line.trim()
    if (trimmed.startsWith('DNS configuration')) {
      closeBlock()
      section = trimmed.includes('scoped') ? parsed.scoped : trimmed.includes('(') ? undefined : parsed.main
      continue
    }
    if (/^resolver #\d+$/.test(trimmed)) {
      closeBlock()
      block = { nameservers: [], searchDomains: [], flags: [] }
      continue
    }
    if (block === undefined) continue
    const entry = keyValue(line)
    if (entry === undefined) continue
    const { key, value } = entry
    if (/^nameserver\[\d+\]$/.test(key)) {
      const { address, zone } = splitZone(value)
      if (ipFamily(address) === undefined) continue
      const scope = linkLocalZone(address, zone)
      if (zone === undefined) block.nameservers.push({ address, port: DNS_PORT })
      else block.nameservers.push(scope === undefined ? { address, port: DNS_PORT, interface: zone } : { address, port: DNS_PORT, interface: zone, zone: scope })
    } else if (/^search domain\[\d+\]$/.test(key)) {
      if (value !== '') block.searchDomains.push(value)
    } else if (key === 'domain') {
      if (value !== '') block.domain = value
    } else if (key === 'if_index') {
      const name = /\(([^)]+)\)/.exec(value)?.[1]
      if (name !== undefined) block.interface = name
    } else if (key === 'port') {
      const number = Number.parseInt(value, 10)
      if (number > 0 && number < 65536) port = number
    } else if (key === 'flags') {
      block.flags = value.split(',').map((flag) => flag.trim()).filter((flag) => flag !== '')
    }
  }
  closeBlock()
  return parsed
}
