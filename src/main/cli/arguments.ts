import { failure, type Result } from '../../shared/result'

export type CliErrorCode = 'cli.unknown-flag' | 'cli.missing-value' | 'cli.unknown-command' | 'cli.extra-argument'

export type CliCommand =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'diagnose'; target: string | null; json: boolean; configPath: string | null }

const VALUE_FLAGS = new Set(['--config'])
const BOOLEAN_FLAGS = new Set(['--json', '--help', '-h', '--version', '-V'])

/** Reads `netmend <command> [target] [flags]`; anything unexpected becomes a one-line error value. */
export function parseArguments(argv: readonly string[]): Result<{ parsed: CliCommand }, CliErrorCode> {
  const flags = new Map<string, string | true>()
  const positionals: string[] = []
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!
    if (argument === '--') {
      positionals.push(...argv.slice(index + 1))
      break
    }
    if (!argument.startsWith('-') || argument === '-') {
      positionals.push(argument)
      continue
    }
    const [name, inlineValue] = argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined]
    if (VALUE_FLAGS.has(name)) {
      const value = inlineValue ?? argv[index + 1]
      if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) return failure('cli.missing-value', name)
      if (inlineValue === undefined) index += 1
      flags.set(name, value)
    } else if (BOOLEAN_FLAGS.has(name) && inlineValue === undefined) {
      flags.set(name, true)
    } else {
      return failure('cli.unknown-flag', name)
    }
  }
  if (flags.has('--help') || flags.has('-h') || positionals[0] === 'help') return { ok: true, parsed: { command: 'help' } }
  if (flags.has('--version') || flags.has('-V')) return { ok: true, parsed: { command: 'version' } }
  const [command, target, extra] = positionals
  if (command === undefined) return { ok: true, parsed: { command: 'help' } }
  if (command !== 'diagnose') return failure('cli.unknown-command', command)
  if (extra !== undefined) return failure('cli.extra-argument', extra)
  const configPath = flags.get('--config')
  return {
    ok: true,
    parsed: { command: 'diagnose', target: target ?? null, json: flags.has('--json'), configPath: typeof configPath === 'string' ? configPath : null },
  }
}
