// What people read when a DNS change does not work: the app never tells anyone to type commands in a
// terminal; the command line says which command to run.
import { describe, expect, it } from 'vitest'
import { runDnsCommand } from '../../../src/main/cli/dns-command'
import type { DnsSettingsService } from '../../../src/main/dns-settings'
import { DNS_SETTINGS_ERROR_CODES } from '../../../src/shared/errors'
import { DNS_SETTINGS_CLI_ERROR_TEXTS as cli, DNS_SETTINGS_ERROR_TEXTS as app } from '../../../src/shared/texts'

const TERMINAL = /netmend dns|\bsudo\b|README|terminal|run the command/i

describe('DNS change failures, as the app says them', () => {
  it.each(DNS_SETTINGS_ERROR_CODES)('%s names no terminal command', (code) => {
    expect(app[code]('detail')).not.toMatch(TERMINAL)
  })

  it('busy does not claim another window: it may be this one, or the command line', () => {
    expect(app['dns-settings.busy']('NetMend process 4242 is changing the settings')).not.toMatch(/another (NetMend )?window/i)
  })

  it('the rest still say what to do', () => {
    expect(app['dns-settings.rollback-failed']('eth0 still different')).toMatch(/eth0 still different.*again/)
    expect(app['dns-settings.elevation-unavailable']('No polkit authentication agent found.')).toMatch(/password/)
  })
})

describe('DNS change failures, as the command line says them', () => {
  it('the ones with a command to run name it', () => {
    expect(cli['dns-settings.unknown-adapter']('eth9')).toContain('netmend dns show')
    expect(cli['dns-settings.rollback-failed']('x')).toContain('netmend dns revert')
    expect(cli['dns-settings.elevation-unavailable']('x')).toContain('sudo')
    expect(cli['dns-settings.busy']('x')).not.toMatch(/window/i)
  })

  it('netmend dns uses the command-line wording', async () => {
    const lines: string[] = []
    const failure = { ok: false as const, code: 'dns-settings.rollback-failed' as const, detail: 'eth0 still different' }
    const service = {
      recoverUnfinished: async () => ({ ok: true, recovered: false }),
      revert: async () => failure,
    } as unknown as DnsSettingsService
    expect(await runDnsCommand({ command: 'dns-revert' }, [], service, { out: (text) => lines.push(text), err: (text) => lines.push(text) })).toBe(1)
    expect(lines.join('')).toContain('"netmend dns revert" again')
  })
})
