import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { CommandOutput, CommandRunner } from '../../../src/main/platform/run-command'

export function fixture(relativePath: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${relativePath}`, import.meta.url)), 'utf8')
}

export function succeeded(stdout: string): CommandOutput {
  return { ok: true, stdout, stderr: '', code: 0 }
}

export interface RecordedCall {
  file: string
  args: readonly string[]
  timeoutMs: number | undefined
}

/** A runner that answers from a table keyed by the last argument joined with the file name. */
export function scriptedRunner(answer: (file: string, args: readonly string[]) => CommandOutput): {
  run: CommandRunner
  calls: RecordedCall[]
} {
  const calls: RecordedCall[] = []
  const run: CommandRunner = async (file, args, options) => {
    calls.push({ file, args, timeoutMs: options?.timeoutMs })
    return answer(file, args)
  }
  return { run, calls }
}

export const throwingRunner: CommandRunner = async () => {
  throw new Error('runner broke its promise')
}

export function filesFrom(table: Record<string, string>): (path: string) => Promise<string> {
  return async (path) => {
    const text = table[path]
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
    return text
  }
}
