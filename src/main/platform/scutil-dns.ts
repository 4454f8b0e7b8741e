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
  /**
   * Blocks under "DNS configuration"; those without a domain and without the Supplemental flag are the
   * system default (a Supplemental block, as VPNs such as Tailscale add, answers only for its own names).
   */
  main: ScutilResolverBlock[]
  /** Blocks under "DNS configuration (for scoped queries)". */
  scoped: ScutilResolverBlock[]
}

const DNS_PORT = 53

// Every line is read with indexOf and trim, never a backtracking pattern: scutil's output is the system's,
// but a line of thousands of blanks must cost one pass, not seconds of a blocked main process.
function keyValue(line: string): { key: string; value: string } | undefined {
  const colon = line.indexOf(':')
  if (colon === -1) return undefined
  const key = line.slice(0, colon).trim()
  return key === '' ? undefined : { key, value: line.slice(colon + 1).trim() }
}

/** "nameserver[0]" → "nameserver"; undefined unless the brackets hold only digits and end the key. */
function indexedKey(key: string): string | undefined {
  const open = key.indexOf('[')
  if (open <= 0 || !key.endsWith(']') || open + 2 > key.length - 1) return undefined
  for (let index = open + 1; index < key.length - 1; index += 1) if (key[index]! < '0' || key[index]! > '9') return undefined
  return key.slice(0, open)
}

/** "15 (en0)" → "en0": the text between the first "(" and the ")" after it. */
function parenthesised(value: string): string | undefined {
  const open = value.indexOf('(')
  const close = open === -1 ? -1 : value.indexOf(')', open + 1)
  return close > open + 1 ? value.slice(open + 1, close) : undefined
}

function isResolverHeader(trimmed: string): boolean {
  const digits = trimmed.slice('resolver #'.length)
  return trimmed.startsWith('resolver #') && digits !== '' && [...digits].every((character) => character >= '0' && character <= '9')
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
    if (isResolverHeader(trimmed)) {
      closeBlock()
      block = { nameservers: [], searchDomains: [], flags: [] }
      continue
    }
    if (block === undefined) continue
    const entry = keyValue(line)
    if (entry === undefined) continue
    const { key, value } = entry
    const listKey = indexedKey(key)
    if (listKey === 'nameserver') {
      const { address, zone } = splitZone(value)
      if (ipFamily(address) === undefined) continue
      const scope = linkLocalZone(address, zone)
      if (zone === undefined) block.nameservers.push({ address, port: DNS_PORT })
      else block.nameservers.push(scope === undefined ? { address, port: DNS_PORT, interface: zone } : { address, port: DNS_PORT, interface: zone, zone: scope })
    } else if (listKey === 'search domain') {
      if (value !== '') block.searchDomains.push(value)
    } else if (key === 'domain') {
      if (value !== '') block.domain = value
    } else if (key === 'if_index') {
      const name = parenthesised(value)
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
