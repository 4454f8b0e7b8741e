// The transaction, on a simulated Mac whose networksetup keeps its settings in memory: switch, verify,
// roll back by itself, keep, revert exactly after many switches, and recover what a dead process left.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDnsSettingsService } from '../../../src/main/dns-settings'
import { processIdentity } from '../../../src/main/dns-settings/owner-process'
import type { Journal } from '../../../src/main/dns-settings/store'
import { fixture, ok } from './helpers'
import { fakeDns, setup, simulatedMac } from './simulated-mac'

describe('switching DNS as a transaction', () => {
  it('switch → verified → keep → revert: Wi-Fi goes back to DHCP ("Empty"), exactly', async () => {
    const { mac, service } = setup()
    expect(await service.show()).toMatchObject({ ok: true, netmendChanged: false })
    const used = await service.use(['1.1.1.1', '1.0.0.1'])
    expect(used).toMatchObject({ ok: true, adapters: ['Wi-Fi'], verified: { systemUsesThem: true, systemLookup: { ok: true } } })
    expect(mac.servers.get('Wi-Fi')).toEqual(['1.1.1.1', '1.0.0.1'])
    // The VPN and the other adapter were left alone.
    expect(mac.sets.map((set) => set[0])).toEqual(['Wi-Fi'])
    expect(await service.confirm()).toEqual({ ok: true })
    expect(await service.show()).toMatchObject({ ok: true, netmendChanged: true })

    expect(await service.revert()).toEqual({ ok: true, adapters: ['Wi-Fi'] })
    expect(mac.sets.at(-1)).toEqual(['Wi-Fi', 'Empty'])
    expect(mac.servers.get('Wi-Fi')).toEqual([])
    expect(await service.show()).toMatchObject({ ok: true, netmendChanged: false })
    expect(await service.revert()).toEqual({ ok: true, adapters: [] })
  })

  it('revert after several switches on several adapters returns to what was there before the first one', async () => {
    const { mac, service } = setup()
    await service.use(['1.1.1.1'])
    await service.confirm()
    await service.use(['9.9.9.9'], { adapters: ['en7'] })
    await service.confirm()
    await service.use(['8.8.8.8'], { adapters: ['en0', 'en7'] })
    await service.confirm()
    expect(mac.servers.get('Ethernet')).toEqual(['8.8.8.8'])
    expect(await service.revert()).toMatchObject({ ok: true })
    expect(mac.servers.get('Wi-Fi')).toEqual([])
    expect(mac.servers.get('Ethernet')).toEqual(['192.168.1.53'])
    expect(mac.servers.get('WireGuard')).toEqual(['10.64.0.1'])
  })

  it('a server that does not answer: rolled back by itself, with the reason, and nothing left to revert', async () => {
    const { mac, service, journalPath } = setup({ silent: ['192.0.2.250'] })
    const used = await service.use(['192.0.2.250'])
    expect(used).toEqual({ ok: false, code: 'dns-settings.verification-failed', detail: '192.0.2.250: no answer' })
    expect(mac.sets).toEqual([['Wi-Fi', '192.0.2.250'], ['Wi-Fi', 'Empty']])
    expect(existsSync(journalPath)).toBe(false)
    expect(await service.show()).toMatchObject({ netmendChanged: false })
  })

  it('a failed second switch goes back to the first switch, not to the original', async () => {
    const { mac, service } = setup({ silent: ['192.0.2.250'] })
    await service.use(['1.1.1.1'])
    await service.confirm()
    expect(await service.use(['192.0.2.250'])).toMatchObject({ ok: false, code: 'dns-settings.verification-failed' })
    expect(mac.servers.get('Wi-Fi')).toEqual(['1.1.1.1'])
    expect(await service.show()).toMatchObject({ netmendChanged: true })
  })

  it('the system refuses the change: apply-failed, settings as before', async () => {
    const { mac, service } = setup({ refuseSet: true })
    expect(await service.use(['1.1.1.1'])).toMatchObject({ ok: false, code: 'dns-settings.apply-failed' })
    expect(mac.servers.get('Wi-Fi')).toEqual([])
    expect(await service.show()).toMatchObject({ netmendChanged: false })
  })

  it('a declined admin prompt: an error value, nothing changed, nothing to revert', async () => {
    const { mac, service } = setup({ isElevated: async () => false, elevate: async () => ({ ok: false, reason: 'declined', detail: 'User did not grant permission.' }) })
    expect(await service.use(['1.1.1.1'])).toMatchObject({ ok: false, code: 'dns-settings.elevation-declined' })
    expect(mac.sets).toEqual([])
    expect(await service.show()).toMatchObject({ netmendChanged: false })
  })

  it('if the snapshot cannot be written, nothing changes', async () => {
    const blocker = path.join(mkdtempSync(path.join(tmpdir(), 'netmend-blocked-')), 'not-a-folder')
    writeFileSync(blocker, 'a file where the data folder should be')
    const { mac, service } = setup({ dataDir: blocker })
    expect(await service.use(['1.1.1.1'])).toMatchObject({ ok: false, code: 'dns-settings.data-folder-unsafe', detail: `${blocker} is not a folder` })
    expect(mac.sets).toEqual([])
  })

  it('VPN adapters are left alone unless named; unknown names are refused', async () => {
    const { mac, service } = setup()
    const shown = await service.show()
    expect(shown.ok && shown.adapters.map((adapter) => [adapter.id, adapter.virtual])).toEqual([
      ['en0', false],
      ['en7', false],
      ['utun3', true],
    ])
    expect(await service.use(['1.1.1.1'], { adapters: ['utun3'] })).toMatchObject({ ok: true, adapters: ['WireGuard'] })
    await service.confirm()
    expect(await service.use(['1.1.1.1'], { adapters: ['en9'] })).toMatchObject({ ok: false, code: 'dns-settings.unknown-adapter' })
    expect(await service.use(['1.1.1.1'], { adapters: ['en0; reboot'] })).toMatchObject({ ok: false, code: 'dns-settings.unknown-adapter' })
    expect(mac.sets).toEqual([['WireGuard', '1.1.1.1']])
  })

  it('bad servers are refused before anything is read or written', async () => {
    const { mac, service, dataDir } = setup()
    for (const servers of [[], ['1.1.1.1; rm -rf /'], ['$(reboot)'], ['0.0.0.0'], ['fe80::1%en0']]) {
      expect(await service.use(servers)).toMatchObject({ ok: false })
    }
    expect(mac.sets).toEqual([])
    expect(existsSync(path.join(dataDir, 'dns-settings'))).toBe(false)
  })

  it('stopped (AbortSignal) before applying: nothing changed', async () => {
    const { mac, service } = setup()
    const controller = new AbortController()
    controller.abort()
    expect(await service.use(['1.1.1.1'], { signal: controller.signal })).toMatchObject({ ok: false, code: 'dns-settings.aborted' })
    expect(mac.sets).toEqual([])
  })

  it('confirm with nothing waiting is an error value', async () => {
    const { service } = setup()
    expect(await service.confirm()).toMatchObject({ ok: false, code: 'dns-settings.nothing-to-confirm' })
  })
})

