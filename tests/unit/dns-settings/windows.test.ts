// Windows: the JSON the read script prints, parsed from English and German machines, and the exact
// PowerShell each operation runs (addressed by InterfaceIndex, found again by GUID then name).
import { describe, expect, it } from 'vitest'
import { decodePowerShell, POWERSHELL } from '../../../src/main/dns-settings/privileged-commands'
import {
  createWindowsBackend,
  encodedPowerShell,
  parseWindowsReading,
  registryServers,
  WINDOWS_READ_SCRIPT,
} from '../../../src/main/dns-settings/windows'
import type { AdapterState } from '../../../src/main/dns-settings/types'
import { fixture, ok } from './helpers'

const document = (name: string): Record<string, unknown> => JSON.parse(fixture(name))

/** The step names Windows' PowerShell, never a path: the privileged side finds it (privileged-commands.ts). */
function scriptOf(step: { kind: string; file?: string; args?: string[] }): string {
  expect(step.kind).toBe('run')
  expect(step.file).toBe(POWERSHELL)
  expect(step.args?.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-EncodedCommand'])
  return decodePowerShell(step.args?.[3] ?? '')
}

describe('reading Windows DNS settings', () => {
  it('English laptop: Wi-Fi on DHCP is the one to change; the TAP adapter is a VPN; a down adapter is not listed', () => {
    const reading = parseWindowsReading(document('windows/read-en.json'))
    expect(reading.isAdmin).toBe(false)
    expect(reading.readings.map(({ adapter }) => adapter)).toEqual([
      {
        id: '12',
        name: 'Wi-Fi',
        owner: 'windows',
        ipv4: { servers: ['192.168.1.1'], source: 'automatic' },
        ipv6: { servers: [], source: 'automatic' },
        virtual: false,
        primary: true,
      },
      {
        id: '19',
        name: 'OpenVPN TAP-Windows6',
        owner: 'windows',
        ipv4: { servers: ['10.8.0.1'], source: 'automatic' },
        ipv6: { servers: [], source: 'unknown' },
        virtual: true,
        primary: true,
      },
    ])
    expect(reading.readings[0]?.state).toEqual({
      owner: 'windows',
      key: '{5b3c1f4e-8a2d-4c6b-9e1f-3d7a2b6c8e01}',
      index: 12,
      name: 'Wi-Fi',
      guid: '{5B3C1F4E-8A2D-4C6B-9E1F-3D7A2B6C8E01}',
      ipv4Manual: [],
      ipv6Manual: [],
    })
  })

  it('German laptop: hand-set IPv4 (registry NameServer) and IPv6 from the router are told apart', () => {
    const reading = parseWindowsReading(document('windows/read-de.json'))
    expect(reading.isAdmin).toBe(true)
    const [wlan, ethernet, vpn] = reading.readings
    expect(wlan?.adapter).toMatchObject({
      id: '17',
      name: 'WLAN',
      ipv4: { servers: ['1.1.1.1', '8.8.8.8'], source: 'manual' },
      ipv6: { servers: ['fd00::3ea6:2fff:fe78:1a2b'], source: 'automatic' },
      primary: true,
      virtual: false,
    })
    expect(wlan?.state).toMatchObject({ ipv4Manual: ['1.1.1.1', '8.8.8.8'], ipv6Manual: [] })
    expect(ethernet?.adapter).toMatchObject({ name: 'Ethernet 2', ipv4: { source: 'automatic' }, primary: true })
    expect(vpn?.adapter).toMatchObject({ name: 'Büro-VPN', virtual: true, primary: false, ipv4: { source: 'manual' } })
  })

  it('reads the registry lists with commas or spaces and drops anything that is not an address', () => {
    expect(registryServers('1.1.1.1,8.8.8.8')).toEqual(['1.1.1.1', '8.8.8.8'])
    expect(registryServers('192.168.1.1 fd00::1')).toEqual(['192.168.1.1', 'fd00::1'])
    expect(registryServers('')).toEqual([])
    expect(registryServers(null)).toEqual([])
    expect(registryServers('1.1.1.1;calc.exe')).toEqual([])
  })

  it('runs one PowerShell with JSON output and no netsh/ipconfig text', async () => {
    const calls: string[][] = []
    const backend = createWindowsBackend({
      run: async (file, args) => {
        calls.push([file, ...args])
        return ok(fixture('windows/read-de.json'))
      },
    })
    const read = await backend.read()
    expect(read.ok && read.readings.length).toBe(3)
    expect(await backend.isAdmin()).toBe(true)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.[calls[0].length - 1]).toContain(WINDOWS_READ_SCRIPT)
    for (const cmdlet of ['Get-NetAdapter', 'Get-DnsClientServerAddress', 'Get-NetIPInterface', 'ConvertTo-Json', 'NameServer', 'DhcpNameServer']) {
      expect(WINDOWS_READ_SCRIPT).toContain(cmdlet)
    }
    expect(WINDOWS_READ_SCRIPT).not.toMatch(/netsh|ipconfig/i)
  })
})

