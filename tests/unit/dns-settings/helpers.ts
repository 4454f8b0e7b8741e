import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { CommandOutput, CommandRunner } from '../../../src/main/platform/run-command'

export function fixture(relativePath: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${relativePath}`, import.meta.url)), 'utf8')
}

export const ok = (stdout: string): CommandOutput => ({ ok: true, stdout, stderr: '', code: 0 })
export const failed = (code = 1): CommandOutput => ({ ok: false, stdout: '', stderr: 'failed', code, error: 'failed' })

/** A runner answering from a table keyed by "file arg arg…"; every call is recorded. */
export function tableRunner(table: Record<string, CommandOutput>): { run: CommandRunner; calls: string[][] } {
  const calls: string[][] = []
  const run: CommandRunner = async (file, args) => {
    calls.push([file, ...args])
    return table[[file, ...args].join(' ')] ?? failed(127)
  }
  return { run, calls }
}
