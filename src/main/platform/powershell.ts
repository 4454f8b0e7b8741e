import type { CommandOptions, CommandOutput, CommandRunner } from './run-command'
import { powershellUnder, trustedSystemRoot } from './windows-system-root'

// A cold PowerShell start that loads the NetTCPIP/DnsClient CIM modules regularly takes several
// seconds on ordinary laptops, well past the generic command timeout.
export const POWERSHELL_TIMEOUT_MS = 15_000

export type PowerShellJsonResult =
  | { ok: true; items: Record<string, unknown>[] }
  | { ok: false; code: 'not-found' | 'timeout' | 'aborted' | 'failed' | 'bad-json' }

/**
 * The PowerShell that reads settings: Windows' own, under the folder the kernel names (an absolute path
 * keeps a powershell.exe in the working directory from being picked up first). Only where that cannot be
 * resolved does %SystemRoot% stand in; a read runs with the rights NetMend already has. Anything run with
 * admin rights uses the kernel's folder alone (see dns-settings/privileged-commands.ts).
 */
export function powershellPath(env: NodeJS.ProcessEnv = process.env, systemRoot: string | undefined = trustedSystemRoot()): string {
  const root = systemRoot ?? env.SystemRoot ?? env.SYSTEMROOT
  return root === undefined || root === '' ? 'powershell.exe' : powershellUnder(root)
}

export function powershellArgs(script: string): string[] {
  // Without forcing UTF-8, non-ASCII interface names arrive in the console's OEM code page.
  const utf8 = '[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false; '
  return ['-NoProfile', '-NonInteractive', '-Command', utf8 + script]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** ConvertTo-Json prints one object bare, several as an array, and nothing at all for none. */
export function parsePowerShellJson(stdout: string): Record<string, unknown>[] | undefined {
  const text = stdout.replace(/^\uFEFF/, '').trim()
  if (text === '') return []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return undefined
  }
  if (Array.isArray(parsed)) return parsed.filter(isRecord)
  if (isRecord(parsed)) return [parsed]
  return undefined
}

export async function runPowerShellJson(run: CommandRunner, script: string, options: CommandOptions = {}): Promise<PowerShellJsonResult> {
  let output: CommandOutput
  try {
    output = await run(powershellPath(), powershellArgs(script), { ...options, timeoutMs: options.timeoutMs ?? POWERSHELL_TIMEOUT_MS })
  } catch {
    return { ok: false, code: 'failed' }
  }
  if (output.error === 'not-found' || output.error === 'timeout' || output.error === 'aborted') {
    return { ok: false, code: output.error }
  }
  // A cmdlet that reports one non-fatal error still exits non-zero after printing good JSON.
  if (!output.ok && output.stdout.trim() === '') return { ok: false, code: 'failed' }
  const items = parsePowerShellJson(output.stdout)
  return items === undefined ? { ok: false, code: 'bad-json' } : { ok: true, items }
}

export function stringField(item: Record<string, unknown>, key: string): string | undefined {
  const value = item[key]
  return typeof value === 'string' ? value : undefined
}

export function numberField(item: Record<string, unknown>, key: string): number | undefined {
  const value = item[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}
