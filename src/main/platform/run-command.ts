import { execFile, type ExecFileException } from 'node:child_process'
import type { Socket } from 'node:net'

export interface CommandOutput {
  ok: boolean
  stdout: string
  stderr: string
  code: number | null
  error?: 'not-found' | 'timeout' | 'aborted' | 'failed'
}

export type CommandRunner = (
  file: string,
  args: readonly string[],
  options?: CommandOptions,
) => Promise<CommandOutput>

export interface CommandOptions {
  timeoutMs?: number
  signal?: AbortSignal
  /**
   * The command alone must not keep the process alive: a read that was given up on (a slow PowerShell after
   * its check timed out) then cannot hold the CLI open. Whoever awaits it must keep the process alive itself.
   */
  background?: boolean
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 3000
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024
const MACOS_SYSTEM_TOOL_DIRS = ['/usr/sbin', '/sbin']

/** What a process running as root looks programs up in: the system's own folders, never an inherited PATH. */
export const ROOT_PATH = '/usr/sbin:/usr/bin:/sbin:/bin'

export function commandEnvironment(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, isRoot = process.getuid?.() === 0): NodeJS.ProcessEnv {
  // As root, a folder on an inherited PATH that an ordinary account can write would run its programs as root.
  if (isRoot && platform !== 'win32') return { ...env, PATH: ROOT_PATH }
  if (platform !== 'darwin') return env
  // Apps started from Finder or the Dock get launchd's minimal PATH, which can miss the sbin
  // directories that hold scutil, netstat and route.
  const path = [...MACOS_SYSTEM_TOOL_DIRS, ...(env.PATH ?? '').split(':').filter((dir) => dir !== '')]
  return { ...env, PATH: [...new Set(path)].join(':') }
}

function classifyFailure(error: ExecFileException): NonNullable<CommandOutput['error']> {
  if (error.name === 'AbortError' || error.code === 'ABORT_ERR') return 'aborted'
  if (error.code === 'ENOENT') return 'not-found'
  // Node also kills the child when maxBuffer overflows; only a kill without that code is our timeout.
  if (error.killed === true && error.code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return 'timeout'
  return 'failed'
}

export const runCommand: CommandRunner = (file, args, options = {}) =>
  new Promise<CommandOutput>((resolve) => {
    const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS
    // execFile's own kill timer is referenced, so a background command gets an unreferenced one of ours.
    let backgroundTimer: NodeJS.Timeout | undefined
    let timedOut = false
    try {
      const child = execFile(
        file,
        [...args],
        {
          encoding: 'utf8',
          shell: false,
          windowsHide: true,
          timeout: options.background ? 0 : timeoutMs,
          maxBuffer: MAX_OUTPUT_BYTES,
          signal: options.signal,
          env: commandEnvironment(process.platform, process.env),
        },
        (error, stdout, stderr) => {
          clearTimeout(backgroundTimer)
          if (error === null) {
            resolve({ ok: true, stdout, stderr, code: 0 })
            return
          }
          const code = typeof error.code === 'number' ? error.code : null
          resolve({ ok: false, stdout: stdout ?? '', stderr: stderr ?? '', code, error: timedOut ? 'timeout' : classifyFailure(error) })
        },
      )
      if (options.background) {
        backgroundTimer = setTimeout(() => {
          timedOut = true
          child.kill()
        }, timeoutMs)
        backgroundTimer.unref()
        child.unref()
        for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as Socket | null)?.unref?.()
      }
    } catch {
      // execFile throws synchronously on invalid arguments (e.g. a NUL byte); callers still get a value.
      resolve({ ok: false, stdout: '', stderr: '', code: null, error: 'failed' })
    }
  })

/** A command's standard output when it succeeded; undefined when it failed, was missing, or its runner threw. */
export async function stdoutOf(run: CommandRunner, file: string, args: readonly string[]): Promise<string | undefined> {
  try {
    const output = await run(file, args)
    return output.ok ? output.stdout : undefined
  } catch {
    return undefined
  }
}
