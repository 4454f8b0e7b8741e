// Linux: who owns /etc/resolv.conf, what each owner's tool prints, and the exact commands NetMend runs
// for systemd-resolved, NetworkManager and resolvconf (which this machine can't run for real; the
// plain-file owner runs for real in tests/lab/dns-settings.test.ts).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDnsSettingsService } from '../../../src/main/dns-settings'
import { createLinuxBackend, detectLinuxOwner, planLinuxApply, planLinuxRestore } from '../../../src/main/dns-settings/linux'
import {
  parseNmActiveConnections,
  parseNmDeviceDns,
  parseNmDnsProperties,
  parseResolvectlLinks,
  splitTerseLine,
} from '../../../src/main/dns-settings/linux-parsers'
import type { AdapterState, Step } from '../../../src/main/dns-settings/types'
import { fixture as platformFixture } from '../platform/fixture-helpers'
import type { CommandRunner } from '../../../src/main/platform/run-command'
import { failed, fixture, ok, tableRunner } from './helpers'

const NM_RUNNING = { 'nmcli -t -f RUNNING general': ok('running\n') }

describe('who owns /etc/resolv.conf', () => {
  it.each([
    ['the systemd-resolved stub, NetworkManager running → NetworkManager (it pushes to resolved)', 'linux/resolv-systemd-stub.conf', undefined, NM_RUNNING, 'networkmanager'],
    ['the systemd-resolved stub, no NetworkManager → resolvectl', 'linux/resolv-systemd-stub.conf', '../run/systemd/resolve/stub-resolv.conf', {}, 'systemd-resolved'],
    ['a file NetworkManager wrote, NetworkManager running', 'linux/resolv-networkmanager.conf', undefined, NM_RUNNING, 'networkmanager'],
    ['a file NetworkManager once wrote, NetworkManager gone → the plain file', 'linux/resolv-networkmanager.conf', undefined, {}, 'plain-file'],
    ['resolvconf', 'linux/resolv-resolvconf.conf', '/run/resolvconf/resolv.conf', NM_RUNNING, 'resolvconf'],
    // Real (systemd/systemd#5745): resolvconf listing the resolved stub second; glibc asks 172.16.0.2 first.
    ['resolvconf with the systemd-resolved stub second, copied', 'linux/resolv-resolvconf-stub-second.conf', undefined, {}, 'resolvconf'],
    ['resolvconf with the systemd-resolved stub second, NetworkManager running', 'linux/resolv-resolvconf-stub-second.conf', undefined, NM_RUNNING, 'resolvconf'],
    ['a hand-made file', 'linux/resolv-plain.conf', undefined, NM_RUNNING, 'plain-file'],
  ] as const)('%s', async (_label, file, link, table, owner) => {
    expect(await detectLinuxOwner(platformFixture(file), link, tableRunner({ ...table }).run)).toBe(owner)
  })
})

describe('parsing resolvectl and nmcli', () => {
  it('resolvectl dns/domain per link', () => {
    expect(parseResolvectlLinks(fixture('linux/resolvectl-dns.txt'))).toEqual([
      { interface: 'enp0s31f6', index: 2, values: [] },
      { interface: 'wlp2s0', index: 3, values: ['192.168.178.1', 'fd00::3ea6:2fff:fe78:1a2b', 'fe80::1%wlp2s0'] },
      { interface: 'wg0', index: 4, values: ['10.64.0.1'] },
    ])
    expect(parseResolvectlLinks(fixture('linux/resolvectl-domain.txt'))[1]?.values).toEqual(['fritz.box'])
  })

  it('nmcli terse lines, with escaped colons in names and IPv6 addresses (English and German names)', () => {
    expect(splitTerseLine('Büro\\: WLAN:uuid:type:dev')).toEqual(['Büro: WLAN', 'uuid', 'type', 'dev'])
    expect(parseNmActiveConnections(fixture('linux/nmcli-active-en.txt')).map((connection) => [connection.name, connection.type, connection.device])).toEqual([
      ['Wired connection 1', '802-3-ethernet', 'enp0s31f6'],
      ['FRITZ!Box 7590 XY', '802-11-wireless', 'wlp2s0'],
      ['wg0', 'wireguard', 'wg0'],
      ['lo', 'loopback', 'lo'],
    ])
    expect(parseNmActiveConnections(fixture('linux/nmcli-active-de.txt')).map((connection) => connection.name)).toEqual([
      'Kabelgebundene Verbindung 1',
      'Büro: WLAN',
    ])
    expect(parseNmDnsProperties(fixture('linux/nmcli-dns-dhcp.txt'))).toEqual({ ipv4Dns: [], ipv4IgnoreAutoDns: false, ipv6Dns: [], ipv6IgnoreAutoDns: false })
    expect(parseNmDnsProperties(fixture('linux/nmcli-dns-manual.txt'))).toEqual({
      ipv4Dns: ['1.1.1.1', '9.9.9.9'],
      ipv4IgnoreAutoDns: true,
      ipv6Dns: ['2606:4700:4700::1111'],
      ipv6IgnoreAutoDns: false,
    })
    expect(parseNmDnsProperties('ipv4.dns:1.1.1.1;reboot\nipv4.ignore-auto-dns:no\nipv6.dns:\nipv6.ignore-auto-dns:no\n')).toBeUndefined()
    expect(parseNmDeviceDns(fixture('linux/nmcli-device-dns.txt'))).toEqual({ ipv4: ['192.168.178.1'], ipv6: ['fd00::3ea6:2fff:fe78:1a2b'] })
  })
})

