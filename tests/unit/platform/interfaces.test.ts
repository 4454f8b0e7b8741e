import type { NetworkInterfaceInfo as OsInterfaceEntry } from 'node:os'
import { describe, expect, it } from 'vitest'
import { listActiveInterfaces } from '../../../src/main/platform/interfaces'

function ipv4(address: string, internal = false): OsInterfaceEntry {
  return { address, netmask: '255.255.255.0', family: 'IPv4', mac: '3c:a6:2f:78:1a:2c', internal, cidr: `${address}/24` }
}

function ipv6(address: string, internal = false): OsInterfaceEntry {
  return { address, netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '3c:a6:2f:78:1a:2c', internal, cidr: `${address}/64`, scopeid: 0 }
}

describe('listActiveInterfaces', () => {
  it('keeps external interfaces and classifies every address', () => {
    const result = listActiveInterfaces({
      lo: [ipv4('127.0.0.1', true), ipv6('::1', true)],
      wlp3s0: [ipv4('192.168.178.42'), ipv6('fd00::1c2:3ff:fe45:6789'), ipv6('fe80::1c2:3ff:fe45:6789')],
      enp0s31f6: [ipv4('169.254.33.7')],
      docker0: [],
      tun0: undefined,
    })
    expect(result).toEqual([
      {
        name: 'wlp3s0',
        addresses: [
          { address: '192.168.178.42', family: 'IPv4', internal: false, scope: 'global' },
          { address: 'fd00::1c2:3ff:fe45:6789', family: 'IPv6', internal: false, scope: 'global' },
          { address: 'fe80::1c2:3ff:fe45:6789', family: 'IPv6', internal: false, scope: 'link-local' },
        ],
      },
      { name: 'enp0s31f6', addresses: [{ address: '169.254.33.7', family: 'IPv4', internal: false, scope: 'link-local' }] },
    ])
  })

  it('returns nothing when only loopback exists', () => {
    expect(listActiveInterfaces({ lo0: [ipv4('127.0.0.1', true), ipv6('fe80::1', true)] })).toEqual([])
    expect(listActiveInterfaces({})).toEqual([])
  })

  it('reads this machine by default without throwing', () => {
    expect(Array.isArray(listActiveInterfaces())).toBe(true)
  })
})
