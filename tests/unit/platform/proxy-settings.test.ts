// Each system's proxy settings, as its own tool prints them (fixtures/proxy, see fixtures/README.md), read
// into one shape; and the order the sources are asked in, with recorded commands instead of real ones.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseEnvironmentProxy } from '../../../src/main/platform/proxy/env-proxy'
import { parseGnomeProxy } from '../../../src/main/platform/proxy/gnome-proxy'
import { parseKdeProxy } from '../../../src/main/platform/proxy/kde-proxy'
import { parseProxyAddress } from '../../../src/main/platform/proxy/proxy-address'
import { readProxySettings } from '../../../src/main/platform/proxy/read-proxy-settings'
import { parseScutilProxy } from '../../../src/main/platform/proxy/scutil-proxy'
import { parseInternetSettings } from '../../../src/main/platform/proxy/windows-internet-settings'
import { parseWinHttpProxy } from '../../../src/main/platform/proxy/winhttp-proxy'
import type { CommandRunner } from '../../../src/main/platform/run-command'
import { fixture, succeeded } from './fixture-helpers'

const proxyFixture = (name: string): string => fixture(`proxy/${name}`)

describe('proxy addresses', () => {
  it('takes host and port, never the user name or password, and refuses what is not a web proxy', () => {
    expect(parseProxyAddress('http://alice:s3cret@proxy.example:3128/')).toEqual({ host: 'proxy.example', port: 3128 })
    expect(parseProxyAddress('proxy.example:8080')).toEqual({ host: 'proxy.example', port: 8080 })
    expect(parseProxyAddress('proxy.example')).toEqual({ host: 'proxy.example', port: 80 })
    expect(parseProxyAddress('http://[2001:db8::30]:8080')).toEqual({ host: '2001:db8::30', port: 8080 })
    for (const junk of ['socks5://proxy.example:1080', 'http://proxy.example:0', 'http://proxy.example:70000', '', '   ', 'http://pro xy:1', 'x'.repeat(5000)]) {
      expect(parseProxyAddress(junk)).toBeUndefined()
    }
  })
})

describe('environment variables', () => {
  it('reads lower case first, then upper case, with no_proxy', () => {
    expect(parseEnvironmentProxy({ http_proxy: 'http://a.example:1', HTTP_PROXY: 'http://b.example:2', HTTPS_PROXY: 'c.example:3', NO_PROXY: 'localhost, .corp.example' })).toEqual({
      source: 'environment',
      http: { host: 'a.example', port: 1 },
      https: { host: 'c.example', port: 3 },
      bypass: ['localhost', '.corp.example'],
    })
  })
  it('uses all_proxy for both when neither is set, and is null without any', () => {
    expect(parseEnvironmentProxy({ all_proxy: 'http://a.example:1' })).toMatchObject({ http: { host: 'a.example' }, https: { host: 'a.example' } })
    expect(parseEnvironmentProxy({ PATH: '/usr/bin' })).toBeNull()
  })
})

describe('macOS scutil --proxy', () => {
  it('reads the web proxies and the exceptions', () => {
    expect(parseScutilProxy(proxyFixture('scutil-proxy-manual.txt'))).toEqual({
      source: 'macos',
      http: { host: 'proxy.corp.example', port: 3128 },
      https: { host: '192.0.2.30', port: 3129 },
      bypass: ['*.local', '169.254/16', 'intranet.example'],
    })
  })
  it('reads a PAC file setting (a real capture)', () => {
    expect(parseScutilProxy(proxyFixture('scutil-proxy-pac-httptoolkit.txt'))).toEqual({ source: 'macos', bypass: [], pacUrl: 'http://wpad.company.com/wpad.dat' })
  })
  it('is null when everything is switched off', () => {
    expect(parseScutilProxy(proxyFixture('scutil-proxy-none.txt'))).toBeNull()
  })
})

describe('Windows Internet Settings (reg query)', () => {
  it('reads per-scheme servers and the override list', () => {
    expect(parseInternetSettings(proxyFixture('reg-internet-settings-per-scheme.txt'))).toEqual({
      source: 'windows-internet-settings',
      http: { host: 'proxy.corp.example', port: 8080 },
      https: { host: 'proxy.corp.example', port: 8443 },
      bypass: ['*.corp.example', '<local>'],
    })
  })
  it('ignores a server left behind with the proxy switched off, and keeps the PAC address', () => {
    expect(parseInternetSettings(proxyFixture('reg-internet-settings-pac.txt'))).toEqual({
      source: 'windows-internet-settings',
      bypass: [],
      pacUrl: 'http://wpad.corp.example/proxy.pac',
    })
  })
})

describe('Windows WinHTTP (netsh winhttp show proxy)', () => {
  it('reads the server and the bypass list', () => {
    expect(parseWinHttpProxy(proxyFixture('netsh-winhttp-proxy.txt'))).toEqual({
      source: 'windows-winhttp',
      http: { host: '10.0.0.6', port: 8080 },
      https: { host: '10.0.0.6', port: 8080 },
      bypass: ['<local>', '*.corp.example'],
    })
  })
  it('is null for direct access', () => {
    expect(parseWinHttpProxy(proxyFixture('netsh-winhttp-direct.txt'))).toBeNull()
  })
})

