// The pieces under every change: which input is accepted, where NetMend keeps its data, how the new
// resolv.conf is written, and how files are replaced durably without breaking symlinks.
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mountPointsOf, replaceSystemFile, writeFileAtomically } from '../../../src/main/platform/durable-file'
import { NETMEND_MARK, resolvConfWithServers } from '../../../src/main/dns-settings/resolv-conf-edit'
import { resolvConfPadding } from '../../../src/main/dns-settings/resolv-conf-grammar'
import { resolveServerChoices } from '../../../src/main/dns-settings/server-choice'
import { isAdapterId, isServiceName, isSystemServer, isUsableServer } from '../../../src/main/dns-settings/validate'
import { DEFAULT_CONFIG } from '../../../src/main/engine/config'
import { netmendDataDir } from '../../../src/main/platform/data-dir'

describe('what counts as a server address or an adapter id', () => {
  it.each(['1.1.1.1', '8.8.4.4', '2606:4700:4700::1111', '::1', '127.0.0.1', '2001:db8::53'])('accepts %s', (address) => {
    expect(isUsableServer(address)).toBe(true)
  })
  it.each(['', '1.1.1', '1.1.1.1.1', '01.1.1.1', '256.1.1.1', ' 1.1.1.1', '1.1.1.1 ', '1.1.1.1;rm -rf /', '$(reboot)', '`id`', '1.1.1.1:53', '[::1]', 'fe80::1%eth0', '0.0.0.0', '::', 'localhost', '1.1.1.1\n8.8.8.8'])(
    'refuses %j',
    (text) => {
      expect(isUsableServer(text)).toBe(false)
    },
  )
  it('keeps zones on servers read from the system only', () => {
    expect(isSystemServer('fe80::1%wlp2s0')).toBe(true)
    expect(isSystemServer('fe80::1%wlp2s0;reboot')).toBe(false)
    expect(isSystemServer('192.0.2.1%eth0')).toBe(false)
  })
  it('adapter ids are interface names, devices and indexes; service names may have spaces but no quotes or shell marks', () => {
    for (const id of ['eth0', 'wlp2s0', 'en0', 'utun3', '12', 'resolv.conf', 'enp0s31f6.100']) expect(isAdapterId(id)).toBe(true)
    for (const id of ['', 'Wi Fi', "eth0'", 'eth0"', 'eth0;reboot', '$(reboot)', '-rf', '../etc', 'a'.repeat(40)]) expect(isAdapterId(id)).toBe(false)
    for (const name of ['Wi-Fi', 'WLAN', 'USB 10/100/1000 LAN', 'Thunderbolt-Brücke', 'iPhone USB']) expect(isServiceName(name)).toBe(true)
    for (const name of ['Büro "VPN"', "Bob's Wi-Fi", 'a;b', 'a$b', 'a`b', '-x', 'a\nb']) expect(isServiceName(name)).toBe(false)
  })
})

describe('choosing servers by name or address', () => {
  it('names from the configured public resolvers, any case; addresses as given; repeats dropped', () => {
    expect(resolveServerChoices(['google'], DEFAULT_CONFIG.publicResolvers)).toEqual({ ok: true, servers: ['8.8.8.8', '8.8.4.4', '2001:4860:4860::8888'] })
    expect(resolveServerChoices(['CLOUDFLARE', 'Quad9', '1.1.1.1'], DEFAULT_CONFIG.publicResolvers, new Set([4]))).toEqual({ ok: true, servers: ['1.1.1.1', '9.9.9.9'] })
    expect(resolveServerChoices(['2001:db8::53'], DEFAULT_CONFIG.publicResolvers)).toEqual({ ok: true, servers: ['2001:db8::53'] })
  })
  it('a name stands only for the IP versions this computer can reach, so every new server can answer', () => {
    expect(resolveServerChoices(['google'], DEFAULT_CONFIG.publicResolvers, new Set([4]))).toEqual({ ok: true, servers: ['8.8.8.8', '8.8.4.4'] })
    expect(resolveServerChoices(['quad9'], DEFAULT_CONFIG.publicResolvers, new Set([6]))).toEqual({ ok: true, servers: ['2620:fe::fe'] })
    expect(resolveServerChoices(['2001:db8::53'], DEFAULT_CONFIG.publicResolvers, new Set([4]))).toEqual({ ok: true, servers: ['2001:db8::53'] })
  })
  it('anything else is refused with the names one could have used', () => {
    expect(resolveServerChoices(['1.1.1.1; rm -rf /'], DEFAULT_CONFIG.publicResolvers)).toEqual({
      ok: false,
      code: 'dns.unknown-server',
      detail: '"1.1.1.1; rm -rf /"|google, cloudflare, quad9',
    })
  })
})

