import { isIP } from 'node:net'
import type { TargetErrorCode } from '../../shared/errors'
import { failure, type Result } from '../../shared/result'

/** What the user asked about, normalised: the URL we will fetch and the name we will look up. */
export interface SiteTarget {
  url: URL
  /** ASCII (punycode) host name, or the bare IP address for IP literals. */
  host: string
  /** True when the user gave an IP address: there is no name to look up. */
  isAddress: boolean
  /** False when the person typed no http:// or https://: like a browser, https is tried first, then http. */
  schemeGiven: boolean
  displayName: string
}


const SCHEME = /^([a-z][a-z0-9+.-]*):/i

export function parseSiteTarget(input: string): Result<{ target: SiteTarget }, TargetErrorCode> {
  const text = input.trim()
  // Details are data for the texts: what was typed, or the scheme that can't be checked.
  if (text === '') return failure('target.empty', '')
  const withScheme = withDefaultScheme(text)
  const scheme = SCHEME.exec(withScheme)?.[1]?.toLowerCase()
  if (scheme !== 'http' && scheme !== 'https') {
    return failure('target.unsupported-scheme', `${scheme ?? text}:`)
  }
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return failure('target.invalid', text)
  }
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname
  if (host === '' || url.username !== '' || url.password !== '') return failure('target.invalid', text)
  // The URL parser accepts port 0, which no server can listen on: the site would be blamed for it.
  if (url.port === '0') return failure('target.port-zero', text)
  const isAddress = isIP(host) !== 0
  if (!isAddress && !isPlausibleHostName(host)) return failure('target.invalid', text)
  return { ok: true, target: { url, host, isAddress, schemeGiven: withScheme === text, displayName: displayNameOf(url, text) } }
}

function withDefaultScheme(text: string): string {
  // A bare IPv6 address ("2001:db8::1") would otherwise read as scheme "2001".
  if (isIP(text) === 6) return `https://[${text}]/`
  if (text.includes('://')) return text
  // "example.com:8080" looks like a scheme too; a scheme never starts with a digit-only port after the colon.
  const scheme = SCHEME.exec(text)
  if (scheme && !/^\d/.test(text.slice(scheme[0].length)) && !text.slice(scheme[0].length).startsWith('[')) return text
  return `https://${text}`
}

function isPlausibleHostName(host: string): boolean {
  if (host.length > 253) return false
  return host
    .replace(/\.$/, '')
    .split('.')
    .every((label) => label.length > 0 && label.length <= 63 && /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?$/i.test(label))
}

function displayNameOf(url: URL, original: string): string {
  // Keep what the person typed recognisable: show the Unicode name they entered, not its punycode.
  const typedHost = /^[a-z]+:\/\//i.test(original) ? original.replace(/^[a-z]+:\/\//i, '') : original
  return typedHost.split(/[/?#]/)[0] || url.host
}
