// A read the diagnosis gave up on must not keep the CLI alive. Local Node processes only; no network.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommand } from '../../../src/main/platform/run-command'
import { settlesBefore } from '../support/order'

const node = process.execPath
let dir = ''
let bundle = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netmend-run-'))
  bundle = join(dir, 'run-command.mjs')
  await build({ entryPoints: ['src/main/platform/run-command.ts'], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' })
})

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true })
})

// How long the abandoned command runs: the bound the "exits while it still runs" test derives from. Long, so
// that a Node process starting slowly on a busy machine is still far inside it.
const COMMAND_MS = 20_000

/** Milliseconds until a Node process exits that starts a COMMAND_MS command and then gives up on it. */
function exitAfterAbandoning(background: boolean, timeoutMs: number): Promise<number> {
  const script = [
    `const { runCommand } = await import(${JSON.stringify(`file://${bundle}`)})`,
    `void runCommand(process.execPath, ['-e', 'setTimeout(() => {}, ${COMMAND_MS})'], { background: ${background}, timeoutMs: ${timeoutMs} })`,
  ].join('\n')
  const started = performance.now()
  return new Promise((resolve, reject) => {
    execFile(node, ['--input-type=module', '-e', script], { timeout: 2 * COMMAND_MS }, (error) => (error ? reject(error) : resolve(performance.now() - started)))
  })
}

describe('runCommand in the background', { timeout: 3 * COMMAND_MS }, () => {
  it('lets the process exit while the abandoned command still runs', async () => {
    expect(await exitAfterAbandoning(true, 2 * COMMAND_MS)).toBeLessThan(COMMAND_MS)
  })

  it('is needed: an ordinary command holds the process until its timeout', async () => {
    // Timers never fire early: the process cannot exit before the command's 2 s timeout.
    expect(await exitAfterAbandoning(false, 2000)).toBeGreaterThanOrEqual(1900)
  })

  it('still kills a command that outlives its timeout, and says so', async () => {
    const keepAlive = setInterval(() => {}, 1000) // whoever waits keeps the process alive
    try {
      const running = runCommand(node, ['-e', 'setTimeout(() => {}, 10000)'], { background: true, timeoutMs: 200 })
      expect(await settlesBefore(running, 10_000)).toBe(true)
      expect(await running).toMatchObject({ ok: false, error: 'timeout' })
    } finally {
      clearInterval(keepAlive)
    }
  })

  it('returns output and aborts like an ordinary command', async () => {
    expect(await runCommand(node, ['-e', 'process.stdout.write("out")'], { background: true })).toEqual({ ok: true, stdout: 'out', stderr: '', code: 0 })
    const controller = new AbortController()
    const pending = runCommand(node, ['-e', 'setTimeout(() => {}, 10000)'], { background: true, signal: controller.signal })
    setTimeout(() => controller.abort(), 100)
    expect(await pending).toMatchObject({ ok: false, error: 'aborted' })
  })
})
