import type os from 'node:os'
import { describe, expect, it } from 'vitest'
import { parseGetServersEntry, readSystemResolvers } from '../../../src/main/platform/system-resolvers'
import type { CommandRunner } from '../../../src/main/platform/run-command'
import { fixture, scriptedRunner, succeeded } from './fixture-helpers'

// PowerShell that would take a cold-start's seconds: the fast path must never be seen waiting on it.
function slowPowerShell(): { run: CommandRunner; calls: string[] } {
  const calls: string[] = []
  const run: CommandRunner = async (file) => {
    calls.push(file)
    await new Promise((resolve) => setTimeout(resolve, 3000))
    return succeeded(fixture('windows/get-dnsclientserveraddress-de.json'))
  }
  return { run, calls }
}

const link = (address: string, scopeid: number, internal = false): os.NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/64`,
  scopeid,
})

describe('system resolvers on Windows, the fast path', () => {
  it("takes c-ares' list at once and never starts PowerShell", async () => {
    const { run, calls } = slowPowerShell()
    const result = await readSystemResolvers({ platform: 'win32', run, getServers: () => ['192.168.178.1', 'fd00::3ea6:2fff:fe78:1a2b', '10.0.0.53'] })
    expect(calls).toEqual([])
    expect(result).toEqual({
      ok: true,
      resolvers: [
        { address: '192.168.178.1', port: 53 },
        { address: 'fd00::3ea6:2fff:fe78:1a2b', port: 53 },
        { address: '10.0.0.53', port: 53 },
      ],
      manager: 'windows',
      viaLocalStub: false,
      upstream: [],
      searchDomains: [],
    })
  })

  it('gives an unzoned link-local server the index of the only interface with a link-local address', async () => {
    const { run } = slowPowerShell()
    const networkInterfaces = (): NodeJS.Dict<os.NetworkInterfaceInfo[]> => ({
      'Loopback Pseudo-Interface 1': [link('::1', 0, true)],
      'WLAN': [link('fe80::a00:27ff:fe4e:66a1', 12)],
    })
    const result = await readSystemResolvers({ platform: 'win32', run, networkInterfaces, getServers: () => ['fe80::1', '192.168.1.1'] })
    expect(result).toMatchObject({ ok: true, resolvers: [{ address: 'fe80::1', port: 53, zone: '12' }, { address: '192.168.1.1', port: 53 }] })
  })

  it('does not guess a zone when several interfaces have link-local addresses', async () => {
    const { run } = slowPowerShell()
    const networkInterfaces = (): NodeJS.Dict<os.NetworkInterfaceInfo[]> => ({
      'WLAN': [link('fe80::a00:27ff:fe4e:66a1', 12)],
      'vEthernet (WSL)': [link('fe80::215:5dff:fe01:2', 31)],
    })
    const result = await readSystemResolvers({ platform: 'win32', run, networkInterfaces, getServers: () => ['fe80::1'] })
    expect(result).toMatchObject({ ok: true, resolvers: [{ address: 'fe80::1', port: 53 }] })
    expect(result.ok && result.resolvers[0]).not.toHaveProperty('zone')
  })

  it('falls back to PowerShell only when c-ares has nothing', async () => {
    const { run, calls } = scriptedRunner(() => succeeded(fixture('windows/get-dnsclientserveraddress-single.json')))
    const result = await readSystemResolvers({ platform: 'win32', run, getServers: () => [] })
    expect(result).toMatchObject({ ok: true, manager: 'windows', resolvers: [{ address: '192.168.1.254', port: 53, interface: 'Ethernet' }] })
    expect(calls).toHaveLength(1)
    const broken = await readSystemResolvers({
      platform: 'win32',
      run,
      getServers: () => {
        throw new Error('c-ares broke')
      },
    })
    expect(broken).toMatchObject({ ok: true })
    expect(calls).toHaveLength(2)
  })

  it('reads every form dns.getServers() prints', () => {
    expect(parseGetServersEntry('8.8.8.8')).toEqual({ address: '8.8.8.8', port: 53 })
    expect(parseGetServersEntry('127.0.0.1:5353')).toEqual({ address: '127.0.0.1', port: 5353 })
    expect(parseGetServersEntry('2001:db8::1')).toEqual({ address: '2001:db8::1', port: 53 })
    expect(parseGetServersEntry('[2001:db8::1]:5353')).toEqual({ address: '2001:db8::1', port: 5353 })
    expect(parseGetServersEntry('fe80::1%12')).toEqual({ address: 'fe80::1', port: 53, zone: '12' })
    expect(parseGetServersEntry('[fe80::1%12]:53')).toEqual({ address: 'fe80::1', port: 53, zone: '12' })
    expect(parseGetServersEntry('2001:db8::1%12')).toEqual({ address: '2001:db8::1', port: 53 })
    expect(parseGetServersEntry('dns.example')).toBeUndefined()
    expect(parseGetServersEntry('[::1]:0')).toBeUndefined()
    expect(parseGetServersEntry('1.2.3.4:99999')).toBeUndefined()
  })

  it('uses the real c-ares list by default, without any network traffic', async () => {
    const { run, calls } = slowPowerShell()
    const result = await readSystemResolvers({ platform: 'win32', run })
    // Whatever this machine's configuration, c-ares only reads it: PowerShell is never waited on.
    expect(calls).toEqual([])
    expect(['windows', undefined]).toContain(result.ok ? result.manager : undefined)
  })
})
