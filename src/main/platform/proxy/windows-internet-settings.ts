// Windows: the proxy browsers use, under HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings,
// as `reg query` prints it ("    Name    REG_TYPE    data"). ProxyServer is "host:port" for every scheme,
// or "http=host:port;https=host:port"; ProxyOverride lists what goes direct, "<local>" for plain names.
import type { ProxySettings } from '../../../shared/evidence'
import { parseProxyAddress, splitList } from './proxy-address'

function registryValues(output: string): Map<string, string> {
  const values = new Map<string, string>()
  for (const line of output.split(/\r?\n/).slice(0, 2000)) {
    const match = /^\s+(\S+)\s+(REG_\w+)\s+(.*)$/.exec(line)
    if (match) values.set(match[1]!, match[3]!.trim())
  }
  return values
}

/** "host:port" for all, or per scheme "http=…;https=…" (an entry without "=" is for every scheme). */
export function perScheme(server: string): { http?: string; https?: string } {
  if (!server.includes('=')) return { http: server, https: server }
  const schemes: { http?: string; https?: string } = {}
  for (const part of server.split(';')) {
    const [scheme, address] = part.split('=', 2).map((text) => text.trim())
    if (scheme === 'http' || scheme === 'https') schemes[scheme] = address
  }
  return schemes
}

export function parseInternetSettings(output: string): ProxySettings | null {
  const values = registryValues(output)
  const enabled = Number(values.get('ProxyEnable')) === 1
  const schemes = enabled ? perScheme(values.get('ProxyServer') ?? '') : {}
  const http = parseProxyAddress(schemes.http ?? '')
  const https = parseProxyAddress(schemes.https ?? '')
  const pacUrl = values.get('AutoConfigURL')
  if (!http && !https && !pacUrl) return null
  return { source: 'windows-internet-settings', ...(http ? { http } : {}), ...(https ? { https } : {}), bypass: splitList(values.get('ProxyOverride') ?? ''), ...(pacUrl ? { pacUrl } : {}) }
}
