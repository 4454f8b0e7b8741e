// Asking for admin rights, one way per system, each passing the one fixed, validated script inline: nothing
// is written to a folder the person (or a program running as them) could change while the prompt is open.
//   Linux:   pkexec <sh> -c SCRIPT                        (polkit's own password dialog)
//   macOS:   osascript -e 'do shell script "SCRIPT" with administrator privileges'
//   Windows: Windows' PowerShell runs Start-Process -Verb RunAs of Windows' PowerShell with
//            -EncodedCommand SCRIPT, and hands back the elevated process's exit code
// "declined" (the person said no), "unavailable" (no way to ask here) and "failed" (asked, ran, did not
// work) stay apart so each gets its own words.
import { findSystemTool } from '../platform/root-only'
import type { CommandRunner } from '../platform/run-command'
import { powershellUnder, trustedSystemRoot } from '../platform/windows-system-root'
import { DNS_SETTINGS_TEXTS } from '../../shared/texts/dns-settings'
import { POWERSHELL } from './privileged-commands'

export type ElevationOutcome = { ok: true } | { ok: false; reason: 'declined' | 'unavailable' | 'failed'; detail: string }
/** Runs one fixed script with admin rights after asking: POSIX shell on Linux and macOS, PowerShell statements on Windows. */
export type ElevationRunner = (script: string) => Promise<ElevationOutcome>

/** Long enough for a person to find and type a password. */
export const PROMPT_TIMEOUT_MS = 5 * 60_000
/** What an elevated shell script exits with when one of its steps failed (never 126/127, which pkexec keeps for itself). */
export const STEP_FAILED = 3

const declined = (detail: string): ElevationOutcome => ({ ok: false, reason: 'declined', detail })
const unavailable = (detail: string): ElevationOutcome => ({ ok: false, reason: 'unavailable', detail })
const failedWith = (detail: string): ElevationOutcome => ({ ok: false, reason: 'failed', detail })

/** pkexec's argv: the script as one argument of the system shell; --disable-internal-agent: never prompt on a terminal. */
export function pkexecArgs(shell: string, script: string): string[] {
  return ['--disable-internal-agent', shell, '-c', script]
}

/** pkexec(1): 126 the dialog was dismissed, 127 no agent or not authorized; anything else is the script's own status. */
export function pkexecOutcome(code: number | null, stderr: string): ElevationOutcome {
  if (code === 0) return { ok: true }
  if (code === 126) return declined(stderr.trim() || 'dismissed')
  if (code === 127) return unavailable(stderr.trim() || 'no authentication agent')
  return failedWith(stderr.trim() || `exit ${code}`)
}

/** An AppleScript string literal holding `text` exactly (backslash and double quote escaped). */
export function appleScriptString(text: string): string {
  return `"${text.replace(/[\\"]/g, (mark) => `\\${mark}`)}"`
}

export function osascriptArgs(script: string, reason: string): string[] {
  return ['-e', `do shell script ${appleScriptString(script)} with prompt ${appleScriptString(reason)} with administrator privileges`]
}

/**
 * osascript prints "…: execution error: <message> (<number>)". -128: the person cancelled; -60005: the
 * password was refused; -60007 / -1713: no way to show a dialog here (a remote shell). A script that failed
 * ends with its own exit status as the number.
 */
export function osascriptOutcome(code: number | null, stderr: string): ElevationOutcome {
  if (code === 0) return { ok: true }
  const number = /\((-?\d+)\)\s*$/.exec(stderr.trim())?.[1]
  if (number === '-128' || number === '-60005') return declined(stderr.trim())
  if (number === '-60007' || number === '-1713') return unavailable(stderr.trim())
  return failedWith(stderr.trim() || `exit ${code}`)
}

/** ERROR_CANCELLED: the person said no to the UAC prompt. */
const UAC_CANCELLED = 1223
const COULD_NOT_START = 2
const NO_EXIT_CODE = 4

