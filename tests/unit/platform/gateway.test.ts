import { describe, expect, it } from 'vitest'
import { readDefaultGateways } from '../../../src/main/platform/gateway'
import { parseProcNetIpv6Route, parseProcNetRoute } from '../../../src/main/platform/linux-routes'
import { parseNetstatDefaultRoutes } from '../../../src/main/platform/macos-routes'
import { parsePowerShellJson } from '../../../src/main/platform/powershell'
import { parseNetRouteItems } from '../../../src/main/platform/windows-routes'
import { filesFrom, fixture, scriptedRunner, succeeded, throwingRunner } from './fixture-helpers'

describe('Linux /proc/net/route', () => {
  it('finds every default route with a gateway and its metric', () => {
    expect(parseProcNetRoute(fixture('linux/proc-net-route.txt'), 'LE')).toEqual([
      { address: '192.168.178.1', family: 'IPv4', interface: 'wlp3s0', metric: 600 },
      { address: '10.0.0.1', family: 'IPv4', interface: 'enp0s31f6', metric: 100 },
    ])
  })

  it('decodes big-endian hosts too', () => {
    const table = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\neth0\t00000000\tC0A80101\t0003\t0\t0\t0\t00000000\t0\t0\t0\n'
    expect(parseProcNetRoute(table, 'BE')).toEqual([{ address: '192.168.1.1', family: 'IPv4', interface: 'eth0', metric: 0 }])
  })

  it('ignores on-link, half-default, rejected and malformed routes', () => {
    const table = [
      'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
      'ppp0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0',
      'tun0\t00000000\t0100080A\t0003\t0\t0\t0\t00000080\t0\t0\t0',
      'eth1\t00000000\t0101A8C0\t0001\t0\t0\t0\t00000000\t0\t0\t0',
      'eth2\t00000000\t0101A8C0\t0203\t0\t0\t0\t00000000\t0\t0\t0',
      'eth3\t00000000\tZZZZZZZZ\t0003\t0\t0\t0\t00000000\t0\t0\t0',
      'garbage',
      '',
    ].join('\n')
    expect(parseProcNetRoute(table, 'LE')).toEqual([])
    expect(parseProcNetRoute(fixture('linux/proc-net-route-no-default.txt'), 'LE')).toEqual([])
  })
})

describe('Linux /proc/net/ipv6_route', () => {
  it('finds default routes with a next hop and skips the loopback reject route', () => {
    expect(parseProcNetIpv6Route(fixture('linux/proc-net-ipv6_route.txt'))).toEqual([
      { address: 'fe80::3ea6:2fff:fe78:1a2b', family: 'IPv6', interface: 'wlp3s0', metric: 600, zone: 'wlp3s0' },
      { address: '2001:db8:0:1::1', family: 'IPv6', interface: 'enp0s31f6', metric: 100 },
    ])
  })

  it('tolerates junk', () => {
    expect(parseProcNetIpv6Route('nonsense\n1 2 3 4 5 6 7 8 9 10\n')).toEqual([])
  })
})

describe('macOS netstat -rn', () => {
  it('keeps the unscoped IPv4 default and drops scoped and link routes', () => {
    expect(parseNetstatDefaultRoutes(fixture('macos/netstat-rn-inet-sonoma.txt'))).toEqual([
      { address: '192.168.178.1', family: 'IPv4', interface: 'en0' },
    ])
  })

  it('keeps the zone of a link-local IPv6 gateway apart from its address and ignores the utun scoped defaults', () => {
    expect(parseNetstatDefaultRoutes(fixture('macos/netstat-rn-inet6-sonoma.txt'))).toEqual([
      { address: 'fe80::3ea6:2fff:fe78:1a2b', family: 'IPv6', interface: 'en0', zone: 'en0' },
    ])
  })

  it('finds the interface column in the older layout with Refs and Use', () => {
    expect(parseNetstatDefaultRoutes(fixture('macos/netstat-rn-inet-elcapitan.txt'))).toEqual([
      { address: '10.1.10.1', family: 'IPv4', interface: 'en1' },
    ])
  })

  it('returns nothing without a default route or a header', () => {
    expect(parseNetstatDefaultRoutes(fixture('macos/netstat-rn-inet-no-default.txt'))).toEqual([])
    expect(parseNetstatDefaultRoutes('default 192.168.1.1 UGScg en0')).toEqual([])
    expect(parseNetstatDefaultRoutes('')).toEqual([])
  })
})

describe('Windows Get-NetRoute JSON', () => {
  it('reads an array, skipping on-link next hops, with localized aliases', () => {
    const items = parsePowerShellJson(fixture('windows/get-netroute-de.json')) ?? []
    expect(parseNetRouteItems(items)).toEqual([
      { address: 'fe80::3ea6:2fff:fe78:1a2b', family: 'IPv6', interface: 'WLAN', zone: '14' },
      { address: '192.168.178.1', family: 'IPv4', interface: 'WLAN' },
      { address: '10.0.0.1', family: 'IPv4', interface: 'Ethernet 2' },
    ])
  })

  it('reads a single object', () => {
    const items = parsePowerShellJson(fixture('windows/get-netroute-single.json')) ?? []
    expect(parseNetRouteItems(items)).toEqual([{ address: '192.168.1.254', family: 'IPv4', interface: 'Ethernet' }])
  })

  it('skips items with missing or odd fields', () => {
    expect(parseNetRouteItems([{ NextHop: 42 }, { InterfaceAlias: 'WLAN' }, { NextHop: 'router', InterfaceAlias: 'WLAN' }])).toEqual([])
  })
})

