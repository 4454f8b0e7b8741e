import type os from 'node:os'
import { describe, expect, it } from 'vitest'
import { readDefaultGateways } from '../../../src/main/platform/gateway'
import { parseRoutePrint } from '../../../src/main/platform/windows-route-print'
import { fixture, scriptedRunner, succeeded } from './fixture-helpers'

const entry = (address: string, family: 'IPv4' | 'IPv6', scopeid?: number): os.NetworkInterfaceInfo =>
  family === 'IPv4'
    ? { address, netmask: '255.255.255.0', family, mac: '00:00:00:00:00:00', internal: false, cidr: `${address}/24` }
    : { address, netmask: 'ffff:ffff:ffff:ffff::', family, mac: '00:00:00:00:00:00', internal: false, cidr: `${address}/64`, scopeid: scopeid ?? 0 }

const interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = {
  'WLAN': [entry('192.168.178.23', 'IPv4'), entry('fe80::a6c3:f0ff:fe11:2233', 'IPv6', 12)],
  'Ethernet 2': [entry('10.0.0.17', 'IPv4')],
}

describe('Windows route print', () => {
  it('finds the active default routes, lowest metric first, named by adapter, link-local ones with the interface index as zone', () => {
    expect(parseRoutePrint(fixture('windows/route-print-en.txt'), interfaces)).toEqual([
      { address: '10.0.0.1', family: 'IPv4', interface: 'Ethernet 2' },
      { address: '192.168.178.1', family: 'IPv4', interface: 'WLAN' },
      { address: 'fe80::3ea6:2fff:fe78:1a2b', family: 'IPv6', interface: 'WLAN', zone: '12' },
    ])
  })

  it('names an adapter it cannot find by its address or index', () => {
    expect(parseRoutePrint(fixture('windows/route-print-en.txt'), {})?.map((gateway) => gateway.interface)).toEqual(['10.0.0.17', '192.168.178.23', '12'])
  })

  it('tells an unknown format from a table without default routes', () => {
    expect(parseRoutePrint('Der Befehl wurde nicht gefunden', interfaces)).toBeUndefined()
    expect(parseRoutePrint('', interfaces)).toBeUndefined()
    const noDefault = ['Active Routes:', '        127.0.0.0        255.0.0.0         On-link         127.0.0.1    331', '====', ' 1    331 ::1/128                  On-link'].join('\r\n')
    expect(parseRoutePrint(noDefault, interfaces)).toEqual([])
  })

  it('is what readDefaultGateways uses on Windows: one route.exe run, no PowerShell', async () => {
    const { run, calls } = scriptedRunner(() => succeeded(fixture('windows/route-print-en.txt')))
    const gateways = await readDefaultGateways({ platform: 'win32', run, networkInterfaces: () => interfaces })
    expect(gateways.map((gateway) => gateway.address)).toEqual(['10.0.0.1', '192.168.178.1', 'fe80::3ea6:2fff:fe78:1a2b'])
    expect(calls.map((call) => [call.file, ...call.args])).toEqual([['route.exe', 'print']])
  })
})

// Real captures from public bug reports and a how-to (fixtures/README.md), zh-CN and ja-JP Windows: localized
// headers, a localized word for On-link, columns as the posts show them (some with runs of spaces collapsed).
describe('Windows route print, real captures in other languages', () => {
  it('reads the active default route and skips On-link IPv6 (Teredo) and wrapped long rows (XX-Net #11508)', () => {
    // The same post's ipconfig names the adapter holding 192.168.31.88 "WLAN"; 13 is the Teredo interface.
    const posted = { WLAN: [entry('192.168.31.88', 'IPv4')], 'Teredo Tunneling Pseudo-Interface': [entry('2001:0:9d38:6ab8:20c7:ecc:8fe8:493c', 'IPv6', 13)] }
    expect(parseRoutePrint(fixture('windows/route-print-zh-cn-xxnet-11508.txt'), posted)).toEqual([
      { address: '192.168.31.1', family: 'IPv4', interface: 'WLAN' },
    ])
  })

  it('reads the padded column layout and names the adapter by its address when Node does not list it (XX-Net #10705)', () => {
    expect(parseRoutePrint(fixture('windows/route-print-zh-cn-xxnet-10705.txt'), {})).toEqual([
      { address: '192.168.50.1', family: 'IPv4', interface: '192.168.50.75' },
    ])
  })

  it('keeps the router of a LAN default route and counts no gateway for an On-link (dial-up) default route (XX-Net #11445)', () => {
    // "0.0.0.0 0.0.0.0 在链路上 39.183.173.41 36": the dial-up connection carries the traffic (lower metric) but has
    // no router address to probe, like Get-NetRoute's 0.0.0.0 next hop and Linux's gateway 0.0.0.0.
    expect(parseRoutePrint(fixture('windows/route-print-zh-cn-xxnet-11445.txt'), {})).toEqual([
      { address: '172.22.63.254', family: 'IPv4', interface: '172.22.30.182' },
    ])
  })

  it('reads a ja-JP capture ("リンク上" for On-link, "固定ルート: なし") from a published how-to (zenn.dev)', () => {
    expect(parseRoutePrint(fixture('windows/route-print-ja-jp-zenn.txt'), {})).toEqual([
      { address: '192.168.0.1', family: 'IPv4', interface: '192.168.0.103' },
    ])
  })

  it('is what readDefaultGateways returns from the real capture, without falling back to PowerShell', async () => {
    const { run, calls } = scriptedRunner(() => succeeded(fixture('windows/route-print-zh-cn-xxnet-11508.txt')))
    const gateways = await readDefaultGateways({ platform: 'win32', run, networkInterfaces: () => ({ WLAN: [entry('192.168.31.88', 'IPv4')] }) })
    expect(gateways).toEqual([{ address: '192.168.31.1', family: 'IPv4', interface: 'WLAN' }])
    expect(calls.map((call) => call.file)).toEqual(['route.exe'])
  })
})
