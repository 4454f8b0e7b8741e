import { ipFamily, linkLocalZone, splitZone } from './ip-address'
import type { SystemResolver } from './system-resolver'

export interface ResolvConf {
  /** Every valid nameserver line in file order, duplicates included, as the C library counts them. */
  nameservers: SystemResolver[]
  searchDomains: string[]
  options: string[]
  comments: string[]
}

const DNS_PORT = 53

/** The value after `keyword` if the line starts with it, matching glibc: keyword at column 0, then a blank. */
function valueAfterKeyword(line: string, keyword: string): string | undefined {
  if (!line.startsWith(keyword)) return undefined
  const rest = line.slice(keyword.length)
  return /^[ \t]/.test(rest) ? rest.trim() : undefined
}

function tokens(value: string): string[] {
  const words: string[] = []
  for (const word of value.split(/[ \t]+/)) {
    if (word === '') continue
    if (word.startsWith('#') || word.startsWith(';')) break
    words.push(word)
  }
  return words
}

function parseNameserver(value: string): SystemResolver | undefined {
  // glibc cuts the address at the first blank, ';' or '#'.
  const text = value.split(/[ \t;#]/)[0] ?? ''
  const { address, zone } = splitZone(text)
  if (ipFamily(address) === undefined) return undefined
  if (zone === undefined) return { address, port: DNS_PORT }
  const scope = linkLocalZone(address, zone)
  return scope === undefined ? { address, port: DNS_PORT, interface: zone } : { address, port: DNS_PORT, interface: zone, zone: scope }
}

export function parseResolvConf(text: string): ResolvConf {
  const parsed: ResolvConf = { nameservers: [], searchDomains: [], options: [], comments: [] }
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '')
    const trimmed = line.trim()
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) {
      parsed.comments.push(trimmed.slice(1).trim())
      continue
    }
    const nameserver = valueAfterKeyword(line, 'nameserver')
    if (nameserver !== undefined) {
      const resolver = parseNameserver(nameserver)
      if (resolver !== undefined) parsed.nameservers.push(resolver)
      continue
    }
    // "search" and "domain" replace each other; the last such line wins.
    const search = valueAfterKeyword(line, 'search')
    if (search !== undefined) {
      parsed.searchDomains = tokens(search).filter((domain) => domain !== '.')
      continue
    }
    const domain = valueAfterKeyword(line, 'domain')
    if (domain !== undefined) {
      parsed.searchDomains = tokens(domain).slice(0, 1).filter((name) => name !== '.')
      continue
    }
    const options = valueAfterKeyword(line, 'options')
    if (options !== undefined) parsed.options.push(...tokens(options))
  }
  return parsed
}