describe('"Keep these settings?" and crashes', () => {
  it('nobody confirms: the countdown calls recoverUnfinished(), which undoes this process\'s unconfirmed switch', async () => {
    const { mac, service } = setup()
    await service.use(['1.1.1.1'])
    expect(await service.recoverUnfinished()).toEqual({ ok: true, recovered: true })
    expect(mac.servers.get('Wi-Fi')).toEqual([])
    expect(await service.show()).toMatchObject({ netmendChanged: false })
    expect(await service.confirm()).toMatchObject({ ok: false, code: 'dns-settings.nothing-to-confirm' })
  })

  it('a switch left unconfirmed by a process that died is undone by the next start', async () => {
    const first = setup()
    await first.service.use(['1.1.1.1'])
    const journal = JSON.parse(readFileSync(first.journalPath, 'utf8')) as Journal
    expect(journal).toMatchObject({ kind: 'use', state: 'verified', firstChange: true })
    // Hand the journal to a process that has exited.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid
    writeFileSync(first.journalPath, JSON.stringify({ ...journal, owner: { ...journal.owner, pid: dead } }))

    const next = createDnsSettingsService({ platform: 'darwin', run: first.mac.run, backend: first.mac.backend, dataDir: first.dataDir, isElevated: async () => true, verify: fakeDns() })
    expect(await next.recoverUnfinished()).toEqual({ ok: true, recovered: true })
    expect(first.mac.servers.get('Wi-Fi')).toEqual([])
    expect(await next.show()).toMatchObject({ netmendChanged: false })
  })

  it('a journal from before a reboot is recovered even if its pid is alive again', async () => {
    const first = setup()
    await first.service.use(['1.1.1.1'])
    const journal = JSON.parse(readFileSync(first.journalPath, 'utf8')) as Journal
    writeFileSync(first.journalPath, JSON.stringify({ ...journal, owner: { ...processIdentity(process.ppid), bootId: '00000000-0000-4000-8000-000000000000', bootTime: journal.owner.bootTime - 86_400 } }))
    expect(await first.service.recoverUnfinished()).toEqual({ ok: true, recovered: true })
    expect(first.mac.servers.get('Wi-Fi')).toEqual([])
  })

  it('another live NetMend process waiting for "keep" is left alone, and said to be busy; a switch meanwhile is refused as busy', async () => {
    const first = setup()
    await first.service.use(['1.1.1.1'])
    const journal = JSON.parse(readFileSync(first.journalPath, 'utf8')) as Journal
    writeFileSync(first.journalPath, JSON.stringify({ ...journal, owner: processIdentity(process.ppid) }))
    expect(await first.service.recoverUnfinished()).toEqual({ ok: false, code: 'dns-settings.busy', detail: `NetMend process ${process.ppid} is changing the settings` })
    expect(first.mac.servers.get('Wi-Fi')).toEqual(['1.1.1.1'])
    expect(await first.service.use(['9.9.9.9'])).toMatchObject({ ok: false, code: 'dns-settings.busy' })
    expect(await first.service.revert()).toMatchObject({ ok: false, code: 'dns-settings.busy' })
  })

  it('nothing unfinished: recoverUnfinished creates nothing', async () => {
    const { service, dataDir } = setup()
    expect(await service.recoverUnfinished()).toEqual({ ok: true, recovered: false })
    expect(existsSync(path.join(dataDir, 'dns-settings'))).toBe(false)
  })
})