describe('reading through each owner', () => {
  const stub = Buffer.from(platformFixture('linux/resolv-systemd-stub.conf'))
  const files = (path: string): Promise<Buffer> => (path === '/etc/resolv.conf' ? Promise.resolve(stub) : Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })))

  it('systemd-resolved: one adapter per link; the WireGuard link is a VPN; lo is skipped', async () => {
    const { run } = tableRunner({
      'resolvectl dns': ok(fixture('linux/resolvectl-dns.txt')),
      'resolvectl domain': ok(fixture('linux/resolvectl-domain.txt')),
    })
    const stub = Buffer.from('nameserver 127.0.0.53\noptions edns0\n')
    const files = async (path: string): Promise<Buffer> => (path === '/etc/resolv.conf' ? stub : Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })))
    const backend = createLinuxBackend({ run, readFile: files, readLink: async () => '../run/systemd/resolve/stub-resolv.conf', defaultInterfaces: async () => ['wlp2s0'] })
    const read = await backend.read()
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.readings.map(({ adapter }) => [adapter.id, adapter.ipv4.servers, adapter.ipv6.servers, adapter.virtual, adapter.primary])).toEqual([
      ['enp0s31f6', [], [], false, false],
      ['wlp2s0', ['192.168.178.1'], ['fd00::3ea6:2fff:fe78:1a2b', 'fe80::1%wlp2s0'], false, true],
      ['wg0', ['10.64.0.1'], [], true, false],
    ])
    expect(read.readings[1]?.state).toEqual({
      owner: 'systemd-resolved',
      key: 'wlp2s0',
      interface: 'wlp2s0',
      dns: ['192.168.178.1', 'fd00::3ea6:2fff:fe78:1a2b', 'fe80::1%wlp2s0'],
      domains: ['fritz.box'],
    })
  })

  it('NetworkManager: active connections with their DNS properties; DHCP vs hand-set; WireGuard is a VPN', async () => {
    const wifi = '9a4c2e7b-1d2f-4a55-8c3e-5b6f7d8e9a01'
    const wired = '0b7e5a3c-3f1d-3c44-9f1e-2f6b8f2b1a11'
    const wg = '5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b'
    const props = 'nmcli -t -f ipv4.dns,ipv4.ignore-auto-dns,ipv6.dns,ipv6.ignore-auto-dns connection show'
    const { run } = tableRunner({
      ...NM_RUNNING,
      'nmcli -t -f NAME,UUID,TYPE,DEVICE connection show --active': ok(fixture('linux/nmcli-active-de.txt') + fixture('linux/nmcli-active-en.txt').split('\n')[2] + '\n'),
      [`${props} ${wired}`]: ok(fixture('linux/nmcli-dns-dhcp.txt')),
      [`${props} ${wifi}`]: ok(fixture('linux/nmcli-dns-manual.txt')),
      [`${props} ${wg}`]: ok(fixture('linux/nmcli-dns-dhcp.txt')),
      'nmcli -t -f IP4.DNS,IP6.DNS device show enp0s31f6': ok(fixture('linux/nmcli-device-dns.txt')),
      'nmcli -t -f IP4.DNS,IP6.DNS device show wlp2s0': ok('IP4.DNS[1]:1.1.1.1\nIP4.DNS[2]:9.9.9.9\n'),
      'nmcli -t -f IP4.DNS,IP6.DNS device show wg0': ok(''),
    })
    const read = await createLinuxBackend({ run, readFile: files, readLink: async () => '../run/systemd/resolve/stub-resolv.conf', defaultInterfaces: async () => ['enp0s31f6'] }).read()
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.readings.map(({ adapter }) => [adapter.name, adapter.ipv4.servers, adapter.ipv4.source, adapter.ipv6.source, adapter.virtual, adapter.primary])).toEqual([
      ['Kabelgebundene Verbindung 1', ['192.168.178.1'], 'automatic', 'automatic', false, true],
      ['Büro: WLAN', ['1.1.1.1', '9.9.9.9'], 'manual', 'manual', false, false],
      ['wg0', [], 'automatic', 'automatic', true, false],
    ])
    expect(read.readings[1]?.state).toEqual({
      owner: 'networkmanager',
      key: wifi,
      uuid: wifi,
      name: 'Büro: WLAN',
      device: 'wlp2s0',
      ipv4Dns: ['1.1.1.1', '9.9.9.9'],
      ipv4IgnoreAutoDns: true,
      ipv6Dns: ['2606:4700:4700::1111'],
      ipv6IgnoreAutoDns: false,
    })
  })

  it('a plain file: one entry for the whole file, its bytes kept for an exact restore', async () => {
    const text = platformFixture('linux/resolv-plain.conf')
    const read = await createLinuxBackend({
      run: tableRunner({}).run,
      readFile: async () => Buffer.from(text),
      readLink: async () => Promise.reject(new Error('EINVAL')),
      realPath: async (path) => path,
      defaultInterfaces: async () => [],
    }).read()
    expect(read.ok && read.readings).toEqual([
      {
        adapter: {
          id: 'resolv.conf',
          name: '/etc/resolv.conf',
          owner: 'plain-file',
          ipv4: { servers: ['9.9.9.9'], source: 'file' },
          ipv6: { servers: ['2620:fe::fe'], source: 'file' },
          virtual: false,
          primary: true,
        },
        state: { owner: 'plain-file', key: '/etc/resolv.conf', path: '/etc/resolv.conf', target: '/etc/resolv.conf', content: Buffer.from(text).toString('base64') },
      },
    ])
  })
})

