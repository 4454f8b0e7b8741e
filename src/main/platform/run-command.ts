import { execFile, type ExecFileException } from 'node:child_process'

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
  options?: { timeoutMs?: number; signal?: AbortSignal },
) => Promise<CommandOutput>

export const DEFAULT_COMMAND_TIMEOUT_MS = 3000
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024
const MACOS_SYSTEM_TOOL_DIRS = ['/usr/sbin', '/sbin']

export function commandEnvironment(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
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
    try {
      execFile(
        file,
        [...args],
        {
          encoding: 'utf8',
          shell: false,
          windowsHide: true,
          timeout: options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
          maxBuffer: MAX_OUTPUT_BYTES,
          signal: options.signal,
          env: commandEnvironment(process.platform, process.env),
        },
        (error, stdout, stderr) => {
          if (error === null) {
            resolve({ ok: true, stdout, stderr, code: 0 })
            return
          }
          const code = typeof error.code === 'number' ? error.code : null
          resolve({ ok: false, stdout: stdout ?? '', stderr: stderr ?? '', code, error: classifyFailure(error) })
        },
      )
    } catch {
      // execFile throws synchronously on invalid arguments (e.g. a NUL byte); callers still get a value.
      resolve({ ok: false, stdout: '', stderr: '', code: null, error: 'failed' })
    }
  })