/**
 * The non-elevated PowerShell script that starts Windows' PowerShell elevated with `inner` (already
 * encoded) and exits with its exit code. The process handle is taken right away: without it Windows
 * PowerShell 5.1 may report no exit code for an elevated child.
 */
export function runAsScript(powershell: string, encodedInner: string): string {
  return [
    "$ErrorActionPreference = 'Stop'",
    'try {',
    `  $p = Start-Process -FilePath '${powershell}' -ArgumentList '-NoProfile -NonInteractive -WindowStyle Hidden -EncodedCommand ${encodedInner}' -Verb RunAs -WindowStyle Hidden -PassThru`,
    '} catch {',
    '  $e = $_.Exception',
    `  while ($null -ne $e) { if ($e -is [System.ComponentModel.Win32Exception] -and $e.NativeErrorCode -eq ${UAC_CANCELLED}) { exit ${UAC_CANCELLED} }; $e = $e.InnerException }`,
    '  [Console]::Error.WriteLine($_.Exception.Message)',
    `  exit ${COULD_NOT_START}`,
    '}',
    `if ($null -eq $p) { exit ${COULD_NOT_START} }`,
    '$null = $p.Handle',
    '$p.WaitForExit()',
    `if ($null -eq $p.ExitCode) { exit ${NO_EXIT_CODE} }`,
    'exit $p.ExitCode',
  ].join('\n')
}

export const encodePowerShell = (script: string): string => Buffer.from(script, 'utf16le').toString('base64')

export function runAsOutcome(code: number | null, stderr: string): ElevationOutcome {
  if (code === 0) return { ok: true }
  if (code === UAC_CANCELLED) return declined('the administrator prompt was cancelled')
  if (code === COULD_NOT_START) return failedWith(stderr.trim() || 'Windows could not start the administrator step')
  if (code === NO_EXIT_CODE) return failedWith('Windows did not say whether the administrator step worked')
  return failedWith(`the administrator step ended with exit ${code}`)
}

/**
 * The operating system's own way of asking, running `run` (runCommand in production); `locateTool` finds
 * pkexec and the shell on Linux (the system folders, root-only.ts, unless a test says otherwise).
 */
export function systemElevationRunner(
  platform: NodeJS.Platform,
  run: CommandRunner,
  locateTool: (name: string) => Promise<string | undefined> = (name) => findSystemTool(name),
  promptReason: string = DNS_SETTINGS_TEXTS.en.adminPromptReason,
): ElevationRunner {
  const runOutcome = async (file: string, args: string[], judge: (code: number | null, stderr: string) => ElevationOutcome): Promise<ElevationOutcome> => {
    const output = await run(file, args, { timeoutMs: PROMPT_TIMEOUT_MS }).catch(() => undefined)
    if (output === undefined || output.error === 'not-found') return unavailable(`${file} could not be started`)
    if (output.error === 'timeout') return declined('nobody answered the administrator prompt')
    return judge(output.code, output.stderr)
  }
  switch (platform) {
    case 'linux':
      return async (script) => {
        const [pkexec, shell] = await Promise.all([locateTool('pkexec'), locateTool('sh')])
        if (pkexec === undefined || shell === undefined) return unavailable('pkexec is not installed')
        return runOutcome(pkexec, pkexecArgs(shell, script), pkexecOutcome)
      }
    case 'darwin':
      return (script) => runOutcome('/usr/bin/osascript', osascriptArgs(script, promptReason), osascriptOutcome)
    case 'win32':
      return async (script) => {
        const root = trustedSystemRoot()
        if (root === undefined) return unavailable(`Windows' own ${POWERSHELL} could not be found`)
        const powershell = powershellUnder(root)
        const outer = runAsScript(powershell, encodePowerShell(script))
        return runOutcome(powershell, ['-NoProfile', '-NonInteractive', '-EncodedCommand', encodePowerShell(outer)], runAsOutcome)
      }
    default:
      return async () => unavailable(`no administrator prompt on ${platform}`)
  }
}