describe('GNOME gsettings', () => {
  it('reads manual mode with its ignore list', () => {
    expect(parseGnomeProxy(proxyFixture('gsettings-proxy-manual.txt'))).toEqual({
      source: 'gnome',
      http: { host: 'proxy.corp.example', port: 3128 },
      https: { host: 'proxy.corp.example', port: 3128 },
      bypass: ['localhost', '127.0.0.0/8', '::1', '.corp.example'],
    })
  })
  it('reads automatic mode as its PAC address, and none as nothing even with a host left set', () => {
    expect(parseGnomeProxy(proxyFixture('gsettings-proxy-auto.txt'))).toMatchObject({ source: 'gnome', pacUrl: 'http://wpad.corp.example/wpad.dat' })
    expect(parseGnomeProxy(proxyFixture('gsettings-proxy-none.txt'))).toBeNull()
  })
})

describe('KDE kioslaverc', () => {
  it('reads manual proxies in both address forms', () => {
    expect(parseKdeProxy(proxyFixture('kioslaverc-manual.txt'), {})).toEqual({
      source: 'kde',
      http: { host: 'proxy.corp.example', port: 3128 },
      https: { host: 'proxy.corp.example', port: 3129 },
      bypass: ['localhost', '127.0.0.1', '.corp.example'],
    })
  })
  it('reads a PAC setting, and type 4 as the environment variables', () => {
    expect(parseKdeProxy(proxyFixture('kioslaverc-pac.txt'), {})).toEqual({ source: 'kde', bypass: [], pacUrl: 'http://wpad.corp.example/proxy.pac' })
    expect(parseKdeProxy('[Proxy Settings]\nProxyType=4\n', { http_proxy: 'http://a.example:1' })).toMatchObject({ source: 'kde', http: { host: 'a.example', port: 1 } })
    expect(parseKdeProxy('[Proxy Settings]\nProxyType=0\nhttpProxy=http://a.example 1\n', {})).toBeNull()
  })
})

describe('readProxySettings: which source, how it is asked', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'netmend-proxy-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const recording = (answers: Record<string, string>): { run: CommandRunner; calls: string[] } => {
    const calls: string[] = []
    const run: CommandRunner = async (file, args) => {
      calls.push([file, ...args].join(' '))
      const answer = answers[file]
      return answer === undefined ? { ok: false, stdout: '', stderr: '', code: null, error: 'not-found' } : succeeded(answer)
    }
    return { run, calls }
  }

  it('Windows: Internet Settings by reg.exe under the kernel-known folder, then WinHTTP, then the environment', async () => {
    const { run, calls } = recording({ 'D:\\Windows\\System32\\netsh.exe': proxyFixture('netsh-winhttp-proxy.txt') })
    const settings = await readProxySettings({ platform: 'win32', env: { https_proxy: 'http://env.example:1' }, run, systemRoot: 'D:\\Windows' })
    expect(calls).toEqual([
      'D:\\Windows\\System32\\reg.exe query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings',
      'D:\\Windows\\System32\\netsh.exe winhttp show proxy',
    ])
    expect(settings?.source).toBe('windows-winhttp')
  })

  it('macOS: scutil by absolute path', async () => {
    const { run, calls } = recording({ '/usr/sbin/scutil': proxyFixture('scutil-proxy-manual.txt') })
    expect((await readProxySettings({ platform: 'darwin', env: {}, run }))?.source).toBe('macos')
    expect(calls).toEqual(['/usr/sbin/scutil --proxy'])
  })

  it('Linux: GNOME only on a GNOME desktop, KDE from its config folder, else the environment', async () => {
    const gnome = recording({ '/usr/bin/gsettings': proxyFixture('gsettings-proxy-manual.txt') })
    expect((await readProxySettings({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' }, run: gnome.run }))?.source).toBe('gnome')
    expect(gnome.calls).toEqual(['/usr/bin/gsettings list-recursively org.gnome.system.proxy'])

    await writeFile(path.join(dir, 'kioslaverc'), proxyFixture('kioslaverc-manual.txt'))
    const kde = recording({})
    expect((await readProxySettings({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'KDE', XDG_CONFIG_HOME: dir }, run: kde.run }))?.source).toBe('kde')
    expect(kde.calls).toEqual([])

    const none = recording({ '/usr/bin/gsettings': proxyFixture('gsettings-proxy-manual.txt') })
    expect(await readProxySettings({ platform: 'linux', env: {}, run: none.run })).toBeNull()
    expect(none.calls).toEqual([])
    expect((await readProxySettings({ platform: 'linux', env: { http_proxy: 'a.example:1' }, run: none.run }))?.source).toBe('environment')
  })
})
