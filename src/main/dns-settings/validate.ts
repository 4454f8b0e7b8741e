// Strict checks for every value that can end up in a command run with admin rights. Anything that is
// not plainly an IP address or an adapter identifier is refused; nothing is ever escaped into shape.
import { isIPv4, isIPv6 } from 'node:net'

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const IPV6_CHARACTERS = /^[0-9A-Fa-f:.]{2,45}$/
/** Linux interface names, macOS devices (en0, utun3), Windows interface indexes, "resolv.conf". */
const ADAPTER_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/
/** A zone on a link-local server as resolvectl prints it (fe80::1%eth0). */
const ZONE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/
/** macOS network service names: letters and digits of any script, spaces and a few harmless marks. */
const SERVICE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()/+-]{0,63}$/u
const NM_UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
const WINDOWS_GUID = /^\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}$/
const WINDOWS_INDEX = /^[1-9]\d{0,9}$/
/** A DNS search or routing domain as resolvectl takes it ("example.org", "~corp.example", "~."). */
const SEARCH_DOMAIN = /^~?(\.|[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*\.?)$/

/** An IPv4 or IPv6 address, written plainly (no zone, no port, no brackets, no spaces). */
export function isServerAddress(text: unknown): text is string {
  if (typeof text !== 'string') return false
  if (IPV4.test(text)) return isIPv4(text)
  return IPV6_CHARACTERS.test(text) && isIPv6(text)
}

/** A server address the user may switch to: also refuses the "any" addresses, which name no server. */
export function isUsableServer(text: unknown): text is string {
  if (!isServerAddress(text)) return false
  return text !== '0.0.0.0' && !/^[0:]+$/.test(text)
}

/** A server read from the system, which may carry a zone (fe80::1%eth0) that must be kept on restore. */
export function isSystemServer(text: unknown): text is string {
  if (typeof text !== 'string') return false
  const percent = text.indexOf('%')
  if (percent === -1) return isServerAddress(text)
  return isServerAddress(text.slice(0, percent)) && isIPv6(text.slice(0, percent)) && ZONE.test(text.slice(percent + 1))
}

export function isAdapterId(text: unknown): text is string {
  return typeof text === 'string' && ADAPTER_ID.test(text)
}

export function isServiceName(text: unknown): text is string {
  return typeof text === 'string' && SERVICE_NAME.test(text)
}

export function isNetworkManagerUuid(text: unknown): text is string {
  return typeof text === 'string' && NM_UUID.test(text)
}

export function isWindowsGuid(text: unknown): text is string {
  return typeof text === 'string' && WINDOWS_GUID.test(text)
}

export function isWindowsIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && WINDOWS_INDEX.test(String(value))
}

export function isSearchDomain(text: unknown): text is string {
  return typeof text === 'string' && text.length <= 254 && SEARCH_DOMAIN.test(text)
}

/** C0 control characters and DEL (a tab only when `tabAllowed`): nothing a name or a config line holds. */
export function hasControlCharacter(text: string, tabAllowed = false): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    if ((code < 0x20 && !(tabAllowed && code === 0x09)) || code === 0x7f) return true
  }
  return false
}

export function familyOf(address: string): 'IPv4' | 'IPv6' {
  return isIPv4(address) ? 'IPv4' : 'IPv6'
}

/** Removes repeats while keeping the order the user gave. */
export function uniqueServers(servers: readonly string[]): string[] {
  const seen = new Set<string>()
  return servers.filter((server) => {
    const key = server.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