describe('NetMend data folder', () => {
  it('NETMEND_DATA_DIR wins everywhere', () => {
    expect(netmendDataDir({ NETMEND_DATA_DIR: '/srv/nm' }, 'linux', '/home/ana')).toBe('/srv/nm')
  })
  it("is the Electron app's userData folder of an app named NetMend", () => {
    expect(netmendDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/NetMend')
    expect(netmendDataDir({ XDG_CONFIG_HOME: '/home/ana/.cfg' }, 'linux', '/home/ana')).toBe('/home/ana/.cfg/NetMend')
    expect(netmendDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/ana')).toBe('/home/ana/.config/NetMend')
    expect(netmendDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/NetMend')
    expect(netmendDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\NetMend')
  })
})

describe('the new resolv.conf', () => {
  const original = '# my file\nsearch lab.test corp.example\n\nnameserver 203.0.113.53\n; note\nnameserver 198.51.100.9\noptions timeout:1\nsortlist 192.0.2.0/255.255.255.0\n'

  it('replaces only the nameserver lines, where the first one was, under a note on how to undo', () => {
    expect(resolvConfWithServers(original, ['198.51.100.8', '2001:db8::8'])).toBe(
      `# my file\nsearch lab.test corp.example\n\n${NETMEND_MARK}\nnameserver 198.51.100.8\nnameserver 2001:db8::8\n; note\noptions timeout:1\nsortlist 192.0.2.0/255.255.255.0\n`,
    )
  })
  it('switching again does not pile up notes', () => {
    const twice = resolvConfWithServers(resolvConfWithServers(original, ['198.51.100.8']), ['198.51.100.1'])
    expect(twice.split(NETMEND_MARK)).toHaveLength(2)
    expect(twice).toContain('nameserver 198.51.100.1\n')
    expect(twice).not.toContain('198.51.100.8')
  })
  it('keeps CRLF line ends; appends to a file without nameservers or a final newline', () => {
    expect(resolvConfWithServers('search a\r\nnameserver 1.2.3.4\r\n', ['9.9.9.9'])).toBe(`search a\r\n${NETMEND_MARK}\r\nnameserver 9.9.9.9\r\n`)
    expect(resolvConfWithServers('options rotate', ['9.9.9.9'])).toBe(`options rotate\n${NETMEND_MARK}\nnameserver 9.9.9.9\n`)
    // "nameservers" or an indented line is not a nameserver line for glibc, so it is left alone.
    expect(resolvConfWithServers(' nameserver 1.1.1.1\n', ['9.9.9.9'])).toBe(` nameserver 1.1.1.1\n${NETMEND_MARK}\nnameserver 9.9.9.9\n`)
  })
})

describe('durable file writes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'netmend-durable-'))

  it('writes through a symlink: the link stays a link, its target gets the bytes, the mode is kept', async () => {
    const target = path.join(dir, 'real-resolv.conf')
    const link = path.join(dir, 'resolv.conf')
    writeFileSync(target, 'nameserver 192.0.2.1\n', { mode: 0o644 })
    symlinkSync('real-resolv.conf', link)
    const how = await replaceSystemFile(link, Buffer.from('nameserver 198.51.100.8\n'), resolvConfPadding)
    expect(how).toBe('renamed')
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe('real-resolv.conf')
    expect(readFileSync(target, 'utf8')).toBe('nameserver 198.51.100.8\n')
    expect(statSync(target).mode & 0o777).toBe(0o644)
  })

  it('writes snapshots atomically, leaving no temporary files behind', async () => {
    const file = path.join(dir, 'snapshot.json')
    await writeFileAtomically(file, '{"a":1}')
    await writeFileAtomically(file, '{"a":2}')
    expect(readFileSync(file, 'utf8')).toBe('{"a":2}')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect((await import('node:fs')).readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('finds bind-mounted files in mountinfo (where rename would fail with EBUSY)', () => {
    const mountinfo = [
      '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
      '611 22 8:1 /etc/netns/nmlab-1-1-client/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/sda1 rw',
      '612 22 0:50 / /mnt/with\\040space rw - tmpfs tmpfs rw',
    ].join('\n')
    const points = mountPointsOf(mountinfo)
    expect(points.has('/etc/resolv.conf')).toBe(true)
    expect(points.has('/mnt/with space')).toBe(true)
    expect(points.has('/etc')).toBe(false)
  })
})
