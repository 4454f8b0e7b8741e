import type { InputErrorCode } from '../../shared/errors'
import { formattingLocale, languageFromEnvironment } from '../../shared/language'
import type { Failure } from '../../shared/result'
import { loadConfig } from '../engine/config'
import { diagnose } from '../engine/diagnose'
import { parseSiteTarget } from '../engine/target'
import { parseArguments } from './arguments'
import { badInputLine, createCliDnsService, prepareDnsCommand, recoverForCli, runDnsCommand } from './dns-command'
import { checklistLine, conclusionText, painter } from './human-output'
import { jsonDocument } from './json-output'
import { oneLine } from './one-line'
import { cliTexts } from './texts'

const EXIT_OK = 0
const EXIT_PROBLEM_FOUND = 1
const EXIT_BAD_INPUT = 2
const EXIT_INTERRUPTED = 130

// The command line speaks the language its environment asks for (LC_ALL, LC_MESSAGES, LANG).
const language = languageFromEnvironment(process.env)
let locale: string | undefined
// Asked for only when a number is written: the system's locale comes from Intl, whose first use costs tens of
// milliseconds of CPU at every start, and `--json` and the errors never need it.
const texts = {
  ...cliTexts(language),
  get locale(): string {
    return (locale ??= formattingLocale(language, Intl.DateTimeFormat().resolvedOptions().locale))
  },
}

function badInput(error: Failure<InputErrorCode>): number {
  process.stderr.write(badInputLine(error, texts))
  return EXIT_BAD_INPUT
}

const io = { out: (text: string) => process.stdout.write(text), err: (text: string) => process.stderr.write(text) }

async function run(argv: readonly string[]): Promise<number> {
  const parsed = parseArguments(argv)
  if (!parsed.ok) return badInput(parsed)
  const command = parsed.parsed
  if (command.command === 'help') {
    process.stdout.write(texts.cli.usage)
    return EXIT_OK
  }
  if (command.command === 'version') {
    process.stdout.write(`netmend ${process.env.NETMEND_VERSION ?? '0.1.0'}\n`)
    return EXIT_OK
  }

  if (command.command !== 'diagnose') {
    // Every input is checked before anything runs: a bad one exits 2 with nothing executed.
    const prepared = await prepareDnsCommand(command)
    if (!prepared.ok) return badInput(prepared)
    return runDnsCommand(command, prepared.servers, createCliDnsService(io), io, texts)
  }

  let target = null
  if (command.target !== null) {
    const parsedTarget = parseSiteTarget(command.target)
    if (!parsedTarget.ok) return badInput(parsedTarget)
    target = parsedTarget.target
  }
  const loaded = await loadConfig(command.configPath)
  if (!loaded.ok) return badInput(loaded)
  const config = loaded.config

  // A DNS change that an earlier run left unfinished is undone before anything else, and what was found said.
  await recoverForCli(createCliDnsService(io), io, texts)

  const controller = new AbortController()
  let interrupted = false
  process.once('SIGINT', () => {
    interrupted = true
    controller.abort()
  })
  const paint = painter(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR)
  if (!command.json) process.stdout.write(`${paint.bold(texts.cli.checking(target?.displayName ?? null))}\n`)
  const report = await diagnose({
    config,
    target,
    signal: controller.signal,
    onEvent: command.json
      ? undefined
      : (event) => {
          const line = checklistLine(event, paint, texts)
          if (line) process.stdout.write(`${line}\n`)
        },
  })
  if (interrupted) {
    process.stderr.write(`netmend: ${texts.cli.stopped}\n`)
    return EXIT_INTERRUPTED
  }
  process.stdout.write(command.json ? `${jsonDocument(report, texts.diagnosis)}\n` : `${conclusionText(report, paint, texts)}\n`)
  return report.verdict.code === 'ok' ? EXIT_OK : EXIT_PROBLEM_FOUND
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A bug, not bad input: say so in one line; the stack only when asked for.
    process.stderr.write(`netmend: ${texts.cli.internalError(oneLine((error as Error).message))}\n`)
    if (process.env.NETMEND_DEBUG) process.stderr.write(`${(error as Error).stack}\n`)
    process.exitCode = EXIT_PROBLEM_FOUND
  },
)
