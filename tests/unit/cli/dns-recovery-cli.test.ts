// What every `netmend dns` command says about what an earlier run left: nothing is silent, showing and
// flushing go on, a change waits until the records are in order.
import { describe, expect, it } from 'vitest'
import { recoverForCli, runDnsCommand } from '../../../src/main/cli/dns-command'
import type { DnsSettingsErrorCode, DnsSettingsService } from '../../../src/main/dns-settings'

const ADAPTER = { id: 'eth0', name: 'eth0', owner: 'plain-file', ipv4: { servers: ['192.0.2.53'], source: 'file' }, ipv6: { servers: [], source: 'file' }, virtual: false, primary: true }

function fakeService(recovery: Awaited<ReturnType<DnsSettingsService['recoverUnfinished']>>) {
  const calls: string[] = []
  const service = {
    recoverUnfinished: async () => (calls.push('recover'), recovery),
    show: async () => (calls.push('show'), { ok: true, adapters: [ADAPTER], netmendChanged: false }),
    use: async () => (calls.push('use'), { ok: true, adapters: ['eth0'], verified: { servers: [], systemUsesThem: true, systemLookup: { ok: true, detail: '' } } }),
    confirm: async () => (calls.push('confirm'), { ok: true }),
    revert: async () => (calls.push('revert'), { ok: true, adapters: [] }),
    flush: async () => (calls.push('flush'), { ok: true, flushed: false, method: 'none' }),
    needsAdminPrompt: async () => false,
  } as unknown as DnsSettingsService
  return { service, calls }
}

async function run(command: Parameters<typeof runDnsCommand>[0], recovery: Awaited<ReturnType<DnsSettingsService['recoverUnfinished']>>) {
  const { service, calls } = fakeService(recovery)
  const out: string[] = []
  const err: string[] = []
  const code = await runDnsCommand(command, ['192.0.2.1'], service, { out: (text) => out.push(text), err: (text) => err.push(text) })
  return { code, out: out.join(''), err: err.join(''), calls }
}

const busy = { ok: false as const, code: 'dns-settings.busy' as const, detail: 'NetMend process 4242 is changing the settings' }
const COMMANDS = {
  show: { command: 'dns-show', json: false },
  use: { command: 'dns-use', servers: ['192.0.2.1'], adapters: [], configPath: null },
  revert: { command: 'dns-revert' },
  flush: { command: 'dns-flush' },
} as const

describe('a change running in another NetMend', () => {
  it.each(['show', 'flush'] as const)('dns %s says so and goes on', async (name) => {
    const result = await run(COMMANDS[name] as never, busy)
    expect(result.code).toBe(0)
    expect(result.err).toBe('netmend: Another NetMend (the app, or another command) is changing these settings right now. Try again when it is finished.\n')
    expect(result.calls).toEqual(['recover', name])
  })

  it.each(['use', 'revert'] as const)('dns %s says so and changes nothing', async (name) => {
    const result = await run(COMMANDS[name] as never, busy)
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/^netmend: Another NetMend .* is changing these settings right now/)
    expect(result.calls).toEqual(['recover'])
  })
})

describe('what start-up recovery found, in words', () => {
  it('a damaged journal that was dealt with: said, and a switch goes on', async () => {
    const result = await run(COMMANDS.use as never, { ok: false, code: 'dns-settings.journal-damaged' as const, detail: '/d/journal.json: not valid JSON' })
    expect(result.code).toBe(0)
    expect(result.err).toContain("NetMend's record of its last change was damaged (/d/journal.json: not valid JSON)")
    expect(result.calls).toEqual(['recover', 'use', 'confirm'])
  })

  it('an interrupted change that could not be undone says so before the reason', async () => {
    const lines: string[] = []
    const failure = { ok: false as const, code: 'dns-settings.elevation-declined' as const, detail: 'no' }
    expect(await recoverForCli({ recoverUnfinished: async () => failure }, { out: () => undefined, err: (text) => lines.push(text) })).toBe(false)
    expect(lines).toEqual(['netmend: An earlier change was interrupted and could not be undone yet: The administrator password was not given, so nothing was changed.\n'])
  })

  it.each([
    ['dns-settings.data-folder-unsafe', '/d/dns-settings is a symbolic link', /will not use its folder for saved settings: \/d\/dns-settings is a symbolic link/],
    ['dns-settings.data-folder-unwritable', '/d/dns-settings/lock: EROFS', /cannot write in its folder \(\/d\/dns-settings\/lock: EROFS\)/],
    ['dns-settings.undone-not-noted', '/d/dns-settings/journal.json: EROFS', /interrupted; your previous settings have been put back\. NetMend cannot write in its folder/],
    ['dns-settings.original-damaged', '/d/original.json: adapters is empty', /"netmend dns revert" can no longer put them back/],
  ])('%s is said as it is, and shown settings still come', async (code, detail, words) => {
    const result = await run(COMMANDS.show as never, { ok: false, code: code as DnsSettingsErrorCode, detail })
    expect(result.code).toBe(0)
    expect(result.err).toMatch(words)
    expect(result.err.trim().split('\n')).toHaveLength(1)
    expect(result.out).toContain('192.0.2.53')
  })
})
