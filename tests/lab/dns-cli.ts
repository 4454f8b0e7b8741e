// The real `netmend dns` CLI inside a lab world's client namespace, where /etc/resolv.conf is the world's own
// file (bind-mounted by `ip netns exec`) and NetMend's data folder is inside the world's temp dir.
import { spawn } from 'node:child_process'
import { labPath } from './availability'
import { CLI_BUNDLE } from './diagnose-in-world'
import { LAB, type ExecResult, type World } from './lab'

/** A hand-written file: comments of both kinds, search, options, sortlist, a blank line, two servers. */
export const ORIGINAL = `# Written by hand for the NetMend lab world.
; Every line but the nameservers must survive a switch and a revert, byte for byte.
search ${LAB.searchDomain} corp.example

nameserver ${LAB.ispResolver}
nameserver ${LAB.quad9}
options timeout:1 attempts:1 ndots:1
sortlist 192.0.2.0/255.255.255.0
# trailing comment
`

/** Runs the CLI in the client namespace with `dataDir` as its data folder. */
export function netmendIn(world: World, dataDir: string) {
  return (args: string[], env: Record<string, string> = {}): Promise<ExecResult> =>
    world.exec(['node', CLI_BUNDLE, ...args], { env: { NETMEND_DATA_DIR: dataDir, ...env }, timeoutMs: 30_000 })
}

/** Starts the CLI, waits until it says it paused at `step`, and kill -9s it there (and collects it). */
export async function killAt(world: World, dataDir: string, step: string, args: string[]): Promise<void> {
  const child = spawn('ip', ['netns', 'exec', world.clientNs, 'node', CLI_BUNDLE, ...args], {
    env: { ...process.env, PATH: labPath(), NETMEND_DATA_DIR: dataDir, NETMEND_TEST_PAUSE_AT: step },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  let stderr = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`never paused at ${step}: ${stderr}`)), 20_000)
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      if (stderr.includes(`test pause at ${step}`)) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on('exit', () => {
      clearTimeout(timer)
      reject(new Error(`exited before pausing at ${step}: ${stderr}`))
    })
  })
  // `ip netns exec` execs node in place, so this pid is the CLI itself.
  child.kill('SIGKILL')
  const { signal } = await exited
  if (signal !== 'SIGKILL') throw new Error(`the CLI paused at ${step} ended by itself (${signal})`)
}
