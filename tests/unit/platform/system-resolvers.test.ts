import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSystemResolvers, type SystemResolversResult } from '../../../src/main/platform/system-resolvers'
import { filesFrom, fixture, scriptedRunner, succeeded, throwingRunner } from './fixture-helpers'

const UPSTREAM_PATH = '/run/systemd/resolve/resolv.conf'

function expectOk(result: SystemResolversResult): Extract<SystemResolversResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected resolvers, got ${result.code}: ${result.detail}`)
  return result
}

describe('readSystemResolvers on Linux with real files and symlinks', () => {
  let root = ''
  const at = (relative: string): string => join(root, relative)

  // The stub case must never read this machine's own /run/systemd: serve it from the temp tree.
  const readWithUpstreamIn = (upstreamPath: string) => (path: string): Promise<string> =>
    readFile(path === UPSTREAM_PATH ? upstreamPath : path, 'utf8')

  async function place(relative: string, text: string): Promise<string> {
    await mkdir(dirname(at(relative)), { recursive: true })
    await writeFile(at(relative), text)
    return at(relative)
  }

  async function link(relative: string, target: string): Promise<string> {
    await mkdir(dirname(at(relative)), { recursive: true })
    await symlink(target, at(relative))
    return at(relative)
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'netmend-resolvers-'))
    await place('run/systemd/resolve/stub-resolv.conf', fixture('linux/resolv-systemd-stub.conf'))
    await place('run/systemd/resolve/resolv.conf', fixture('linux/resolv-systemd-upstream.conf'))
    await place('run/resolvconf/resolv.conf', 'nameserver 10.0.2.3\nsearch corp.example.com\n')
    await place('run/NetworkManager/resolv.conf', 'search fritz.box\nnameserver 192.168.178.1\n')
    await place('etc/resolv.conf.custom', 'nameserver 9.9.9.9\n')
    await link('stub/etc/resolv.conf', '../../run/systemd/resolve/stub-resolv.conf')
    await link('uplink/etc/resolv.conf', at('run/systemd/resolve/resolv.conf'))
    await link('resolvconf/etc/resolv.conf', '../../run/resolvconf/resolv.conf')
    await link('nm/etc/resolv.conf', at('run/NetworkManager/resolv.conf'))
    await link('custom/etc/resolv.conf', '../../etc/resolv.conf.custom')
    await link('dangling/etc/resolv.conf', '../../run/systemd/resolve/missing.conf')
  })

  afterAll(async () => {
    if (root !== '') await rm(root, { recursive: true, force: true })
  })

  it('follows the systemd-resolved stub to the upstream servers', async () => {
    const result = expectOk(
      await readSystemResolvers({
        platform: 'linux',
        resolvConfPath: at('stub/etc/resolv.conf'),
        readFile: readWithUpstreamIn(at('run/systemd/resolve/resolv.conf')),
      }),
    )
    expect(result).toEqual({
      ok: true,
      resolvers: [{ address: '127.0.0.53', port: 53 }],
      manager: 'systemd-resolved',
      viaLocalStub: true,
      upstream: [
        { address: '192.168.178.1', port: 53 },
        { address: 'fd00::3ea6:2fff:fe78:1a2b', port: 53 },
        { address: '10.0.0.53', port: 53 },
        { address: '10.0.0.54', port: 53 },
      ],
      searchDomains: ['fritz.box'],
    })
  })

  it('keeps the stub answer with an empty upstream when the upstream file is unreadable', async () => {
    const result = expectOk(
      await readSystemResolvers({
        platform: 'linux',
        resolvConfPath: at('stub/etc/resolv.conf'),
        readFile: readWithUpstreamIn(at('run/systemd/resolve/nowhere.conf')),
      }),
    )
    expect(result.viaLocalStub).toBe(true)
    expect(result.upstream).toEqual([])
  })

  it('recognises systemd-resolved in uplink mode by the symlink and caps at three servers', async () => {
    const result = expectOk(await readSystemResolvers({ platform: 'linux', resolvConfPath: at('uplink/etc/resolv.conf') }))
    expect(result.manager).toBe('systemd-resolved')
    expect(result.viaLocalStub).toBe(false)
    expect(result.upstream).toEqual([])
    expect(result.resolvers.map((server) => server.address)).toEqual(['192.168.178.1', 'fd00::3ea6:2fff:fe78:1a2b', '10.0.0.53'])
  })

  it('recognises resolvconf by a symlink into /run/resolvconf', async () => {
    const result = expectOk(await readSystemResolvers({ platform: 'linux', resolvConfPath: at('resolvconf/etc/resolv.conf') }))
    expect(result).toMatchObject({ manager: 'resolvconf', resolvers: [{ address: '10.0.2.3', port: 53 }], searchDomains: ['corp.example.com'] })
  })

  it('recognises NetworkManager by a symlink into its run directory', async () => {
    const result = expectOk(await readSystemResolvers({ platform: 'linux', resolvConfPath: at('nm/etc/resolv.conf') }))
    expect(result.manager).toBe('networkmanager')
  })

  it('treats a symlink to an ordinary file as a plain file', async () => {
    const result = expectOk(await readSystemResolvers({ platform: 'linux', resolvConfPath: at('custom/etc/resolv.conf') }))
    expect(result).toMatchObject({ manager: 'plain-file', viaLocalStub: false, resolvers: [{ address: '9.9.9.9', port: 53 }] })
  })

  it('reports a dangling symlink as unreadable', async () => {
    const result = await readSystemResolvers({ platform: 'linux', resolvConfPath: at('dangling/etc/resolv.conf') })
    expect(result).toMatchObject({ ok: false, code: 'resolvers.unreadable' })
    expect(!result.ok && result.detail).toContain('ENOENT')
  })
})

describe('readSystemResolvers on Linux by file header', () => {
  const notALink = async (): Promise<string> => {
    throw Object.assign(new Error('EINVAL'), { code: 'EINVAL' })
  }
  const readConf = (name: string, extra: Record<string, string> = {}) => ({
    platform: 'linux' as const,
    resolvConfPath: '/etc/resolv.conf',
    readLink: notALink,
    readFile: filesFrom({ '/etc/resolv.conf': fixture(`linux/${name}`), ...extra }),
  })

  it.each([
    ['resolv-networkmanager.conf', 'networkmanager'],
    ['resolv-resolvconf.conf', 'resolvconf'],
    ['resolv-plain.conf', 'plain-file'],
    ['resolv-systemd-upstream.conf', 'systemd-resolved'],
    ['resolv-junk.conf', 'plain-file'],
    // Real: resolvconf merged DHCP's server with resolved's stub, the stub second. glibc asks 172.16.0.2.
    ['resolv-resolvconf-stub-second.conf', 'resolvconf'],
  ])('%s is managed by %s', async (name, manager) => {
    expect(expectOk(await readSystemResolvers(readConf(name))).manager).toBe(manager)
  })

  it('treats a copied stub file as systemd-resolved even without the symlink', async () => {
    const result = expectOk(
      await readSystemResolvers(readConf('resolv-systemd-stub.conf', { [UPSTREAM_PATH]: 'nameserver 1.1.1.1\n' })),
    )
    expect(result).toMatchObject({ manager: 'systemd-resolved', viaLocalStub: true, upstream: [{ address: '1.1.1.1', port: 53 }] })
  })

  it('marks the NetworkManager dnsmasq forwarder as a local stub with unknown upstream', async () => {
    const result = expectOk(await readSystemResolvers(readConf('resolv-networkmanager-dnsmasq.conf')))
    expect(result).toMatchObject({ manager: 'networkmanager', viaLocalStub: true, upstream: [], resolvers: [{ address: '127.0.1.1', port: 53 }] })
  })

  it('keeps the zone of a link-local nameserver as its interface', async () => {
    const result = expectOk(await readSystemResolvers(readConf('resolv-networkmanager.conf')))
    expect(result.resolvers).toEqual([
      { address: '192.168.178.1', port: 53 },
      { address: 'fe80::3ea6:2fff:fe78:1a2b', port: 53, interface: 'wlp3s0', zone: 'wlp3s0' },
    ])
    expect(result.searchDomains).toEqual(['fritz.box'])
  })

  it('uses only the first three nameserver lines, as glibc does, then drops repeats', async () => {
    const result = expectOk(await readSystemResolvers(readConf('resolv-junk.conf')))
    expect(result.resolvers).toEqual([
      { address: '1.1.1.1', port: 53 },
      { address: '8.8.8.8', port: 53 },
    ])
  })

  it('reports a file without nameservers as resolvers.none', async () => {
    expect(await readSystemResolvers(readConf('resolv-no-nameserver.conf'))).toEqual({
      ok: false,
      code: 'resolvers.none',
      detail: '/etc/resolv.conf',
    })
  })

  it('reports a missing file as resolvers.unreadable', async () => {
    const result = await readSystemResolvers({ platform: 'linux', readLink: notALink, readFile: filesFrom({}) })
    expect(result).toEqual({ ok: false, code: 'resolvers.unreadable', detail: '/etc/resolv.conf: ENOENT' })
  })

  it('never throws when the injected readers do', async () => {
    const broken = async (): Promise<string> => {
      throw 'not even an Error'
    }
    await expect(readSystemResolvers({ platform: 'linux', readFile: broken, readLink: broken })).resolves.toMatchObject({
      ok: false,
      code: 'resolvers.unreadable',
    })
    const fine = filesFrom({ '/etc/resolv.conf': 'nameserver 192.168.1.1\n' })
    await expect(readSystemResolvers({ platform: 'linux', readFile: fine, readLink: broken })).resolves.toMatchObject({
      ok: true,
      manager: 'plain-file',
    })
  })
})

describe('readSystemResolvers on macOS', () => {
  const scutil = (name: string) => scriptedRunner(() => succeeded(fixture(`macos/${name}`)))

  it('reads the default resolver from scutil --dns', async () => {
    const { run, calls } = scutil('scutil-dns-home.txt')
    expect(await readSystemResolvers({ platform: 'darwin', run })).toEqual({
      ok: true,
      resolvers: [
        { address: '192.168.178.1', port: 53, interface: 'en0' },
        { address: 'fd00::3ea6:2fff:fe78:1a2b', port: 53, interface: 'en0' },
      ],
      manager: 'scutil',
      viaLocalStub: false,
      upstream: [],
      searchDomains: ['fritz.box'],
    })
    expect(calls.map((call) => [call.file, ...call.args])).toEqual([['scutil', '--dns']])
  })

  it('leaves out the supplemental resolvers of a split-DNS VPN', async () => {
    const result = expectOk(await readSystemResolvers({ platform: 'darwin', run: scutil('scutil-dns-vpn-split.txt').run }))
    expect(result.resolvers).toEqual([
      { address: '192.168.1.1', port: 53, interface: 'en0' },
      { address: 'fe80::1', port: 53, interface: 'en0', zone: 'en0' },
    ])
    expect(result.searchDomains).toEqual(['corp.example.com', 'home.arpa'])
  })

  it('puts a full-tunnel VPN resolver first and drops repeats across default resolvers', async () => {
    const result = expectOk(await readSystemResolvers({ platform: 'darwin', run: scutil('scutil-dns-vpn-full-tunnel.txt').run }))
    expect(result.resolvers).toEqual([
      { address: '10.64.0.1', port: 53, interface: 'utun3' },
      { address: '192.168.178.1', port: 53, interface: 'en0' },
    ])
  })

  it.each([
    // Real captures from public bug reports (fixtures/README.md): a VPN's Supplemental block without a
    // domain comes first, yet only the network's own block is the system's default.
    ['scutil-dns-tailscale.txt', [{ address: '192.168.10.1', port: 53, interface: 'en0' }]],
    ['scutil-dns-eduvpn-wireguard.txt', [{ address: '8.8.8.8', port: 53, interface: 'en0' }, { address: '8.8.4.4', port: 53, interface: 'en0' }]],
    ['scutil-dns-openfortivpn-ppp.txt', [{ address: '10.0.2.1', port: 53, interface: 'en0' }]],
    ['scutil-dns-firezone.txt', [{ address: '2600:1700:3ecb:2410::1', port: 53, interface: 'en0' }, { address: '192.168.1.254', port: 53, interface: 'en0' }]],
  ])('a VPN\'s Supplemental block without a domain is not the default resolver: %s', async (name, resolvers) => {
    const result = expectOk(await readSystemResolvers({ platform: 'darwin', run: scutil(name).run }))
    expect(result.resolvers).toEqual(resolvers)
  })

  it('notices a local forwarder', async () => {
    const text = 'DNS configuration\n\nresolver #1\n  nameserver[0] : 127.0.2.2\n  nameserver[1] : 127.0.2.3\n  flags    : Request A records\n'
    const result = expectOk(await readSystemResolvers({ platform: 'darwin', run: scriptedRunner(() => succeeded(text)).run }))
    expect(result.viaLocalStub).toBe(true)
  })

  it('reports an offline Mac as resolvers.none', async () => {
    expect(await readSystemResolvers({ platform: 'darwin', run: scutil('scutil-dns-offline.txt').run })).toMatchObject({
      ok: false,
      code: 'resolvers.none',
    })
  })

  it('reports scutil failures as resolvers.unreadable', async () => {
    const missing = scriptedRunner(() => ({ ok: false, stdout: '', stderr: '', code: null, error: 'not-found' })).run
    expect(await readSystemResolvers({ platform: 'darwin', run: missing })).toEqual({
      ok: false,
      code: 'resolvers.unreadable',
      detail: 'scutil --dns: not-found',
    })
    const exited = scriptedRunner(() => ({ ok: false, stdout: '', stderr: '', code: 1, error: 'failed' })).run
    expect(await readSystemResolvers({ platform: 'darwin', run: exited })).toMatchObject({ detail: 'scutil --dns: failed (exit 1)' })
    await expect(readSystemResolvers({ platform: 'darwin', run: throwingRunner })).resolves.toMatchObject({ code: 'resolvers.unreadable' })
  })
})

describe('readSystemResolvers on Windows through PowerShell', () => {
  it('reads a German-locale machine, skipping fec0 placeholders and empty lists', async () => {
    const { run, calls } = scriptedRunner(() => succeeded(fixture('windows/get-dnsclientserveraddress-de.json')))
    expect(await readSystemResolvers({ platform: 'win32', windowsSource: 'powershell', run })).toEqual({
      ok: true,
      resolvers: [
        { address: '192.168.178.1', port: 53, interface: 'WLAN' },
        { address: 'fd00::3ea6:2fff:fe78:1a2b', port: 53, interface: 'WLAN' },
        { address: '10.0.0.53', port: 53, interface: 'Ethernet 2' },
        { address: '10.0.0.54', port: 53, interface: 'Ethernet 2' },
        { address: '10.20.0.10', port: 53, interface: 'Büro-VPN' },
      ],
      manager: 'windows',
      viaLocalStub: false,
      upstream: [],
      searchDomains: [],
    })
    expect(calls[0]?.args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command'])
    expect(calls[0]?.args[3]).toContain(
      'Get-DnsClientServerAddress | Select-Object InterfaceAlias,InterfaceIndex,AddressFamily,ServerAddresses | ConvertTo-Json',
    )
  })

  it('reads a single object', async () => {
    const { run } = scriptedRunner(() => succeeded(fixture('windows/get-dnsclientserveraddress-single.json')))
    expect(expectOk(await readSystemResolvers({ platform: 'win32', windowsSource: 'powershell', run })).resolvers).toEqual([
      { address: '192.168.1.254', port: 53, interface: 'Ethernet' },
    ])
  })

  it('ignores an address that contradicts its AddressFamily', async () => {
    const json = JSON.stringify({ InterfaceAlias: 'WLAN', InterfaceIndex: 3, AddressFamily: 23, ServerAddresses: ['192.168.1.1', 'fd00::1'] })
    const { run } = scriptedRunner(() => succeeded(json))
    expect(expectOk(await readSystemResolvers({ platform: 'win32', windowsSource: 'powershell', run })).resolvers).toEqual([{ address: 'fd00::1', port: 53, interface: 'WLAN' }])
  })

  it('reports only placeholders as resolvers.none', async () => {
    const { run } = scriptedRunner(() => succeeded(fixture('windows/get-dnsclientserveraddress-none.json')))
    expect(await readSystemResolvers({ platform: 'win32', windowsSource: 'powershell', run })).toMatchObject({ ok: false, code: 'resolvers.none' })
  })

  it('reports PowerShell trouble as resolvers.unreadable', async () => {
    const timedOut = scriptedRunner(() => ({ ok: false, stdout: '', stderr: '', code: null, error: 'timeout' })).run
    expect(await readSystemResolvers({ platform: 'win32', windowsSource: 'powershell', run: timedOut })).toEqual({
      ok: false,
      code: 'resolvers.unreadable',
      detail: 'Get-DnsClientServerAddress: timeout',
    })
    const notJson = scriptedRunner(() => succeeded('Get-DnsClientServerAddress : Zugriff verweigert')).run
    expect(await readSystemResolvers({ platform: 'win32', windowsSource: 'powershell', run: notJson })).toMatchObject({ code: 'resolvers.unreadable' })
    await expect(readSystemResolvers({ platform: 'win32', windowsSource: 'powershell', run: throwingRunner })).resolves.toMatchObject({ code: 'resolvers.unreadable' })
  })
})

describe('readSystemResolvers elsewhere', () => {
  it.each(['freebsd', 'openbsd', 'sunos', 'aix'] as const)('reports %s as unsupported without running anything', async (platform) => {
    const { run, calls } = scriptedRunner(() => succeeded(''))
    expect(await readSystemResolvers({ platform, run })).toEqual({ ok: false, code: 'resolvers.unsupported-os', detail: platform })
    expect(calls).toEqual([])
  })
})
