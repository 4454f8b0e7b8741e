// Proxy environment variables, as curl and most command-line programs read them: the lower-case name
// first, then the upper-case one.
import type { ProxySettings } from '../../../shared/evidence'
import { parseProxyAddress, splitList } from './proxy-address'

const variable = (env: NodeJS.ProcessEnv, name: string): string | undefined => env[name] ?? env[name.toUpperCase()]

export function parseEnvironmentProxy(env: NodeJS.ProcessEnv): ProxySettings | null {
  const all = variable(env, 'all_proxy')
  const http = parseProxyAddress(variable(env, 'http_proxy') ?? all ?? '')
  const https = parseProxyAddress(variable(env, 'https_proxy') ?? all ?? '')
  if (!http && !https) return null
  return { source: 'environment', ...(http ? { http } : {}), ...(https ? { https } : {}), bypass: splitList(variable(env, 'no_proxy') ?? '') }
}
