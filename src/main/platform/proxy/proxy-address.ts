// A proxy as settings write it: "http://user:secret@proxy.example:3128/", "proxy.example:8080" or a host
// and a port given apart. Only plain web proxies are used; a user name or password is never kept.
import { isIP } from 'node:net'
import type { ProxyServer } from '../../../shared/evidence'

const DEFAULT_PROXY_PORT = 80

function validPort(text: string | number | undefined): number | undefined {
  const port = typeof text === 'number' ? text : text !== undefined && /^\d{1,5}$/.test(text) ? Number(text) : NaN
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : undefined
}

const validHost = (host: string): boolean => isIP(host) !== 0 || /^[a-z0-9]([a-z0-9-]{0,62}\.?)*$/i.test(host) && host.length <= 253

/** "http://host:port/", "host:port" or "host" (port 80); undefined for anything else (SOCKS, junk). */
export function parseProxyAddress(text: string): ProxyServer | undefined {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.length > 2048) return undefined
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:') return undefined
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const port = url.port === '' ? DEFAULT_PROXY_PORT : validPort(url.port)
  return host !== '' && validHost(host) && port !== undefined ? { host, port } : undefined
}

/** A host and a port the settings keep apart (GNOME, macOS); a port of 0 means none is set. */
export function proxyFromParts(host: string | undefined, port: string | number | undefined): ProxyServer | undefined {
  const cleanHost = host?.trim() ?? ''
  const cleanPort = validPort(port)
  return cleanHost === '' || cleanPort === undefined ? undefined : parseProxyAddress(`${cleanHost.includes(':') && isIP(cleanHost) === 6 ? `[${cleanHost}]` : cleanHost}:${cleanPort}`)
}

/** "host:port", with IPv6 in brackets: how evidence and texts name a proxy. */
export const proxyName = (proxy: ProxyServer): string => (isIP(proxy.host) === 6 ? `[${proxy.host}]:${proxy.port}` : `${proxy.host}:${proxy.port}`)

/** Bypass lists are written with commas, semicolons or blanks between entries. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,;\s]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .slice(0, 256)