describe('commands for each Linux owner', () => {
  const resolved: AdapterState = { owner: 'systemd-resolved', key: 'wlp2s0', interface: 'wlp2s0', dns: ['192.168.178.1', 'fe80::1%wlp2s0'], domains: ['fritz.box'] }
  const uuid = '9a4c2e7b-1d2f-4a55-8c3e-5b6f7d8e9a01'
  const nm: AdapterState = { owner: 'networkmanager', key: uuid, uuid, name: 'Büro: WLAN', device: 'wlp2s0', ipv4Dns: [], ipv4IgnoreAutoDns: false, ipv6Dns: ['fd00::53'], ipv6IgnoreAutoDns: false }

  it('systemd-resolved: resolvectl dns + domain "~." (search domains kept); revert alone while the switch is in effect, the previous lists only where it was not enough', () => {
    expect(planLinuxApply(resolved, ['1.1.1.1', '2606:4700:4700::1111'])).toEqual({
      ok: true,
      steps: [
        { kind: 'run', file: 'resolvectl', args: ['dns', 'wlp2s0', '1.1.1.1', '2606:4700:4700::1111'] },
        { kind: 'run', file: 'resolvectl', args: ['domain', 'wlp2s0', 'fritz.box', '~.'] },
      ],
    })
    const switched: AdapterState = { ...resolved, dns: ['1.1.1.1'], domains: ['fritz.box', '~.'] }
    // The link's manager (networkd's DHCP) gives its values back, and goes on updating them.
    expect(planLinuxRestore(resolved, [switched])).toEqual({ ok: true, steps: [{ kind: 'run', file: 'resolvectl', args: ['revert', 'wlp2s0'] }] })
    // The revert did not bring back values set by hand: set them again.
    const revertedToNothing: AdapterState = { ...resolved, dns: [], domains: [] }
    expect(planLinuxRestore(resolved, [revertedToNothing])).toEqual({
      ok: true,
      steps: [
        { kind: 'run', file: 'resolvectl', args: ['revert', 'wlp2s0'] },
        { kind: 'run', file: 'resolvectl', args: ['dns', 'wlp2s0', '192.168.178.1', 'fe80::1%wlp2s0'] },
        { kind: 'run', file: 'resolvectl', args: ['domain', 'wlp2s0', 'fritz.box'] },
      ],
    })
    const empty: AdapterState = { ...resolved, dns: [], domains: [] }
    expect(planLinuxRestore(empty, [switched])).toEqual({ ok: true, steps: [{ kind: 'run', file: 'resolvectl', args: ['revert', 'wlp2s0'] }] })
  })

  const modify = (...properties: string[]): Step => ({
    kind: 'run',
    file: 'nmcli',
    args: ['connection', 'modify', uuid, ...properties],
  })
  const previous = ['ipv4.dns', '', 'ipv4.ignore-auto-dns', 'no', 'ipv6.dns', 'fd00::53', 'ipv6.ignore-auto-dns', 'no']
  const switched: AdapterState = { ...nm, ipv4Dns: ['1.1.1.1'], ipv4IgnoreAutoDns: true, ipv6Dns: [], ipv6IgnoreAutoDns: true }

  it('NetworkManager: ipv4/ipv6 dns with ignore-auto-dns yes, then device reapply on its device (never connection up)', () => {
    expect(planLinuxApply(nm, ['1.1.1.1', '1.0.0.1', '2606:4700:4700::1111'])).toEqual({
      ok: true,
      steps: [
        modify('ipv4.dns', '1.1.1.1 1.0.0.1', 'ipv4.ignore-auto-dns', 'yes', 'ipv6.dns', '2606:4700:4700::1111', 'ipv6.ignore-auto-dns', 'yes'),
        { kind: 'run', file: 'nmcli', args: ['device', 'reapply', 'wlp2s0'] },
      ],
    })
  })

  it('NetworkManager revert while the profile is still active: the exact previous values, reapplied on its device', () => {
    expect(planLinuxRestore(nm, [switched])).toEqual({ ok: true, steps: [modify(...previous), { kind: 'run', file: 'nmcli', args: ['device', 'reapply', 'wlp2s0'] }] })
    expect(planLinuxRestore(nm, [nm])).toEqual({ ok: true, steps: [] })
  })

  it('NetworkManager revert after moving to another network: the inactive profile is only modified — no connection up, no reapply', () => {
    // Not among the active connections at all…
    expect(planLinuxRestore(nm, [])).toEqual({ ok: true, steps: [modify(...previous)] })
    // …or read from the profile itself (device '').
    expect(planLinuxRestore(nm, [{ ...switched, device: '' }])).toEqual({ ok: true, steps: [modify(...previous)] })
    // Already back in the profile: nothing to do, whichever device it is (or is not) on.
    expect(planLinuxRestore(nm, [{ ...nm, device: '' }])).toEqual({ ok: true, steps: [] })
  })

  it('NetworkManager revert when the profile is active on another device now: reapplied there', () => {
    expect(planLinuxRestore(nm, [{ ...switched, device: 'enx00e04c680001' }])).toEqual({
      ok: true,
      steps: [modify(...previous), { kind: 'run', file: 'nmcli', args: ['device', 'reapply', 'enx00e04c680001'] }],
    })
  })

  it('NetworkManager: saved profiles that are no longer active are read with nmcli connection show <uuid> when restoring', async () => {
    const props = 'nmcli -t -f ipv4.dns,ipv4.ignore-auto-dns,ipv6.dns,ipv6.ignore-auto-dns connection show'
    const { run, calls } = tableRunner({
      ...NM_RUNNING,
      'nmcli -t -f NAME,UUID,TYPE,DEVICE connection show --active': ok(''),
      [`${props} ${uuid}`]: ok('ipv4.dns:1.1.1.1\nipv4.ignore-auto-dns:yes\nipv6.dns:\nipv6.ignore-auto-dns:yes\n'),
    })
    const stub = Buffer.from('nameserver 127.0.0.53\noptions edns0\n')
    const files = async (path: string): Promise<Buffer> => (path === '/etc/resolv.conf' ? stub : Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })))
    const backend = createLinuxBackend({ run, readFile: files, readLink: async () => '../run/systemd/resolve/stub-resolv.conf', defaultInterfaces: async () => [] })
    expect(await backend.read()).toEqual({ ok: true, readings: [] })
    const read = await backend.read([nm])
    expect(read.ok && read.readings.map((reading) => reading.state)).toEqual([{ ...switched, device: '' }])
    expect(calls).toContainEqual(['nmcli', '-t', '-f', 'ipv4.dns,ipv4.ignore-auto-dns,ipv6.dns,ipv6.ignore-auto-dns', 'connection', 'show', uuid])
    const states = read.ok ? read.readings.map((reading) => reading.state) : []
    expect(backend.planRestore(nm, states)).toEqual({ ok: true, steps: [modify(...previous)] })
  })

  it('resolvconf: a record of our own fed on stdin, deleted on revert', () => {
    const absent: AdapterState = { owner: 'resolvconf', key: 'lo.netmend', interface: 'lo', record: 'lo.netmend', servers: null }
    expect(planLinuxApply(absent, ['9.9.9.9', '149.112.112.112'])).toEqual({
      ok: true,
      steps: [{ kind: 'run', file: 'resolvconf', args: ['-a', 'lo.netmend'], input: 'nameserver 9.9.9.9\nnameserver 149.112.112.112\n' }],
    })
    expect(planLinuxRestore(absent, [{ ...absent, servers: ['9.9.9.9'] }])).toEqual({
      ok: true,
      steps: [{ kind: 'run', file: 'resolvconf', args: ['-d', 'lo.netmend', '-f'] }],
    })
  })

  it('a plain file: the new bytes, and the saved bytes on restore', () => {
    const original = 'search example.org\nnameserver 192.0.2.53\noptions rotate\n'
    const state: AdapterState = { owner: 'plain-file', key: '/etc/resolv.conf', path: '/etc/resolv.conf', target: '/etc/resolv.conf', content: Buffer.from(original).toString('base64') }
    const plan = planLinuxApply(state, ['1.1.1.1'])
    expect(plan.ok && plan.steps.length).toBe(1)
    const step = plan.ok ? plan.steps[0] : undefined
    expect(step?.kind === 'write-resolv-conf' && Buffer.from(step.content, 'base64').toString()).toBe(
      'search example.org\n# NetMend: address servers switched; "netmend dns revert" puts the previous ones back.\nnameserver 1.1.1.1\noptions rotate\n',
    )
    const changed: AdapterState = { ...state, content: Buffer.from('x').toString('base64') }
    expect(planLinuxRestore(state, [changed])).toEqual({ ok: true, steps: [{ kind: 'write-resolv-conf', content: state.content }] })
  })

  it('refuses interface names and UUIDs that are not plainly identifiers', () => {
    expect(planLinuxApply({ ...resolved, interface: 'eth0; reboot' } as AdapterState, ['1.1.1.1'])).toMatchObject({ ok: false, code: 'dns-settings.unsafe-name' })
    expect(planLinuxApply({ ...nm, uuid: '$(reboot)' } as AdapterState, ['1.1.1.1'])).toMatchObject({ ok: false, code: 'dns-settings.unsafe-name' })
  })
})

