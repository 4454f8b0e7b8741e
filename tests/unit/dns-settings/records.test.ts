// The records in the data folder are acted on (with admin rights) only when every field is what NetMend
// itself writes on this system. Each change below breaks exactly one rule, so each rule has a test that
// fails without it.
import { describe, expect, it } from 'vitest'
import { journalProblem, MAX_RECORD_BYTES, snapshotProblem } from '../../../src/main/dns-settings/records'

type Json = Record<string, unknown>

const owner = { pid: 4242, bootTime: 1_700_000_000, bootId: '0f4c9b8e-1d2a-4b7c-9e3f-2a1b0c9d8e7f', startTicks: 987654 }
const resolvConf = Buffer.from('nameserver 192.0.2.53\nsearch lab.example\n').toString('base64')

const ADAPTERS: Record<'linux' | 'darwin' | 'win32', Json[]> = {
  linux: [
    { owner: 'plain-file', key: '/etc/resolv.conf', path: '/etc/resolv.conf', target: '/etc/resolv.conf', content: resolvConf },
    { owner: 'resolvconf', key: 'lo.netmend', interface: 'lo', record: 'lo.netmend', servers: null },
    { owner: 'systemd-resolved', key: 'eth0', interface: 'eth0', dns: ['192.0.2.53', 'fe80::1%eth0'], domains: ['lab.example', '~.'] },
    {
      owner: 'networkmanager',
      key: '8c6b7f4e-2d1a-4e5b-9c3d-1a2b3c4d5e6f',
      uuid: '8c6b7f4e-2d1a-4e5b-9c3d-1a2b3c4d5e6f',
      name: 'Büro WLAN (5 GHz)',
      device: 'wlp2s0',
      ipv4Dns: ['192.0.2.53'],
      ipv4IgnoreAutoDns: false,
      ipv6Dns: ['fe80::53%wlp2s0'],
      ipv6IgnoreAutoDns: true,
    },
  ],
  darwin: [{ owner: 'networksetup', key: 'Wi-Fi', service: 'Wi-Fi', device: 'en0', servers: ['192.0.2.53', '2001:db8::53'] }],
  win32: [
    {
      owner: 'windows',
      key: '{4d36e972-e325-11ce-bfc1-08002be10318}',
      index: 12,
      name: 'Ethernet 2',
      guid: '{4D36E972-E325-11CE-BFC1-08002BE10318}',
      ipv4Manual: ['192.0.2.53'],
      ipv6Manual: [],
    },
  ],
}

const snapshot = (platform: 'linux' | 'darwin' | 'win32'): Json => ({ version: 1, platform, takenAt: '2026-11-24T15:00:00.000Z', adapters: structuredClone(ADAPTERS[platform]) })
const journal = (platform: 'linux' | 'darwin' | 'win32' = 'linux'): Json => ({
  version: 1,
  id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  kind: 'use',
  state: 'applied',
  owner: { ...owner },
  startedAt: '2026-11-24T15:00:01.000Z',
  before: snapshot(platform),
  firstChange: true,
  servers: ['1.1.1.1', '2606:4700:4700::1111'],
})

/** The journal with `change` applied to the adapter of `owner` in its snapshot (Linux unless it is a Mac or Windows one). */
function withAdapter(ownerName: string, change: (adapter: Json) => void): { platform: NodeJS.Platform; value: Json } {
  const platform = ownerName === 'networksetup' ? 'darwin' : ownerName === 'windows' ? 'win32' : 'linux'
  const value = journal(platform)
  const adapter = ((value.before as Json).adapters as Json[]).find((candidate) => candidate.owner === ownerName)!
  change(adapter)
  return { platform, value }
}
const onJournal = (change: (value: Json) => void): { platform: NodeJS.Platform; value: Json } => {
  const value = journal()
  change(value)
  return { platform: 'linux', value }
}
const onSnapshot = (change: (value: Json) => void) => onJournal((value) => change(value.before as Json))
const onOwner = (change: (value: Json) => void) => onJournal((value) => change(value.owner as Json))

describe('records NetMend wrote are accepted', () => {
  it.each(['linux', 'darwin', 'win32'] as const)('a journal and a snapshot of %s', (platform) => {
    expect(journalProblem(journal(platform), platform)).toBeUndefined()
    expect(snapshotProblem(snapshot(platform), platform)).toBeUndefined()
  })

  it('an interrupted revert, a resolvconf record with servers, a NetworkManager profile not active any more', () => {
    expect(journalProblem({ ...journal(), kind: 'revert', firstChange: false, servers: [] }, 'linux')).toBeUndefined()
    expect(withAdapter('resolvconf', (adapter) => (adapter.servers = ['192.0.2.53'])).value).toSatisfy((value: Json) => journalProblem(value, 'linux') === undefined)
    expect(withAdapter('networkmanager', (adapter) => (adapter.device = '')).value).toSatisfy((value: Json) => journalProblem(value, 'linux') === undefined)
  })

  it('is capped at a size far above a real record', () => {
    expect(JSON.stringify(journal()).length).toBeLessThan(MAX_RECORD_BYTES / 100)
  })
})