describe('readDefaultGateways', () => {
  it('reads both /proc tables on Linux, lowest metric first, without running commands', async () => {
    const { run, calls } = scriptedRunner(() => succeeded(''))
    const gateways = await readDefaultGateways({
      platform: 'linux',
      run,
      readFile: filesFrom({
        '/proc/net/route': fixture('linux/proc-net-route.txt'),
        '/proc/net/ipv6_route': fixture('linux/proc-net-ipv6_route.txt'),
      }),
    })
    expect(gateways).toEqual([
      { address: '10.0.0.1', family: 'IPv4', interface: 'enp0s31f6' },
      { address: '192.168.178.1', family: 'IPv4', interface: 'wlp3s0' },
      { address: '2001:db8:0:1::1', family: 'IPv6', interface: 'enp0s31f6' },
      { address: 'fe80::3ea6:2fff:fe78:1a2b', family: 'IPv6', interface: 'wlp3s0', zone: 'wlp3s0' },
    ])
    expect(calls).toEqual([])
  })

  it('works on Linux without IPv6 and returns nothing when /proc is unreadable', async () => {
    const ipv4Only = filesFrom({ '/proc/net/route': fixture('linux/proc-net-route-no-default.txt') })
    expect(await readDefaultGateways({ platform: 'linux', readFile: ipv4Only })).toEqual([])
    expect(await readDefaultGateways({ platform: 'linux', readFile: filesFrom({}) })).toEqual([])
  })

  it('runs netstat for both families on macOS', async () => {
    const { run, calls } = scriptedRunner((_file, args) =>
      succeeded(fixture(args.includes('inet6') ? 'macos/netstat-rn-inet6-sonoma.txt' : 'macos/netstat-rn-inet-sonoma.txt')),
    )
    expect(await readDefaultGateways({ platform: 'darwin', run })).toEqual([
      { address: '192.168.178.1', family: 'IPv4', interface: 'en0' },
      { address: 'fe80::3ea6:2fff:fe78:1a2b', family: 'IPv6', interface: 'en0', zone: 'en0' },
    ])
    expect(calls.map((call) => [call.file, ...call.args])).toEqual([
      ['netstat', '-rn', '-f', 'inet'],
      ['netstat', '-rn', '-f', 'inet6'],
    ])
  })

  it('keeps the IPv4 answer on macOS when the IPv6 command fails', async () => {
    const { run } = scriptedRunner((_file, args) =>
      args.includes('inet6')
        ? { ok: false, stdout: '', stderr: 'netstat: sysctl: Operation not permitted', code: 1, error: 'failed' }
        : succeeded(fixture('macos/netstat-rn-inet-elcapitan.txt')),
    )
    expect(await readDefaultGateways({ platform: 'darwin', run })).toEqual([{ address: '10.1.10.1', family: 'IPv4', interface: 'en1' }])
  })

  it('falls back to PowerShell, without profile or prompts, when route print is not understood on Windows', async () => {
    const { run, calls } = scriptedRunner(() => succeeded(fixture('windows/get-netroute-de.json')))
    const gateways = await readDefaultGateways({ platform: 'win32', run })
    expect(gateways.map((gateway) => gateway.address)).toEqual(['fe80::3ea6:2fff:fe78:1a2b', '192.168.178.1', '10.0.0.1'])
    expect(calls.map((recorded) => recorded.file)).toEqual([expect.stringMatching(/route\.exe$/i), expect.stringMatching(/powershell\.exe$/i)])
    const call = calls[1]
    expect(call?.file).toMatch(/powershell\.exe$/i)
    expect(call?.args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command'])
    expect(call?.args[3]).toContain("Get-NetRoute -DestinationPrefix '0.0.0.0/0','::/0'")
    expect(call?.args[3]).toContain('ConvertTo-Json')
    expect(call?.timeoutMs).toBeGreaterThan(3000)
  })

  it('drops the duplicate a route in two policy stores would produce', async () => {
    const json = JSON.stringify([
      { NextHop: '192.168.1.1', InterfaceAlias: 'Ethernet', InterfaceIndex: 7, RouteMetric: 0 },
      { NextHop: '192.168.1.1', InterfaceAlias: 'Ethernet', InterfaceIndex: 7, RouteMetric: 0 },
    ])
    const { run } = scriptedRunner(() => succeeded(json))
    expect(await readDefaultGateways({ platform: 'win32', run })).toEqual([{ address: '192.168.1.1', family: 'IPv4', interface: 'Ethernet' }])
  })

  it('turns every failure into an empty list', async () => {
    const timedOut = scriptedRunner(() => ({ ok: false, stdout: '', stderr: '', code: null, error: 'timeout' })).run
    const garbage = scriptedRunner(() => succeeded('Get-NetRoute : Der Begriff "Get-NetRoute" wurde nicht erkannt')).run
    const empty = scriptedRunner(() => succeeded('')).run
    for (const platform of ['win32', 'darwin'] as const) {
      expect(await readDefaultGateways({ platform, run: timedOut })).toEqual([])
      expect(await readDefaultGateways({ platform, run: garbage })).toEqual([])
      expect(await readDefaultGateways({ platform, run: empty })).toEqual([])
      await expect(readDefaultGateways({ platform, run: throwingRunner })).resolves.toEqual([])
    }
    const brokenReader = async (): Promise<string> => {
      throw new Error('EACCES')
    }
    await expect(readDefaultGateways({ platform: 'linux', readFile: brokenReader })).resolves.toEqual([])
    expect(await readDefaultGateways({ platform: 'freebsd', run: throwingRunner })).toEqual([])
  })
})
