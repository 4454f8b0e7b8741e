import os from 'node:os'
import type { NetworkInterfaceInfo } from '../../shared/evidence'
import { addressScope } from './ip-address'

export type { NetworkInterfaceInfo } from '../../shared/evidence'

type InterfaceTable = ReturnType<typeof os.networkInterfaces>

export function listActiveInterfaces(source: InterfaceTable = os.networkInterfaces()): NetworkInterfaceInfo[] {
  const active: NetworkInterfaceInfo[] = []
  for (const [name, entries] of Object.entries(source)) {
    if (entries === undefined || entries.length === 0) continue
    if (entries.every((entry) => entry.internal)) continue
    active.push({
      name,
      addresses: entries.map((entry) => ({
        address: entry.address,
        family: entry.family,
        internal: entry.internal,
        scope: addressScope(entry.address),
      })),
    })
  }
  return active
}

/** The IP versions (4, 6) this computer can use beyond its own links: it has a global address of that version. */
export function usableIpFamilies(interfaces: readonly NetworkInterfaceInfo[]): Set<4 | 6> {
  const global = interfaces.flatMap((info) => info.addresses.filter((address) => address.scope === 'global'))
  return new Set(global.map((address) => (address.family === 'IPv6' ? 6 : 4)))
}
