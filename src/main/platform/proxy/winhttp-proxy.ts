// Windows: the machine-wide WinHTTP proxy (services, updates), as `netsh winhttp show proxy` prints it:
// "Proxy Server(s) :  host:port" and "Bypass List     :  *.local;<local>", or "Direct access (no proxy server)."
import type { ProxySettings } from '../../../shared/evidence'
import { parseProxyAddress, splitList } from './proxy-address'
import { perScheme } from './windows-internet-settings'

function field(output: string, name: string): string | undefined {
  for (const line of output.split(/\r?\n/).slice(0, 200)) {
    const colon = line.indexOf(':')
    if (colon !== -1 && line.slice(0, colon).trim() === name) return line.slice(colon + 1).trim()
  }
  return undefined
}

export function parseWinHttpProxy(output: string): ProxySettings | null {
  const server = field(output, 'Proxy Server(s)')
  if (server === undefined) return null
  const schemes = perScheme(server)
  const http = parseProxyAddress(schemes.http ?? '')
  const https = parseProxyAddress(schemes.https ?? '')
  if (!http && !https) return null
  return { source: 'windows-winhttp', ...(http ? { http } : {}), ...(https ? { https } : {}), bypass: splitList(field(output, 'Bypass List') ?? '') }
}
