import { describe, expect, it } from 'vitest'
import { parsePowerShellJson, powershellArgs, powershellPath, runPowerShellJson } from '../../../src/main/platform/powershell'
import { scriptedRunner, succeeded, throwingRunner } from './fixture-helpers'

describe('parsePowerShellJson', () => {
  it('turns one object, an array and no output into a list', () => {
    expect(parsePowerShellJson('{"A":1}')).toEqual([{ A: 1 }])
    expect(parsePowerShellJson('[{"A":1},{"A":2}]')).toEqual([{ A: 1 }, { A: 2 }])
    expect(parsePowerShellJson('\r\n')).toEqual([])
  })

  it('tolerates a byte order mark and non-ASCII aliases', () => {
    expect(parsePowerShellJson('\uFEFF{"InterfaceAlias":"Büro-VPN"}\r\n')).toEqual([{ InterfaceAlias: 'Büro-VPN' }])
  })

  it('refuses text that is not a JSON object or list', () => {
    expect(parsePowerShellJson('Get-NetRoute : Zugriff verweigert')).toBeUndefined()
    expect(parsePowerShellJson('42')).toBeUndefined()
    expect(parsePowerShellJson('[1, "x", {"A":1}]')).toEqual([{ A: 1 }])
  })
})

describe('PowerShell invocation', () => {
  it('uses the system PowerShell by absolute path when SystemRoot is known', () => {
    expect(powershellPath({ SystemRoot: 'C:\\Windows' })).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe')
    expect(powershellPath({})).toBe('powershell.exe')
  })

  it('forces UTF-8 output before the script', () => {
    const args = powershellArgs('Get-Date')
    expect(args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command'])
    expect(args[3]).toMatch(/^\[Console\]::OutputEncoding = .*UTF8Encoding.*; Get-Date$/)
  })

  it('keeps JSON printed before a non-zero exit and reports real failures as codes', async () => {
    const partial = scriptedRunner(() => ({ ok: false, stdout: '{"A":1}', stderr: 'warning', code: 1, error: 'failed' })).run
    expect(await runPowerShellJson(partial, 'x')).toEqual({ ok: true, items: [{ A: 1 }] })
    const failed = scriptedRunner(() => ({ ok: false, stdout: '', stderr: 'boom', code: 1, error: 'failed' })).run
    expect(await runPowerShellJson(failed, 'x')).toEqual({ ok: false, code: 'failed' })
    const missing = scriptedRunner(() => ({ ok: false, stdout: '', stderr: '', code: null, error: 'not-found' })).run
    expect(await runPowerShellJson(missing, 'x')).toEqual({ ok: false, code: 'not-found' })
    expect(await runPowerShellJson(scriptedRunner(() => succeeded('<xml/>')).run, 'x')).toEqual({ ok: false, code: 'bad-json' })
    expect(await runPowerShellJson(throwingRunner, 'x')).toEqual({ ok: false, code: 'failed' })
  })
})
