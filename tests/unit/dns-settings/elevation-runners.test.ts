// Asking for admin rights, one way per system, with the fixed script passed inline (nothing the person
// can write is run): pkexec on Linux, osascript on macOS, Start-Process -Verb RunAs on Windows. A
// declined prompt, no way to ask, and a step that failed are three different answers.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  appleScriptString,
  encodePowerShell,
  osascriptArgs,
  osascriptOutcome,
  pkexecOutcome,
  runAsOutcome,
  runAsScript,
  systemElevationRunner,
} from '../../../src/main/dns-settings/elevation-runners'
import { decodePowerShell } from '../../../src/main/dns-settings/privileged-commands'
import type { CommandRunner } from '../../../src/main/platform/run-command'

/** Reads an AppleScript string literal back (the inverse of appleScriptString). */
function readAppleScriptString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true)
  let text = ''
  for (let index = 1; index < literal.length - 1; index += 1) {
    const character = literal[index]!
    if (character === '"') throw new Error(`unescaped quote at ${index}`)
    if (character === '\\') index += 1
    text += literal[index]
  }
  return text
}

describe('Linux: pkexec', () => {
  /** A stand-in for pkexec that answers like the real one: 126 dismissed, 127 no agent, otherwise it runs the shell. */
  const standIn = (answer?: 126 | 127): CommandRunner => async (file, args) => {
    expect(file).toBe('/usr/bin/pkexec')
    expect(args[0]).toBe('--disable-internal-agent')
    if (answer !== undefined) return { ok: false, stdout: '', stderr: answer === 127 ? 'Error executing command as another user: No authentication agent found.' : 'Error executing command as another user: Request dismissed', code: answer, error: 'failed' }
    const ran = spawnSync(args[1]!, args.slice(2), { encoding: 'utf8' })
    return { ok: ran.status === 0, stdout: ran.stdout, stderr: ran.stderr, code: ran.status, ...(ran.status === 0 ? {} : { error: 'failed' as const }) }
  }
  const runner = (run: CommandRunner) => systemElevationRunner('linux', run, async (name) => (name === 'sh' ? '/bin/sh' : `/usr/bin/${name}`))

  it('the script is one argument of the system shell, run as it is', async () => {
    expect(await runner(standIn())('if true && true; then exit 0; fi; exit 3')).toEqual({ ok: true })
    expect(await runner(standIn())("if '/nonexistent/resolvectl' 'flush-caches'; then exit 0; fi; exit 3")).toMatchObject({ ok: false, reason: 'failed' })
  })

  it('dismissed, no agent, no pkexec: declined, unavailable, unavailable', async () => {
    expect(await runner(standIn(126))('exit 0')).toMatchObject({ ok: false, reason: 'declined' })
    expect(await runner(standIn(127))('exit 0')).toMatchObject({ ok: false, reason: 'unavailable', detail: expect.stringContaining('No authentication agent') })
    expect(await systemElevationRunner('linux', standIn(), async () => undefined)('exit 0')).toMatchObject({ ok: false, reason: 'unavailable' })
    expect(pkexecOutcome(3, 'resolvectl: failed')).toEqual({ ok: false, reason: 'failed', detail: 'resolvectl: failed' })
  })
})

describe('macOS: osascript', () => {
  it('the script goes inline into "do shell script … with administrator privileges", exactly', () => {
    const script = `if '/usr/sbin/networksetup' '-setdnsservers' 'Büro "LAN"' '1.1.1.1'; then exit 0; fi; exit 3 \\ end`
    const [flag, source] = osascriptArgs(script, 'NetMend "möchte" ändern')
    expect(flag).toBe('-e')
    const match = /^do shell script (".*") with prompt (".*") with administrator privileges$/.exec(source!)
    expect(match).not.toBeNull()
    expect(readAppleScriptString(match![1]!)).toBe(script)
    expect(readAppleScriptString(match![2]!)).toBe('NetMend "möchte" ändern')
    expect(readAppleScriptString(appleScriptString('\\"\\'))).toBe('\\"\\')
  })

  it('cancelled, refused, no way to show a dialog, failed', () => {
    expect(osascriptOutcome(0, '')).toEqual({ ok: true })
    expect(osascriptOutcome(1, '0:120: execution error: User canceled. (-128)\n')).toMatchObject({ reason: 'declined' })
    expect(osascriptOutcome(1, '0:120: execution error: Benutzer hat abgebrochen. (-128)\n')).toMatchObject({ reason: 'declined' })
    expect(osascriptOutcome(1, '0:120: execution error: The administrator user name or password was incorrect. (-60005)')).toMatchObject({ reason: 'declined' })
    expect(osascriptOutcome(1, '0:120: execution error: No user interaction allowed. (-1713)')).toMatchObject({ reason: 'unavailable' })
    expect(osascriptOutcome(1, '0:120: execution error: networksetup: failed (3)')).toMatchObject({ reason: 'failed' })
  })
})

describe('Windows: Start-Process -Verb RunAs', () => {
  const powershell = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'
  const inner = "$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 12 -ResetServerAddresses"

  it("starts Windows' own PowerShell elevated with the statements encoded, and hands back its exit code", () => {
    const script = runAsScript(powershell, encodePowerShell(inner))
    expect(script).toContain(`Start-Process -FilePath '${powershell}' -ArgumentList '-NoProfile -NonInteractive -WindowStyle Hidden -EncodedCommand ${encodePowerShell(inner)}' -Verb RunAs`)
    expect(script).toContain('exit $p.ExitCode')
    expect(script).not.toMatch(/\$env:|SystemRoot|Temp|\.ps1/i)
    expect(decodePowerShell(encodePowerShell(inner))).toBe(inner)
  })

  it('cancelled (1223), could not start, no exit code, failed', () => {
    expect(runAsOutcome(0, '')).toEqual({ ok: true })
    expect(runAsOutcome(1223, '')).toMatchObject({ reason: 'declined' })
    expect(runAsOutcome(2, 'This command cannot be run due to the error: The file cannot be accessed.')).toMatchObject({ reason: 'failed' })
    expect(runAsOutcome(4, '')).toMatchObject({ reason: 'failed', detail: expect.stringContaining('did not say') })
    expect(runAsOutcome(1, '')).toMatchObject({ reason: 'failed', detail: expect.stringContaining('exit 1') })
  })
})
