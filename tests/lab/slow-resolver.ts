// Starts tests/lab/slow-resolver-server.mjs inside a world's client namespace: a resolver on loopback that holds its
// answers until the test releases them, so a test can act while NetMend is waiting for one.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { labPath } from './availability'
import type { World } from './lab'

const SCRIPT = resolve(process.cwd(), 'tests/lab/slow-resolver-server.mjs')

export interface SlowResolver {
  address: string
  /** Resolves with the next query's announcement ("query example.com from 127.0.0.1"). */
  nextQuery(): Promise<string>
  /** Forgets queries announced so far (a new story starts). */
  forget(): void
  /** Answers what was held and everything after, at once. */
  answerAll(): void
  stop(): void
}

/** A slow resolver at `address` (a loopback address) in the world's client namespace, listening when this resolves. */
export async function startSlowResolver(world: World, address: string): Promise<SlowResolver> {
  const child = spawn('ip', ['netns', 'exec', world.clientNs, process.execPath, SCRIPT, address], {
    env: { ...process.env, PATH: labPath() },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const waiting: ((line: string) => void)[] = []
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  let buffered = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk
    for (let newline = buffered.indexOf('\n'); newline !== -1; newline = buffered.indexOf('\n')) {
      const line = buffered.slice(0, newline)
      buffered = buffered.slice(newline + 1)
      const waiter = waiting.shift()
      if (waiter) waiter(line)
      else lines.push(line)
    }
  })
  const nextLine = (): Promise<string> =>
    new Promise((resolveLine, reject) => {
      const line = lines.shift()
      if (line !== undefined) return resolveLine(line)
      waiting.push(resolveLine)
      child.once('exit', () => reject(new Error(`the slow resolver exited: ${stderr}`)))
    })
  const listening = await nextLine()
  if (!listening.startsWith('listening')) throw new Error(`the slow resolver did not start: ${listening} ${stderr}`)
  return {
    address,
    nextQuery: nextLine,
    forget: () => void lines.splice(0),
    answerAll: () => child.stdin.write('answer\n'),
    stop: () => void child.kill('SIGKILL'),
  }
}
