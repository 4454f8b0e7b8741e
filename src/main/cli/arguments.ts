import type { CliErrorCode } from '../../shared/errors'
import { failure, type Result } from '../../shared/result'


export type CliCommand =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'diagnose'; target: string | null; json: boolean; configPath: string | null }
  | { command: 'dns-show'; json: boolean }
  | { command: 'dns-use'; servers: string[]; adapters: string[]; configPath: string | null }
  | { command: 'dns-revert' }
  | { command: 'dns-flush' }

const VALUE_FLAGS = new Set(['--config', '--adapter'])
const BOOLEAN_FLAGS = new Set(['--json', '--help', '-h', '--version', '-V'])
/** Flags each command takes besides --help/--version. */
const ALLOWED_FLAGS: Record<string, string[]> = {
  diagnose: ['--json', '--config'],
  'dns show': ['--json'],
  'dns use': ['--config', '--adapter'],
  'dns revert': [],
  'dns flush': [],
}

/** Reads `netmend <command> [arguments] [flags]`; anything unexpected becomes a one-line error value. */
export function parseArguments(argv: readonly string[]): Result<{ parsed: CliCommand }, CliErrorCode> {
  const flags = new Map<string, string | true>()
  const adapters: string[] = []
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
      if (name === '--adapter') adapters.push(value)
    } else if (BOOLEAN_FLAGS.has(name) && inlineValue === undefined) {
      flags.set(name, true)
    } else {
      return failure('cli.unknown-flag', name)
    }
  }
  if (flags.has('--help') || flags.has('-h') || positionals[0] === 'help') return { ok: true, parsed: { command: 'help' } }
  if (flags.has('--version') || flags.has('-V')) return { ok: true, parsed: { command: 'version' } }
  const [command, ...rest] = positionals
  if (command === undefined) return { ok: true, parsed: { command: 'help' } }

  const configFlag = flags.get('--config')
  const configPath = typeof configFlag === 'string' ? configFlag : null
  const onlyAllowed = (key: string): Result<{ parsed: CliCommand }, CliErrorCode> | undefined => {
    const unexpected = [...flags.keys()].find((flag) => !(ALLOWED_FLAGS[key] ?? []).includes(flag))
    return unexpected === undefined ? undefined : failure('cli.unknown-flag', unexpected)
  }

  if (command === 'diagnose') {
    const refused = onlyAllowed('diagnose')
    if (refused) return refused
    const [target, extra] = rest
    if (extra !== undefined) return failure('cli.extra-argument', extra)
    return { ok: true, parsed: { command: 'diagnose', target: target ?? null, json: flags.has('--json'), configPath } }
  }
  if (command !== 'dns') return failure('cli.unknown-command', command)

  const [sub, ...values] = rest
  if (sub === undefined || !['show', 'use', 'revert', 'flush'].includes(sub)) return failure('cli.unknown-dns-command', sub ?? '')
  const refused = onlyAllowed(`dns ${sub}`)
  if (refused) return refused
  if (sub === 'use') {
    if (values.length === 0) return failure('cli.missing-server', '')
    return { ok: true, parsed: { command: 'dns-use', servers: values, adapters, configPath } }
  }
  if (values[0] !== undefined) return failure('cli.extra-argument', values[0])
  if (sub === 'show') return { ok: true, parsed: { command: 'dns-show', json: flags.has('--json') } }
  return { ok: true, parsed: { command: sub === 'revert' ? 'dns-revert' : 'dns-flush' } }
}
