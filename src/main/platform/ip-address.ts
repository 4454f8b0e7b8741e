import { isIPv4, isIPv6 } from 'node:net'
import type { AddressScope, IpFamily } from '../../shared/evidence'

export function ipFamily(address: string): IpFamily | undefined {
  if (isIPv4(address)) return 'IPv4'
  if (isIPv6(address)) return 'IPv6'
  return undefined
}

/** Splits `fe80::1%en0` into the address and its zone (interface). */
export function splitZone(text: string): { address: string; zone?: string } {
  const percent = text.indexOf('%')
  if (percent === -1) return { address: text }
  const zone = text.slice(percent + 1)
  return zone === '' ? { address: text.slice(0, percent) } : { address: text.slice(0, percent), zone }
}

function ipv4Octets(address: string): number[] {
  return address.split('.').map((part) => Number(part))
}

function firstIpv6Group(address: string): number {
  const head = address.split(':')[0] ?? ''
  return head === '' ? 0 : Number.parseInt(head, 16)
}

export function addressScope(address: string): AddressScope {
  const plain = splitZone(address).address
  if (isIPv4(plain)) {
    const [first, second] = ipv4Octets(plain)
    if (first === 127) return 'loopback'
    if (first === 169 && second === 254) return 'link-local'
    return 'global'
  }
  if (isIPv6(plain)) {
    const lower = plain.toLowerCase()
    if (lower === '::1' || lower === '0:0:0:0:0:0:0:1') return 'loopback'
    if (lower.startsWith('::ffff:') && isIPv4(lower.slice(7))) return addressScope(lower.slice(7))
    if ((firstIpv6Group(lower) & 0xffc0) === 0xfe80) return 'link-local'
  }
  return 'global'
}

/** The zone to keep for an address: only an IPv6 link-local address needs one to be reachable. */
export function linkLocalZone(address: string, zone: string | number | undefined): string | undefined {
  if (zone === undefined || zone === '' || !isIPv6(address) || addressScope(address) !== 'link-local') return undefined
  return String(zone)
}

/** `fe80::1%en0` for a link-local address with a zone, the plain address otherwise: what sockets and ping take. */
export function withZone(address: string, zone: string | undefined): string {
  return zone === undefined || zone === '' ? address : `${address}%${zone}`
}

export function isLoopbackAddress(address: string): boolean {
  return addressScope(address) === 'loopback'
}

/** Formats 32 hex digits (network byte order, as in /proc/net/ipv6_route) the RFC 5952 way. */
export function ipv6FromHex(hex: string): string | undefined {
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return undefined
  const groups: number[] = []
  for (let index = 0; index < 32; index += 4) groups.push(Number.parseInt(hex.slice(index, index + 4), 16))

  let bestStart = -1
  let bestLength = 0
  for (let start = 0; start < groups.length; ) {
    if (groups[start] !== 0) {
      start += 1
      continue
    }
    let end = start
    while (end < groups.length && groups[end] === 0) end += 1
    if (end - start > bestLength) {
      bestStart = start
      bestLength = end - start
    }
    start = end
  }

  const text = groups.map((group) => group.toString(16))
  if (bestLength < 2) return text.join(':')
  const head = text.slice(0, bestStart).join(':')
  const tail = text.slice(bestStart + bestLength).join(':')
  return `${head}::${tail}`
}

/** Decodes the 8 hex digits of /proc/net/route, which the kernel prints in host byte order. */
export function ipv4FromHostOrderHex(hex: string, endianness: 'LE' | 'BE'): string | undefined {
  if (!/^[0-9a-fA-F]{8}$/.test(hex)) return undefined
  const bytes = [0, 2, 4, 6].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16))
  return (endianness === 'LE' ? bytes.reverse() : bytes).join('.')
}
