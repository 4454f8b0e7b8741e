// The hosts file: names this computer looks up in a local list before asking any address book. Browsers
// use it, so an old line for a site sends them to an old address whatever DNS says.
import { isIP } from 'node:net'
import { readBoundedFile, type BoundedReadCode } from './bounded-file'
import { trustedSystemRoot } from './windows-system-root'

/** Real hosts files are kilobytes; large ad-block lists reach a few megabytes. Anything beyond is not read. */
export const MAX_HOSTS_BYTES = 8 * 1024 * 1024
/** No DNS name is longer (RFC 1035); a longer "name" is junk. */
const MAX_NAME_LENGTH = 253

export interface HostsEntry {
  address: string
  names: string[]
}

export type HostsFileRead = { ok: true; path: string; entries: HostsEntry[] } | { ok: false; path: string | null; code: BoundedReadCode }

/** Where the hosts file is, or undefined when it cannot be found safely (Windows folder unknown). */
export function hostsFilePath(platform: NodeJS.Platform, systemRoot: string | undefined = trustedSystemRoot()): string | undefined {
  if (platform !== 'win32') return '/etc/hosts'
  return systemRoot === undefined ? undefined : `${systemRoot}\\System32\\drivers\\etc\\hosts`
}

const normalName = (name: string): string => name.toLowerCase().replace(/\.$/, '')

/** "address name [alias…]" lines; `#` starts a comment anywhere; lines without a valid address are ignored. */
export function parseHostsFile(text: string): HostsEntry[] {
  const entries: HostsEntry[] = []
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n|\r/)) {
    const line = rawLine.split('#', 1)[0]!.trim()
    if (line === '') continue
    const [address, ...names] = line.split(/[ \t]+/)
    // A zone (fe80::1%eth0) is allowed after the address, as resolvers accept it.
    if (address === undefined || isIP(address.split('%', 1)[0]!) === 0) continue
    const valid = names.map(normalName).filter((name) => name.length > 0 && name.length <= MAX_NAME_LENGTH)
    if (valid.length > 0) entries.push({ address, names: valid })
  }
  return entries
}

/** The addresses the hosts file gives for `host`, in file order, each once. */
export function hostsAddressesFor(entries: readonly HostsEntry[], host: string): string[] {
  const wanted = normalName(host)
  return [...new Set(entries.filter((entry) => entry.names.includes(wanted)).map((entry) => entry.address))]
}

export async function readHostsFile(path: string | undefined): Promise<HostsFileRead> {
  if (path === undefined) return { ok: false, path: null, code: 'file.unreadable' }
  const read = await readBoundedFile(path, MAX_HOSTS_BYTES)
  if (!read.ok) return { ok: false, path, code: read.code }
  return { ok: true, path, entries: parseHostsFile(read.text) }
}
