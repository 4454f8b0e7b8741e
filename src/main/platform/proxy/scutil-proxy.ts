// macOS: `scutil --proxy` prints the system's proxy settings as a dictionary of "Key : value" lines, with
// the exceptions as an array ("0 : *.local").
import type { ProxySettings } from '../../../shared/evidence'
import { proxyFromParts } from './proxy-address'

const MAX_LINES = 2000

export function parseScutilProxy(output: string): ProxySettings | null {
  const values = new Map<string, string>()
  const bypass: string[] = []
  let inExceptions = false
  for (const line of output.split('\n').slice(0, MAX_LINES)) {
    const colon = line.indexOf(':')
    const key = colon === -1 ? line.trim() : line.slice(0, colon).trim()
    const value = colon === -1 ? '' : line.slice(colon + 1).trim()
    if (key === 'ExceptionsList') inExceptions = true
    else if (inExceptions && key === '}') inExceptions = false
    else if (inExceptions && /^\d+$/.test(key)) bypass.push(value)
    else if (colon !== -1) values.set(key, value)
  }
  const enabled = (name: string): boolean => values.get(`${name}Enable`) === '1'
  const http = enabled('HTTP') ? proxyFromParts(values.get('HTTPProxy'), values.get('HTTPPort')) : undefined
  const https = enabled('HTTPS') ? proxyFromParts(values.get('HTTPSProxy'), values.get('HTTPSPort')) : undefined
  const pacUrl = enabled('ProxyAutoConfig') ? values.get('ProxyAutoConfigURLString') : undefined
  if (!http && !https && !pacUrl) return null
  return { source: 'macos', ...(http ? { http } : {}), ...(https ? { https } : {}), bypass, ...(pacUrl ? { pacUrl } : {}) }
}