describe('commands Windows runs', () => {
  const backend = createWindowsBackend({ run: async () => ok('') })
  const wifi = parseWindowsReading(document('windows/read-en.json')).readings[0]!.state
  const wlan = parseWindowsReading(document('windows/read-de.json')).readings[0]!.state

  it('switch: Set-DnsClientServerAddress on the adapter index, errors fatal, as -EncodedCommand', () => {
    const plan = backend.planApply(wifi, ['1.1.1.1', '2606:4700:4700::1111'])
    expect(plan.ok).toBe(true)
    if (!plan.ok) return
    expect(plan.steps).toHaveLength(1)
    expect(scriptOf(plan.steps[0]!)).toBe(
      "$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 12 -ServerAddresses ('1.1.1.1','2606:4700:4700::1111')",
    )
  })

  it('restore of a DHCP adapter: reset to automatic', () => {
    const changed: AdapterState = { ...wifi, ipv4Manual: ['1.1.1.1'] } as AdapterState
    const plan = backend.planRestore(wifi, [changed])
    expect(plan.ok && scriptOf(plan.steps[0]!)).toBe("$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 12 -ResetServerAddresses")
  })

  it('restore of hand-set IPv4 with IPv6 from DHCP: reset both, put the IPv4 list back', () => {
    const changed = { ...wlan, ipv4Manual: ['9.9.9.9'] } as AdapterState
    const plan = backend.planRestore(wlan, [changed])
    expect(plan.ok && scriptOf(plan.steps[0]!)).toBe(
      "$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 17 -ResetServerAddresses; Set-DnsClientServerAddress -InterfaceIndex 17 -ServerAddresses ('1.1.1.1','8.8.8.8')",
    )
  })

  it('the adapter got a new index after a reboot: found again by GUID, the new index is used', () => {
    const moved = { ...wifi, index: 23, ipv4Manual: ['1.1.1.1'] } as AdapterState
    const plan = backend.planRestore(wifi, [moved])
    expect(plan.ok && scriptOf(plan.steps[0]!)).toContain('-InterfaceIndex 23 -ResetServerAddresses')
  })

  it('the adapter got a new GUID (driver reinstalled): found again by name', () => {
    const reinstalled = { ...wifi, index: 31, guid: '{11111111-2222-4333-8444-555555555555}', key: 'x', ipv4Manual: ['1.1.1.1'] } as AdapterState
    const plan = backend.planRestore(wifi, [reinstalled])
    expect(plan.ok && scriptOf(plan.steps[0]!)).toContain('-InterfaceIndex 31 ')
  })

  it('nothing differs: nothing runs; the adapter is gone: a clear error', () => {
    expect(backend.planRestore(wifi, [wifi])).toEqual({ ok: true, steps: [] })
    expect(backend.planRestore(wifi, [])).toMatchObject({ ok: false, code: 'dns-settings.adapter-gone', detail: 'Wi-Fi' })
  })

  it('refuses to build a script from anything but an address', () => {
    expect(backend.planApply(wifi, ["1.1.1.1'); Remove-Item C:\\ -Recurse; ('"])).toMatchObject({ ok: false })
  })

  it('encodes UTF-16LE base64, which is what -EncodedCommand expects', () => {
    const { args } = encodedPowerShell(['Write-Output 1'])
    expect(Buffer.from(args[3]!, 'base64').toString('utf16le')).toBe("$ErrorActionPreference = 'Stop'; Write-Output 1")
  })
})
