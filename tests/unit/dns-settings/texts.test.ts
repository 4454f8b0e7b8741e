// What people read when a DNS change does not work: the app never tells anyone to type commands in a
// terminal; the command line says which command to run. In every language.
import { describe, expect, it } from 'vitest'
import { runDnsCommand } from '../../../src/main/cli/dns-command'
import { cliTexts } from '../../../src/main/cli/texts'
import type { DnsSettingsService } from '../../../src/main/dns-settings'
import { DNS_SETTINGS_ERROR_CODES } from '../../../src/shared/errors'
import { LANGUAGES } from '../../../src/shared/language'
import { DNS_SETTINGS_TEXTS } from '../../../src/shared/texts/dns-settings'

const TERMINAL = /netmend dns|\bsudo\b|README|terminal|run the command|führen Sie/i

describe.each(LANGUAGES)('DNS change failures, as the app says them (%s)', (language) => {
  const app = DNS_SETTINGS_TEXTS[language].errors

  it.each(DNS_SETTINGS_ERROR_CODES)('%s names no terminal command', (code) => {
    expect(app[code]('detail')).not.toMatch(TERMINAL)
  })

  it('busy does not claim another window: it may be this one, or the command line', () => {
    expect(app['dns-settings.busy']('NetMend process 4242 is changing the settings')).not.toMatch(/another (NetMend )?window|einem anderen Fenster,? nicht/i)
  })

  it('the rest still say what to do', () => {
    expect(app['dns-settings.rollback-failed']('eth0 still different')).toMatch(/eth0 still different.*(again|noch einmal)/)
    expect(app['dns-settings.elevation-unavailable']('No polkit authentication agent found.')).toMatch(/password|Passwort/)
  })
})

describe.each(LANGUAGES)('DNS change failures, as the command line says them (%s)', (language) => {
  const texts = cliTexts(language)
  const cli = texts.dnsErrors

  it('the ones with a command to run name it', () => {
    expect(cli['dns-settings.unknown-adapter']('eth9')).toContain('netmend dns show')
    expect(cli['dns-settings.rollback-failed']('x')).toContain('netmend dns revert')
    expect(cli['dns-settings.elevation-unavailable']('x')).toContain('sudo')
    expect(cli['dns-settings.busy']('x')).not.toMatch(/window|Fenster/i)
  })

  it('netmend dns uses the command-line wording', async () => {
    const lines: string[] = []
    const failure = { ok: false as const, code: 'dns-settings.rollback-failed' as const, detail: 'eth0 still different' }
    const service = {
      recoverUnfinished: async () => ({ ok: true, recovered: false }),
      revert: async () => failure,
    } as unknown as DnsSettingsService
    expect(await runDnsCommand({ command: 'dns-revert' }, [], service, { out: (text) => lines.push(text), err: (text) => lines.push(text) }, texts)).toBe(1)
    expect(lines.join('')).toContain(cli['dns-settings.rollback-failed']('eth0 still different'))
    expect(lines.join('')).toContain('netmend dns revert')
  })
})
