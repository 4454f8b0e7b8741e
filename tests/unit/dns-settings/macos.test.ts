// macOS: networksetup's outputs in English and German, the default route's interface mapped to its
// service, and the exact networksetup commands (restoring DHCP with "Empty").
import { describe, expect, it } from 'vitest'
import {
  createMacBackend,
  NETWORKSETUP,
  parseGetDnsServers,
  parseNetworkServiceOrder,
  planMacApply,
  planMacRestore,
  SCUTIL,
} from '../../../src/main/dns-settings/macos'
import type { AdapterState } from '../../../src/main/dns-settings/types'
import { fixture as platformFixture } from '../platform/fixture-helpers'
import { fixture, ok, tableRunner } from './helpers'

describe('parsing networksetup', () => {
  it('maps services to devices and marks disabled ones (English)', () => {
    expect(parseNetworkServiceOrder(fixture('macos/listnetworkserviceorder-en.txt'))).toEqual([
      { name: 'USB 10/100/1000 LAN', hardwarePort: 'USB 10/100/1000 LAN', device: 'en7', enabled: true },
      { name: 'Wi-Fi', hardwarePort: 'Wi-Fi', device: 'en0', enabled: true },
      { name: 'Thunderbolt Bridge', hardwarePort: 'Thunderbolt Bridge', device: 'bridge0', enabled: true },
      { name: 'iPhone USB', hardwarePort: 'iPhone USB', device: 'en5', enabled: false },
      { name: 'Cisco AnyConnect', hardwarePort: 'com.cisco.anyconnect.applevpn.plugin', device: '', enabled: true },
    ])
  })

  it('keeps translated service names (German)', () => {
    expect(parseNetworkServiceOrder(fixture('macos/listnetworkserviceorder-de.txt')).map((service) => [service.name, service.device])).toEqual([
      ['WLAN', 'en0'],
      ['Thunderbolt-Brücke', 'bridge0'],
      ['Büro "VPN"', 'utun3'],
    ])
  })

  it('a hostile service line of a megabyte is read in one pass', () => {
    // Many separators and no closing parenthesis: a pattern with two greedy groups tries every pair.
    const many = `(1) Odd\n(Hardware Port: ${', Device: '.repeat(1 << 16)}\n(2) Wi-Fi\n(Hardware Port: Wi-Fi, Device: en0)\n`
    expect(parseNetworkServiceOrder(many).map((service) => [service.name, service.device])).toEqual([['Wi-Fi', 'en0']])
  })

  it('"There aren\'t any DNS Servers set" means DHCP, in any service language', () => {
    expect(parseGetDnsServers(fixture('macos/getdnsservers-none-en.txt'))).toEqual([])
    expect(parseGetDnsServers(fixture('macos/getdnsservers-none-de.txt'))).toEqual([])
    expect(parseGetDnsServers(fixture('macos/getdnsservers-manual.txt'))).toEqual(['1.1.1.1', '2606:4700:4700::1111'])
    expect(parseGetDnsServers(fixture('macos/getdnsservers-error.txt'))).toBeUndefined()
  })
})

