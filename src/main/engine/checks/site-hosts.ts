import type { DesktopOs } from '../../../shared/evidence'
import { hostsAddressesFor } from '../../platform/hosts-file'
import { answeredWell } from '../answers'
import type { Check } from '../check'
import { withinReach } from '../address-families'
import { fetchPinned } from '../probes/http-pinned'

/** A site named on more lines than this is tested at the first ones only: a browser would not get further. */
const MAX_HOSTS_ADDRESSES = 4

export const desktopOs = (platform: NodeJS.Platform): DesktopOs => (platform === 'win32' ? 'windows' : platform === 'darwin' ? 'macos' : 'linux')

/**
 * Reads the hosts file and, when it names the site, fetches the site at the address written there (as a
 * browser on this computer would, whatever DNS says). Whether the DNS address works is site.http's part.
 */
export const siteHostsCheck: Check<'site.hosts'> = {
  id: 'site.hosts',
  dependsOn: ['net.interfaces'],
  needs: ['site', 'network'],
  timeoutMs: 3500,
  run: async (context, signal) => {
    const target = context.target!
    const os = desktopOs(context.system.platform)
    const read = await context.system.readHostsFile()
    if (!read.ok) return { status: 'skipped', summary: { code: 'hosts-unreadable' }, evidence: { path: read.path, os, addresses: [], fetches: [] } }
    const addresses = target.isAddress ? [] : hostsAddressesFor(read.entries, target.host).slice(0, MAX_HOSTS_ADDRESSES)
    if (addresses.length === 0) return { status: 'pass', summary: { code: 'hosts-not-listed' }, evidence: { path: read.path, os, addresses, fetches: [] } }
    const usable = withinReach(addresses.map((address) => ({ address })), context)
    const timeoutMs = Math.max(100, context.remainingMs() - 50)
    const fetches = await Promise.all(usable.map(({ address }) => fetchPinned({ url: target.url, address, timeoutMs, signal })))
    const evidence = { path: read.path, os, addresses, fetches }
    const working = fetches.find(answeredWell)
    if (working) return { status: 'pass', summary: { code: 'hosts-listed-works', address: working.address }, evidence }
    return { status: 'fail', summary: { code: 'hosts-listed-fails', address: addresses[0]! }, evidence }
  },
}
