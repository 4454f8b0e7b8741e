// Which proxy, if any, a page's address goes through under fixed proxy settings: the bypass list first
// (names, domains, "<local>", address ranges), then the proxy for its scheme.
import { isIP } from 'node:net'
import type { ProxyServer, ProxySettings } from '../../shared/evidence'

function ipv4Number(address: string): number | undefined {
  const parts = address.split('.')
  if (parts.length > 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return undefined
  // Short forms ("169.254/16" as macOS writes them) are the leading octets.
  while (parts.length < 4) parts.push('0')
  return parts.reduce((sum, part) => sum * 256 + Number(part), 0)
}

function inRange(host: string, range: string): boolean {
  const [base, bits] = range.split('/', 2)
  const hostNumber = isIP(host) === 4 ? ipv4Number(host) : undefined
  const baseNumber = base === undefined ? undefined : ipv4Number(base)
  const prefix = Number(bits)
  if (hostNumber === undefined || baseNumber === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return false
  const size = 2 ** (32 - prefix)
  return Math.floor(hostNumber / size) === Math.floor(baseNumber / size)
}

/** One bypass entry as curl, browsers and the OS settings read them. */
export function bypassMatches(entry: string, host: string): boolean {
  const wanted = host.toLowerCase().replace(/^\[|\]$/g, '')
  const rule = entry.trim().toLowerCase()
  if (rule === '*') return true
  if (rule === '<local>') return !wanted.includes('.') && isIP(wanted) === 0
  if (rule.includes('/')) return inRange(wanted, rule)
  const name = rule.replace(/^\*?\.?/, '').replace(/:\d+$/, '')
  return name !== '' && (wanted === name || wanted.endsWith(`.${name}`))
}

/** The proxy fixed settings send this address to, or null when it goes direct. */
export function proxyForUrl(settings: ProxySettings, url: URL): ProxyServer | null {
  if (settings.bypass.some((entry) => bypassMatches(entry, url.hostname))) return null
  return (url.protocol === 'https:' ? (settings.https ?? settings.http) : settings.http) ?? null
}