describe('flush through the service', () => {
  it('macOS asks for admin rights once, and a declined prompt is an error value', async () => {
    const commands: string[] = []
    const { service } = setup({ isElevated: async () => false, elevate: async (script) => (commands.push(script), { ok: true }) })
    expect(await service.flush()).toEqual({ ok: true, flushed: true, method: 'dscacheutil -flushcache; killall -HUP mDNSResponder' })
    expect(commands).toEqual(["if '/usr/bin/dscacheutil' '-flushcache' && '/usr/bin/killall' '-HUP' 'mDNSResponder'; then exit 0; fi; exit 3"])
    const declined = setup({ isElevated: async () => false, elevate: async () => ({ ok: false, reason: 'declined', detail: 'no' }) })
    expect(await declined.service.flush()).toMatchObject({ ok: false, code: 'dns-settings.elevation-declined' })
  })

  it('Windows runs ipconfig /flushdns without admin rights', async () => {
    const calls: string[][] = []
    const service = createDnsSettingsService({
      platform: 'win32',
      run: async (file, args) => (calls.push([file, ...args]), ok('')),
      backend: simulatedMac().backend,
      dataDir: mkdtempSync(path.join(tmpdir(), 'netmend-win-')),
      isElevated: async () => false,
      elevate: async () => ({ ok: false, reason: 'failed', detail: 'must not prompt' }),
    })
    expect(await service.flush()).toEqual({ ok: true, flushed: true, method: 'ipconfig /flushdns' })
    expect(calls).toEqual([['ipconfig', '/flushdns']])
  })
})

describe('will a password prompt appear?', () => {
  it.each([
    ['an elevated Windows process', 'windows/read-de.json', false],
    ['a Windows process without admin rights', 'windows/read-en.json', true],
  ])('%s: the service answers from the same test its changes act on', async (_story, reading, prompt) => {
    const service = createDnsSettingsService({ platform: 'win32', run: async () => ok(fixture(reading)), dataDir: mkdtempSync(path.join(tmpdir(), 'netmend-win-')) })
    expect(await service.needsAdminPrompt()).toBe(prompt)
  })

  it('root on Linux and macOS never sees one; anyone else does', async () => {
    const mac = simulatedMac()
    for (const elevated of [true, false]) {
      const service = createDnsSettingsService({ platform: 'darwin', run: mac.run, backend: mac.backend, dataDir: mkdtempSync(path.join(tmpdir(), 'netmend-mac-')), isElevated: async () => elevated })
      expect(await service.needsAdminPrompt()).toBe(!elevated)
    }
  })
})
