import { CHECK_TITLES } from '../../shared/texts'
import type { Failure } from '../../shared/result'
import { loadConfig } from '../engine/config'
import { diagnose } from '../engine/diagnose'
import { parseSiteTarget } from '../engine/target'
import { parseArguments } from './arguments'
import { badInputLine, createCliDnsService, prepareDnsCommand, recoverForCli, runDnsCommand } from './dns-command'
import { checklistLine, conclusionText, painter } from './human-output'
import { jsonDocument } from './json-output'
import { oneLine } from './one-line'

const EXIT_OK = 0
const EXIT_PROBLEM_FOUND = 1
const EXIT_BAD_INPUT = 2
const EXIT_INTERRUPTED = 130

const USAGE = `NetMend finds out why a website won't load, and what you can do about it.

Usage:
  netmend diagnose [site] [--json] [--config FILE]
  netmend dns show [--json]
  netmend dns use <name|address>... [--adapter ID]... [--config FILE]
  netmend dns revert
  netmend dns flush

  site            the address that fails: example.com, https://example.com/page, an IP address
  --json          print one JSON document instead of the checklist
  --config FILE   settings file (also NETMEND_CONFIG); see README for its keys

  dns show        which address books (DNS servers) each connection uses
  dns use         switch to public address books by name (google, cloudflare, quad9) or address,
                  check that they answer, and put the old settings back by itself if they don't
  --adapter ID    change this connection (an id from "dns show"; VPNs are only changed when named)
  dns revert      go back to exactly what you had before NetMend's first change
  dns flush       clear the addresses this computer remembers

Exit status: 0 all fine / done, 1 a problem was found / the change failed (settings left as they
were), 2 bad input.
`

function badInput(error: Failure): number {
  process.stderr.write(badInputLine(error))
  return EXIT_BAD_INPUT
}

const io = { out: (text: string) => process.stdout.write(text), err: (text: string) => process.stderr.write(text) }

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

  if (command.command !== 'diagnose') {
    // Every input is checked before anything runs: a bad one exits 2 with nothing executed.
    const prepared = await prepareDnsCommand(command)
    if (!prepared.ok) return badInput(prepared)
    return runDnsCommand(command, prepared.servers, createCliDnsService(io), io)
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
  await recoverForCli(createCliDnsService(io), io)

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
    process.stderr.write(`netmend: internal error: ${oneLine((error as Error).message)}\n`)
    if (process.env.NETMEND_DEBUG) process.stderr.write(`${(error as Error).stack}\n`)
    process.exitCode = EXIT_PROBLEM_FOUND
  },
)
