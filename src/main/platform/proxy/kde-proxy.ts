// KDE Plasma: ~/.config/kioslaverc, section [Proxy Settings]. ProxyType 1 is manual ("httpProxy=http://host
// 3128", host and port apart by a blank, or "host:port"), 2 a PAC file ("Proxy Config Script"), 4 the
// environment variables; 0 and 3 (none, automatic discovery) name no proxy.
import type { ProxySettings } from '../../../shared/evidence'
import { parseEnvironmentProxy } from './env-proxy'
import { parseProxyAddress, splitList } from './proxy-address'

function proxySection(text: string): Map<string, string> {
  const values = new Map<string, string>()
  let inSection = false
  for (const raw of text.split(/\r?\n/).slice(0, 5000)) {
    const line = raw.trim()
    if (line.startsWith('[')) inSection = line === '[Proxy Settings]'
    else if (inSection && line.includes('=')) {
      const equals = line.indexOf('=')
      values.set(line.slice(0, equals).replace(/\[\$\w+\]$/, '').trim(), line.slice(equals + 1).trim())
    }
  }
  return values
}

const kdeAddress = (value: string | undefined) => parseProxyAddress((value ?? '').replace(/\s+(\d+)$/, ':$1'))

export function parseKdeProxy(text: string, env: NodeJS.ProcessEnv): ProxySettings | null {
  const values = proxySection(text)
  const bypass = splitList(values.get('NoProxyFor') ?? '')
  switch (values.get('ProxyType')) {
    case '1': {
      const http = kdeAddress(values.get('httpProxy'))
      const https = kdeAddress(values.get('httpsProxy'))
      return http || https ? { source: 'kde', ...(http ? { http } : {}), ...(https ? { https } : {}), bypass } : null
    }
    case '2': {
      const pacUrl = values.get('Proxy Config Script')
      return pacUrl ? { source: 'kde', bypass, pacUrl } : null
    }
    case '4': {
      const fromEnvironment = parseEnvironmentProxy(env)
      return fromEnvironment ? { ...fromEnvironment, source: 'kde' } : null
    }
    default:
      return null
  }
}
