// GNOME (and desktops built on its settings: Cinnamon, Budgie, Unity): `gsettings list-recursively
// org.gnome.system.proxy` prints one "schema key value" line per setting, values in GVariant text form
// ('manual', 3128, ['localhost', '127.0.0.0/8']).
import type { ProxySettings } from '../../../shared/evidence'
import { proxyFromParts } from './proxy-address'

const unquote = (value: string): string => value.replace(/^'(.*)'$/, '$1')

function stringList(value: string): string[] {
  if (!value.startsWith('[')) return []
  return [...value.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((match) => match[1]!).slice(0, 256)
}

export function parseGnomeProxy(output: string): ProxySettings | null {
  const values = new Map<string, string>()
  for (const line of output.split('\n').slice(0, 500)) {
    const match = /^(org\.gnome\.system\.proxy(?:\.\w+)?) ([\w-]+) (.*)$/.exec(line.trim())
    if (match) values.set(`${match[1]} ${match[2]}`, match[3]!)
  }
  const get = (schema: string, key: string): string | undefined => values.get(`org.gnome.system.proxy${schema} ${key}`)
  const mode = unquote(get('', 'mode') ?? "'none'")
  const bypass = stringList(get('', 'ignore-hosts') ?? '')
  if (mode === 'auto') {
    const pacUrl = unquote(get('', 'autoconfig-url') ?? '')
    return pacUrl ? { source: 'gnome', bypass, pacUrl } : null
  }
  if (mode !== 'manual') return null
  const http = proxyFromParts(unquote(get('.http', 'host') ?? ''), get('.http', 'port'))
  const https = proxyFromParts(unquote(get('.https', 'host') ?? ''), get('.https', 'port'))
  if (!http && !https) return null
  return { source: 'gnome', ...(http ? { http } : {}), ...(https ? { https } : {}), bypass }
}