describe('NetworkManager through the whole transaction (a simulated nmcli)', () => {
  const home = '9a4c2e7b-1d2f-4a55-8c3e-5b6f7d8e9a01'
  const cafe = '0b7e5a3c-3f1d-3c44-9f1e-2f6b8f2b1a11'

  function simulatedNetworkManager() {
    const profiles = new Map([
      [home, { name: 'Home', dns4: ['192.168.1.53'], ignore4: false, dns6: [] as string[], ignore6: false }],
      [cafe, { name: 'Café', dns4: [] as string[], ignore4: false, dns6: [] as string[], ignore6: false }],
    ])
    const active = new Map([[home, 'wlp2s0']])
    const changes: string[][] = []
    const run: CommandRunner = async (file, args) => {
      const line = [file, ...args].join(' ')
      if (line === 'nmcli -t -f RUNNING general') return ok('running\n')
      if (line === 'nmcli -t -f NAME,UUID,TYPE,DEVICE connection show --active') {
        return ok([...active].map(([uuid, device]) => `${profiles.get(uuid)!.name}:${uuid}:802-11-wireless:${device}\n`).join(''))
      }
      if (args[0] === '-t' && args[2] === 'IP4.DNS,IP6.DNS') return ok('')
      const [verb, sub, uuid = '', ...rest] = args
      if (args[0] === '-t' && args[3] === 'connection' && args[4] === 'show') {
        const profile = profiles.get(args[5] ?? '')
        if (profile === undefined) return failed(10)
        const esc = (list: string[]): string => list.join(',').replace(/:/g, '\\:')
        return ok(`ipv4.dns:${esc(profile.dns4)}\nipv4.ignore-auto-dns:${profile.ignore4 ? 'yes' : 'no'}\nipv6.dns:${esc(profile.dns6)}\nipv6.ignore-auto-dns:${profile.ignore6 ? 'yes' : 'no'}\n`)
      }
      changes.push([file, ...args])
      if (verb === 'connection' && sub === 'modify') {
        const profile = profiles.get(uuid)!
        for (let index = 0; index < rest.length; index += 2) {
          const value = rest[index + 1] ?? ''
          const list = value === '' ? [] : value.split(' ')
          if (rest[index] === 'ipv4.dns') profile.dns4 = list
          if (rest[index] === 'ipv6.dns') profile.dns6 = list
          if (rest[index] === 'ipv4.ignore-auto-dns') profile.ignore4 = value === 'yes'
          if (rest[index] === 'ipv6.ignore-auto-dns') profile.ignore6 = value === 'yes'
        }
        return ok('')
      }
      if (verb === 'device' && sub === 'reapply') return ok('')
      return failed(2) // connection up, or anything else: not expected
    }
    return { run, profiles, active, changes }
  }

  it('switch at home, move to the café, revert: the home profile gets its old servers back without being activated', async () => {
    const nm = simulatedNetworkManager()
    const stub = Buffer.from('nameserver 127.0.0.53\n')
    const backend = createLinuxBackend({
      run: nm.run,
      readFile: async (file) => (file === '/etc/resolv.conf' ? stub : Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }))),
      readLink: async () => '../run/systemd/resolve/stub-resolv.conf',
      defaultInterfaces: async () => ['wlp2s0'],
    })
    const service = createDnsSettingsService({
      platform: 'linux',
      run: nm.run,
      backend,
      dataDir: mkdtempSync(path.join(tmpdir(), 'netmend-nm-')),
      isElevated: async () => true,
      locateTool: async (name) => `/usr/bin/${name}`,
      verify: {
        query: async (question) => ({ ok: true, rcode: 'NXDOMAIN', answers: [], authorities: [], latencyMs: 4, transport: 'udp', server: question.server }),
        lookup: async () => ({ ok: true, detail: 'answered' }),
      },
    })
    expect(await service.use(['1.1.1.1'])).toMatchObject({ ok: true, adapters: ['Home'] })
    expect(await service.confirm()).toEqual({ ok: true })
    // The admin steps run NetworkManager's nmcli by the absolute path the privileged side found.
    expect(nm.changes.at(-1)).toEqual(['/usr/bin/nmcli', 'device', 'reapply', 'wlp2s0'])

    // The laptop joins the café's Wi-Fi: the home profile is not active any more.
    nm.active.clear()
    nm.active.set(cafe, 'wlp2s0')
    nm.changes.length = 0
    expect(await service.revert()).toEqual({ ok: true, adapters: ['Home'] })
    expect(nm.changes).toEqual([['/usr/bin/nmcli', 'connection', 'modify', home, 'ipv4.dns', '192.168.1.53', 'ipv4.ignore-auto-dns', 'no', 'ipv6.dns', '', 'ipv6.ignore-auto-dns', 'no']])
    expect(nm.profiles.get(home)).toMatchObject({ dns4: ['192.168.1.53'], ignore4: false, ignore6: false })
    expect(nm.profiles.get(cafe)).toMatchObject({ dns4: [], ignore4: false })
    expect(nm.active).toEqual(new Map([[cafe, 'wlp2s0']]))
  })
})