describe('anything else is a damaged record', () => {
  const cases: [string, { platform: NodeJS.Platform; value: unknown }][] = [
    ['not an object', { platform: 'linux', value: [journal()] }],
    ['a field missing', onJournal((value) => delete value.firstChange)],
    ['a field NetMend never writes', onJournal((value) => (value.command = 'rm -rf /'))],
    ['another version', onJournal((value) => (value.version = 2))],
    ['an id with other characters', onJournal((value) => (value.id = '../../etc'))],
    ['an unknown kind', onJournal((value) => (value.kind = 'restore-file'))],
    ['an unknown state', onJournal((value) => (value.state = 'done'))],
    ['a start time that is no time', onJournal((value) => (value.startedAt = 'yesterday'))],
    ['firstChange not true or false', onJournal((value) => (value.firstChange = 'yes'))],
    ['a revert claiming to be a first change', onJournal((value) => Object.assign(value, { kind: 'revert', servers: [] }))],
    ['a revert with servers', onJournal((value) => Object.assign(value, { kind: 'revert', firstChange: false }))],
    ['a switch to something that is not a server address', onJournal((value) => (value.servers = ['1.1.1.1; reboot']))],
    ['a switch to no server', onJournal((value) => (value.servers = []))],
    ['a switch to more servers than NetMend sets', onJournal((value) => (value.servers = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5', '192.0.2.6', '192.0.2.7']))],
    ['servers not a list', onJournal((value) => (value.servers = '1.1.1.1'))],
    ['an owner that is no object', onJournal((value) => (value.owner = 4242))],
    ['an owner without a boot time', onOwner((value) => delete value.bootTime)],
    ['an owner with a field NetMend never writes', onOwner((value) => (value.token = 'x'))],
    ['pid 0', onOwner((value) => (value.pid = 0))],
    ['a pid that is not a whole number', onOwner((value) => (value.pid = 42.5))],
    ['a boot time that is not a number', onOwner((value) => (value.bootTime = '1700000000'))],
    ['a boot id with other characters', onOwner((value) => (value.bootId = 'boot; reboot'))],
    ['a negative start time', onOwner((value) => (value.startTicks = -1))],
    ['before missing its adapters', onSnapshot((value) => delete value.adapters)],
    ['before with a field NetMend never writes', onSnapshot((value) => (value.script = 'x'))],
    ['before of another version', onSnapshot((value) => (value.version = 0))],
    ['before taken on another system', onSnapshot((value) => (value.platform = 'win32'))],
    ['before with no time', onSnapshot((value) => (value.takenAt = 42))],
    ['before whose adapters are no list', onSnapshot((value) => (value.adapters = {}))],
    ['before with no adapter at all', onSnapshot((value) => (value.adapters = []))],
    ['before with more adapters than any computer', onSnapshot((value) => (value.adapters = Array.from({ length: 65 }, () => ADAPTERS.linux[2])))],
    ['an adapter that is no object', onSnapshot((value) => (value.adapters = ['eth0']))],
    ['an adapter of an unknown owner', onSnapshot((value) => ((value.adapters as Json[])[0]!.owner = 'sudoers'))],
    ['an adapter of another system', onSnapshot((value) => (value.adapters = ADAPTERS.darwin))],
    ['an adapter missing a field', withAdapter('systemd-resolved', (adapter) => delete adapter.domains)],
    ['an adapter with a field NetMend never writes', withAdapter('systemd-resolved', (adapter) => (adapter.file = '/etc/sudoers'))],
    ['an adapter whose key names another adapter', withAdapter('systemd-resolved', (adapter) => (adapter.key = 'wlan0'))],
    ['a resolv.conf path with ".."', withAdapter('plain-file', (adapter) => Object.assign(adapter, { path: '/etc/../etc/sudoers', key: '/etc/../etc/sudoers' }))],
    ['a resolv.conf path that is relative', withAdapter('plain-file', (adapter) => Object.assign(adapter, { path: 'etc/resolv.conf', key: 'etc/resolv.conf' }))],
    ['a resolv.conf path written elsewhere than the file itself', withAdapter('plain-file', (adapter) => (adapter.key = '/etc/resolv.conf.d'))],
    ['a resolv.conf target with a space', withAdapter('plain-file', (adapter) => (adapter.target = '/etc/resolv.conf /etc/sudoers'))],
    ['file content that is not base64', withAdapter('plain-file', (adapter) => (adapter.content = 'nameserver 1.1.1.11\n'))],
    ['file content of broken base64', withAdapter('plain-file', (adapter) => (adapter.content = 'bmFtZXNlcnZlcg'))],
    ['file content larger than any resolv.conf', withAdapter('plain-file', (adapter) => (adapter.content = 'A'.repeat(64 * 1024 + 4)))],
    ['a resolvconf interface with a space', withAdapter('resolvconf', (adapter) => (adapter.interface = 'l o'))],
    ['a resolvconf record with a slash', withAdapter('resolvconf', (adapter) => Object.assign(adapter, { record: '../x', key: '../x' }))],
    ['resolvconf servers that are not addresses', withAdapter('resolvconf', (adapter) => (adapter.servers = ['example.com']))],
    ['a resolved interface with a command', withAdapter('systemd-resolved', (adapter) => Object.assign(adapter, { interface: 'eth0;reboot', key: 'eth0;reboot' }))],
    ['resolved servers that are not addresses', withAdapter('systemd-resolved', (adapter) => (adapter.dns = ['1.1.1.1:53']))],
    ['more resolved servers than any link has', withAdapter('systemd-resolved', (adapter) => (adapter.dns = Array.from({ length: 33 }, () => '192.0.2.53')))],
    ['a resolved domain with a space', withAdapter('systemd-resolved', (adapter) => (adapter.domains = ['lab example']))],
    ['a NetworkManager profile id that is no UUID', withAdapter('networkmanager', (adapter) => Object.assign(adapter, { uuid: 'Wired connection 1', key: 'Wired connection 1' }))],
    ['a NetworkManager profile name with a line break', withAdapter('networkmanager', (adapter) => (adapter.name = 'Home\nnameserver 203.0.113.66'))],
    ['a NetworkManager profile with no name', withAdapter('networkmanager', (adapter) => (adapter.name = ''))],
    ['a NetworkManager profile name longer than any', withAdapter('networkmanager', (adapter) => (adapter.name = 'x'.repeat(257)))],
    ['a NetworkManager device with a command', withAdapter('networkmanager', (adapter) => (adapter.device = '$(reboot)'))],
    ['an IPv6 address among the IPv4 servers', withAdapter('networkmanager', (adapter) => (adapter.ipv4Dns = ['2001:db8::53']))],
    ['an IPv4 address among the IPv6 servers', withAdapter('networkmanager', (adapter) => (adapter.ipv6Dns = ['192.0.2.53']))],
    ['ignore-auto-dns as text', withAdapter('networkmanager', (adapter) => (adapter.ipv4IgnoreAutoDns = 'yes'))],
    ['ignore-auto-dns (IPv6) as text', withAdapter('networkmanager', (adapter) => (adapter.ipv6IgnoreAutoDns = 'no'))],
    ['a Windows interface index of 0', withAdapter('windows', (adapter) => (adapter.index = 0))],
    ['a Windows adapter with no name', withAdapter('windows', (adapter) => (adapter.name = ''))],
    ['a Windows GUID without braces', withAdapter('windows', (adapter) => Object.assign(adapter, { guid: '4d36e972-e325-11ce-bfc1-08002be10318', key: '4d36e972-e325-11ce-bfc1-08002be10318' }))],
    ['a Windows key that is not the GUID', withAdapter('windows', (adapter) => (adapter.key = 'ethernet 2'))],
    ['an IPv6 address among the Windows IPv4 servers', withAdapter('windows', (adapter) => (adapter.ipv4Manual = ['2001:db8::53']))],
    ['an IPv4 address among the Windows IPv6 servers', withAdapter('windows', (adapter) => (adapter.ipv6Manual = ['192.0.2.53']))],
    ['a macOS service name with quotes', withAdapter('networksetup', (adapter) => Object.assign(adapter, { service: 'Wi-Fi"; reboot', key: 'Wi-Fi"; reboot' }))],
    ['a macOS device with a space', withAdapter('networksetup', (adapter) => (adapter.device = 'en 0'))],
    ['macOS servers that are not addresses', withAdapter('networksetup', (adapter) => (adapter.servers = ['Empty']))],
  ]

  it.each(cases)('%s', (_label, { platform, value }) => {
    expect(journalProblem(value, platform)).toEqual(expect.any(String))
  })

  it('says which field is wrong', () => {
    expect(journalProblem(onJournal((value) => delete value.firstChange).value, 'linux')).toBe('firstChange is missing')
    expect(journalProblem(onJournal((value) => (value.kind = 'restore-file')).value, 'linux')).toBe('kind is not use or revert')
    expect(journalProblem(onSnapshot((value) => ((value.adapters as Json[])[0]!.owner = 'sudoers')).value, 'linux')).toBe(
      'before: adapters[0]: owner "sudoers" is not one NetMend uses on linux',
    )
  })

  it('a snapshot on its own: the same rules', () => {
    expect(snapshotProblem([], 'linux')).toBe('is not an object')
    expect(snapshotProblem({ ...snapshot('linux'), adapters: [] }, 'linux')).toBe('adapters is empty')
  })
})