describe('reading a Mac', () => {
  it('German Mac on WLAN (DHCP): the default route en0 is the primary service; a service with quotes in its name is never used', async () => {
    const { run, calls } = tableRunner({
      [`${NETWORKSETUP} -listnetworkserviceorder`]: ok(fixture('macos/listnetworkserviceorder-de.txt')),
      [`${NETWORKSETUP} -getdnsservers WLAN`]: ok(fixture('macos/getdnsservers-none-de.txt')),
      [`${NETWORKSETUP} -getdnsservers Thunderbolt-Brücke`]: ok("There aren't any DNS Servers set on Thunderbolt-Brücke.\n"),
      [`${SCUTIL} --dns`]: ok(platformFixture('macos/scutil-dns-home.txt')),
    })
    const backend = createMacBackend({ run, defaultInterfaces: async () => ['en0'] })
    const read = await backend.read()
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.readings.map(({ adapter }) => adapter)).toEqual([
      {
        id: 'en0',
        name: 'WLAN',
        owner: 'networksetup',
        ipv4: { servers: ['192.168.178.1'], source: 'automatic' },
        ipv6: { servers: ['fd00::3ea6:2fff:fe78:1a2b'], source: 'automatic' },
        virtual: false,
        primary: true,
      },
      {
        id: 'bridge0',
        name: 'Thunderbolt-Brücke',
        owner: 'networksetup',
        ipv4: { servers: [], source: 'automatic' },
        ipv6: { servers: [], source: 'automatic' },
        virtual: false,
        primary: false,
      },
    ])
    expect(read.readings[0]?.state).toEqual({ owner: 'networksetup', key: 'WLAN', service: 'WLAN', device: 'en0', servers: [] })
    expect(calls.some((call) => call.includes('Büro "VPN"'))).toBe(false)
  })

  it('English Mac with hand-set servers on Wi-Fi; disabled and device-less services are skipped', async () => {
    const { run } = tableRunner({
      [`${NETWORKSETUP} -listnetworkserviceorder`]: ok(fixture('macos/listnetworkserviceorder-en.txt')),
      [`${NETWORKSETUP} -getdnsservers USB 10/100/1000 LAN`]: ok(fixture('macos/getdnsservers-none-en.txt').replace('Wi-Fi', 'USB 10/100/1000 LAN')),
      [`${NETWORKSETUP} -getdnsservers Wi-Fi`]: ok(fixture('macos/getdnsservers-manual.txt')),
      [`${NETWORKSETUP} -getdnsservers Thunderbolt Bridge`]: ok("There aren't any DNS Servers set on Thunderbolt Bridge.\n"),
      [`${SCUTIL} --dns`]: ok(''),
    })
    const read = await createMacBackend({ run, defaultInterfaces: async () => ['en0'] }).read()
    expect(read.ok && read.readings.map(({ adapter }) => [adapter.name, adapter.ipv4.source, adapter.primary])).toEqual([
      ['USB 10/100/1000 LAN', 'automatic', false],
      ['Wi-Fi', 'manual', true],
      ['Thunderbolt Bridge', 'automatic', false],
    ])
  })
})

describe('commands macOS runs', () => {
  const dhcp: AdapterState = { owner: 'networksetup', key: 'Wi-Fi', service: 'Wi-Fi', device: 'en0', servers: [] }
  const manual: AdapterState = { ...dhcp, servers: ['192.168.1.53'] }

  it('switch', () => {
    expect(planMacApply(dhcp, ['1.1.1.1', '1.0.0.1'])).toEqual({
      ok: true,
      steps: [{ kind: 'run', file: '/usr/sbin/networksetup', args: ['-setdnsservers', 'Wi-Fi', '1.1.1.1', '1.0.0.1'] }],
    })
  })

  it('restore of DHCP servers with "Empty", of hand-set ones with the list', () => {
    const switched: AdapterState = { ...dhcp, servers: ['1.1.1.1'] }
    expect(planMacRestore(dhcp, [switched])).toEqual({
      ok: true,
      steps: [{ kind: 'run', file: '/usr/sbin/networksetup', args: ['-setdnsservers', 'Wi-Fi', 'Empty'] }],
    })
    expect(planMacRestore(manual, [switched])).toEqual({
      ok: true,
      steps: [{ kind: 'run', file: '/usr/sbin/networksetup', args: ['-setdnsservers', 'Wi-Fi', '192.168.1.53'] }],
    })
    expect(planMacRestore(manual, [manual])).toEqual({ ok: true, steps: [] })
    expect(planMacRestore(manual, [])).toMatchObject({ ok: false, code: 'dns-settings.adapter-gone' })
  })

  it('refuses a service name that could be read as shell syntax', () => {
    expect(planMacApply({ ...dhcp, service: 'Wi-Fi"; reboot; "' }, ['1.1.1.1'])).toMatchObject({ ok: false, code: 'dns-settings.unsafe-name' })
  })
})
