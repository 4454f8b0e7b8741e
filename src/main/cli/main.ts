import { CHECK_TITLES, INPUT_ERROR_TEXTS } from '../../shared/texts'
import type { Failure } from '../../shared/result'
import { DEFAULT_CONFIG, loadConfigFile } from '../engine/config'
import { diagnose } from '../engine/diagnose'
import { parseSiteTarget } from '../engine/target'
import { parseArguments } from './arguments'
import { checklistLine, conclusionText, painter } from './human-output'
import { jsonDocument } from './json-output'

const EXIT_OK = 0
const EXIT_PROBLEM_FOUND = 1
const EXIT_BAD_INPUT = 2
const EXIT_INTERRUPTED = 130

const USAGE = `NetMend finds out why a website won't load, and what you can do about it.

Usage:
  netmend diagnose [site] [--json] [--config FILE]

  site            the address that fails: example.com, https://example.com/page, an IP address
  --json          print one JSON document instead of the checklist
  --config FILE   settings file (also NETMEND_CONFIG); see README for its keys

Exit status: 0 all fine, 1 a problem was found, 2 bad input.
`

function badInput(error: Failure): number {
  const explain = INPUT_ERROR_TEXTS[error.code] ?? ((detail: string) => detail)
  process.stderr.write(`netmend: ${explain(error.detail)}\n`)
  return EXIT_BAD_INPUT
}

async function run(argv: readonly string[]): Promise<number> {
  const parsed = parseArguments(argv)
  if (!parsed.ok) return badInput(parsed)
  const command = parsed.parsed
  if (command.command === 'help') {
    process.stdout.write(USAGE)
    return EXIT_OK
  }
  if (command.command === 'version') {
    process.stdout.write(`netmend ${process.env.NETMEND_VERSION ?? '0.1.0'}\n`)
    return EXIT_OK
  }

  let target = null
  if (command.target !== null) {
    const parsedTarget = parseSiteTarget(command.target)
    if (!parsedTarget.ok) return badInput(parsedTarget)
    target = parsedTarget.target
  }
  const configPath = command.configPath ?? process.env.NETMEND_CONFIG ?? null
  let config = DEFAULT_CONFIG
  if (configPath !== null) {
    const loaded = await loadConfigFile(configPath)
    if (!loaded.ok) return badInput(loaded)
    config = loaded.config
  }

  const controller = new AbortController()
  let interrupted = false
  process.once('SIGINT', () => {
    interrupted = true
    controller.abort()
  })
  const paint = painter(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR)
  if (!command.json) process.stdout.write(paint.bold(target ? `Checking ${target.displayName}…\n` : 'Checking your connection…\n'))
  const report = await diagnose({
    config,
    target,
    signal: controller.signal,
    onEvent: command.json
      ? undefined
      : (event) => {
          const line = checklistLine(event, paint, CHECK_TITLES)
          if (line) process.stdout.write(`${line}\n`)
        },
  })
  if (interrupted) {
    process.stderr.write('netmend: stopped.\n')
    return EXIT_INTERRUPTED
  }
  process.stdout.write(command.json ? `${jsonDocument(report)}\n` : `${conclusionText(report, paint)}\n`)
  return report.verdict.code === 'ok' ? EXIT_OK : EXIT_PROBLEM_FOUND
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A bug, not bad input: say so in one line; the stack only when asked for.
    process.stderr.write(`netmend: internal error: ${(error as Error).message}\n`)
    if (process.env.NETMEND_DEBUG) process.stderr.write(`${(error as Error).stack}\n`)
    process.exitCode = EXIT_PROBLEM_FOUND
  },
)
