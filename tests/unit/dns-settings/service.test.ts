// The transaction, on a simulated Mac whose networksetup keeps its settings in memory: switch, verify,
// roll back by itself, keep, revert exactly after many switches, and recover what a dead process left.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDnsSettingsService, type DnsSettingsServiceOptions } from '../../../src/main/dns-settings'
import { createMacBackend, NETWORKSETUP } from '../../../src/main/dns-settings/macos'
import { processIdentity, type Journal } from '../../../src/main/dns-settings/store'
import type { DnsQuestion, DnsResponse } from '../../../src/main/dns/client'
import type { CommandRunner } from '../../../src/main/platform/run-command'
import { failed, ok } from './helpers'

const SERVICE_ORDER = `An asterisk (*) denotes that a network service is disabled.
(1) Wi-Fi
(Hardware Port: Wi-Fi, Device: en0)

(2) Ethernet
(Hardware Port: Ethernet, Device: en7)

(3) WireGuard
(Hardware Port: com.wireguard.macos, Device: utun3)
`

/** A Mac: Wi-Fi on DHCP (the default route), Ethernet with a hand-set server, a WireGuard tunnel. */
function simulatedMac(options: { refuseSet?: boolean } = {}) {
  const servers = new Map<string, string[]>([
    ['Wi-Fi', []],
    ['Ethernet', ['192.168.1.53']],
    ['WireGuard', ['10.64.0.1']],
  ])
  const sets: string[][] = []
  const run: CommandRunner = async (file, args) => {
    if (file !== NETWORKSETUP) return ok('')
    const [verb, service = '', ...rest] = args
    if (verb === '-listnetworkserviceorder') return ok(SERVICE_ORDER)
    if (verb === '-getdnsservers') {
      const list = servers.get(service) ?? []
      return ok(list.length > 0 ? `${list.join('\n')}\n` : `There aren't any DNS Servers set on ${service}.\n`)
    }
    if (verb === '-setdnsservers') {
      sets.push([service, ...rest])
      if (options.refuseSet) return failed(4)
      servers.set(service, rest[0] === 'Empty' ? [] : rest)
      return ok('')
    }
    return failed()
  }
  return { run, servers, sets, backend: createMacBackend({ run, defaultInterfaces: async () => ['en0'] }) }
}

/** Servers in `silent` don't answer; everyone else answers NXDOMAIN for the probe name. */
function fakeDns(silent: string[] = []) {
  return {
    query: async (question: DnsQuestion): Promise<DnsResponse> =>
      silent.includes(question.server)
        ? { ok: false, code: 'dns.timeout', detail: 'no answer', latencyMs: 3000, server: question.server }
        : { ok: true, rcode: 'NXDOMAIN', answers: [], authorities: [], latencyMs: 4, transport: 'udp', server: question.server },
    lookup: async () => ({ ok: true, detail: 'answered: no such name' }),
  }
}

function setup(extra: Partial<DnsSettingsServiceOptions> & { silent?: string[]; refuseSet?: boolean } = {}) {
  const mac = simulatedMac({ refuseSet: extra.refuseSet })
  const dataDir = extra.dataDir ?? mkdtempSync(path.join(tmpdir(), 'netmend-service-'))
  const service = createDnsSettingsService({
    platform: 'darwin',
    run: mac.run,
    backend: mac.backend,
    dataDir,
    isElevated: async () => true,
    verify: fakeDns(extra.silent),
    ...extra,
  })
  return { mac, service, dataDir, journalPath: path.join(dataDir, 'dns-settings', 'journal.json') }
}

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
    expect(await service.use(['1.1.1.1'])).toMatchObject({ ok: false, code: 'dns-settings.snapshot-failed' })
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
    writeFileSync(first.journalPath, JSON.stringify({ ...journal, owner: { ...processIdentity(process.ppid), bootId: 'a-boot-before-this-one', bootTime: journal.owner.bootTime - 86_400 } }))
    expect(await first.service.recoverUnfinished()).toEqual({ ok: true, recovered: true })
    expect(first.mac.servers.get('Wi-Fi')).toEqual([])
  })

  it('another live NetMend process waiting for "keep" is left alone; a switch meanwhile is refused as busy', async () => {
    const first = setup()
    await first.service.use(['1.1.1.1'])
    const journal = JSON.parse(readFileSync(first.journalPath, 'utf8')) as Journal
    writeFileSync(first.journalPath, JSON.stringify({ ...journal, owner: processIdentity(process.ppid) }))
    expect(await first.service.recoverUnfinished()).toEqual({ ok: true, recovered: false })
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
