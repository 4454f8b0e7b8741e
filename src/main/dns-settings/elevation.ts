// Runs the steps of a change. As root/admin they run directly (argv, never a shell). Otherwise the whole
// batch goes through ONE @vscode/sudo-prompt dialog as a fixed command line whose every argument passed
// privilegedStepProblem() first and is single-quoted besides. Root never reads a file a user could write:
// file contents and stdin travel inside the command line as validated base64 (see elevatedWrite()), so
// nothing can be swapped between the password prompt and the write. Nothing stays running.
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { failure, type Result } from '../../shared/result'
import type { CommandRunner } from '../platform/run-command'
import { replaceSystemFile } from '../platform/durable-file'
import { isPrivilegedFilePath, privilegedStepProblem } from './privileged-commands'
import type { DnsSettingsErrorCode, Step } from './types'

export type SudoOutcome = { ok: true; stdout: string } | { ok: false; reason: 'declined' | 'unavailable' | 'failed'; detail: string }
/** Runs one command line with admin rights after asking the user; @vscode/sudo-prompt in production. */
export type SudoRunner = (command: string) => Promise<SudoOutcome>

export interface StepExecutorOptions {
  platform: NodeJS.Platform
  run: CommandRunner
  /** True when this process already has admin rights (root; an elevated Windows process). */
  isElevated: () => Promise<boolean>
  /** Resolves symlinks of a file to write elevated (default fs.realpath): a symlink stays a symlink. */
  realPath?: (file: string) => Promise<string>
  sudo?: SudoRunner
  writeSystemFile?: (file: string, data: Buffer) => Promise<unknown>
}

export type ExecuteResult = Result<{ elevatedWith: 'direct' | 'prompt' | 'none' }, DnsSettingsErrorCode>

const PRIVILEGED_TIMEOUT_MS = 60_000
const SUDO_PROMPT_DECLINED = 'User did not grant permission.'
const SUDO_PROMPT_NO_AGENT = 'No polkit authentication agent found.'

/** POSIX single quotes; validated arguments never contain one, but quoting stays correct if they did. */
export function shellQuote(argument: string): string {
  return `'${argument.replace(/'/g, `'\\''`)}'`
}

function windowsQuote(argument: string): string {
  return /^[A-Za-z0-9_./:=+\\-]+$/.test(argument) ? argument : `"${argument}"`
}

/**
 * The elevated shell for writing `data` to `target` (its real path, no symlinks), for sudo-prompt's
 * `bash -c "…"`: nothing in it means anything inside double quotes (no $, `, \, "). Root decodes the bytes
 * from the command line itself into a new file next to the target (noclobber: O_EXCL, umask 077), refuses
 * them unless their sha256 matches, copies the target's mode and owner, fsyncs, and renames over the
 * target, then fsyncs the folder. Only where the rename fails (a bind-mounted resolv.conf: EBUSY) it
 * rewrites the target in place (write, then truncate, then fsync). A failure removes the new file.
 */
export function elevatedWrite(target: string, data: Buffer, suffix = randomBytes(6).toString('hex')): string {
  const q = shellQuote
  const directory = path.posix.dirname(target)
  const temporary = path.posix.join(directory, `.${path.posix.basename(target)}.netmend-${suffix}`)
  const sha256 = createHash('sha256').update(data).digest('hex')
  const write = [
    `${q('/usr/bin/printf')} '%s' ${q(data.toString('base64'))} | ${q('/usr/bin/base64')} '-d' > ${q(temporary)}`,
    `echo ${q(`${sha256}  ${temporary}`)} | ${q('/usr/bin/sha256sum')} '--check' '--status'`,
    [`/bin/chmod`, `--reference=${target}`, temporary].map(q).join(' '),
    [`/bin/chown`, `--reference=${target}`, temporary].map(q).join(' '),
    [`/bin/sync`, temporary].map(q).join(' '),
    `{ ${['/bin/mv', '-fT', temporary, target].map(q).join(' ')} || { ${[
      ['/bin/dd', `if=${temporary}`, `of=${target}`, 'conv=notrunc,fsync', 'status=none'],
      ['/usr/bin/truncate', `--reference=${temporary}`, target],
      ['/bin/sync', target],
      ['/bin/rm', '-f', temporary],
    ]
      .map((argv) => argv.map(q).join(' '))
      .join(' && ')}; }; }`,
    [`/bin/sync`, directory].map(q).join(' '),
  ].join(' && ')
  return `( set -C && umask 077 && { { ${write}; } || { ${['/bin/rm', '-f', temporary].map(q).join(' ')}; false; }; } )`
}

export const sudoPromptRunner: SudoRunner = async (command) => {
  const sudo = await import('@vscode/sudo-prompt')
  return new Promise<SudoOutcome>((resolve) => {
    sudo.exec(command, { name: 'NetMend' }, (error, stdout, stderr) => {
      if (error === undefined || error === null) {
        resolve({ ok: true, stdout: String(stdout ?? '') })
        return
      }
      if (error.message === SUDO_PROMPT_DECLINED) resolve({ ok: false, reason: 'declined', detail: error.message })
      else if (error.message === SUDO_PROMPT_NO_AGENT) resolve({ ok: false, reason: 'unavailable', detail: error.message })
      else resolve({ ok: false, reason: 'failed', detail: `${error.message} ${String(stderr ?? '')}`.trim() })
    })
  })
}

/** Runs a file with stdin, no shell (CommandRunner has no stdin). */
function runWithInput(file: string, args: readonly string[], input: string): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, [...args], { shell: false, stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true, timeout: PRIVILEGED_TIMEOUT_MS })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.stdin.on('error', () => undefined)
    child.stdin.end(input)
    child.on('error', (error) => resolve({ ok: false, detail: `${file}: ${error.message}` }))
    child.on('close', (code) => resolve({ ok: code === 0, detail: `${file}: exit ${code} ${stderr.trim()}`.trim() }))
  })
}

export interface StepExecutor {
  execute(steps: readonly Step[]): Promise<ExecuteResult>
  /** Whether a change would ask for the admin password first (no: this process already has the rights). */
  needsPrompt(): Promise<boolean>
}

export function createStepExecutor(options: StepExecutorOptions): StepExecutor {
  const writeSystemFile = options.writeSystemFile ?? replaceSystemFile
  const sudo = options.sudo ?? sudoPromptRunner
  const realPath = options.realPath ?? ((file: string) => realpath(file))

  async function runDirectly(steps: readonly Step[]): Promise<ExecuteResult> {
    for (const step of steps) {
      if (step.kind === 'write-file') {
        try {
          await writeSystemFile(step.path, Buffer.from(step.content, 'base64'))
        } catch (error) {
          return failure('dns-settings.apply-failed', `${step.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
        }
        continue
      }
      if (step.input !== undefined) {
        const outcome = await runWithInput(step.file, step.args, step.input)
        if (!outcome.ok) return failure('dns-settings.apply-failed', outcome.detail)
        continue
      }
      const output = await options.run(step.file, step.args, { timeoutMs: PRIVILEGED_TIMEOUT_MS }).catch(() => undefined)
      if (output === undefined || !output.ok) {
        const why = output === undefined ? 'failed' : `${output.error ?? 'failed'}${output.code === null ? '' : ` (exit ${output.code})`} ${output.stderr.trim()}`
        return failure('dns-settings.apply-failed', `${step.file} ${step.args[0] ?? ''}: ${why}`.trim())
      }
    }
    return { ok: true, elevatedWith: 'direct' }
  }

  /** The one command line the prompt runs. */
  async function commandLine(steps: readonly Step[]): Promise<string> {
    const parts: string[] = []
    for (const step of steps) {
      if (options.platform === 'win32') {
        if (step.kind !== 'run' || step.input !== undefined) throw new Error('only commands run elevated on Windows')
        parts.push([step.file, ...step.args].map(windowsQuote).join(' '))
        continue
      }
      if (step.kind === 'write-file') {
        // Only Linux writes files (resolv.conf), and the shell above needs GNU coreutils.
        if (options.platform !== 'linux') throw new Error('files are written elevated only on Linux')
        // The target's real path (symlinks in /etc are root's; reading them needs no rights).
        const target = await realPath(step.path)
        if (!isPrivilegedFilePath(target)) throw new Error(`refused file ${JSON.stringify(target)}`)
        parts.push(elevatedWrite(target, Buffer.from(step.content, 'base64')))
        continue
      }
      const line = [step.file, ...step.args].map(shellQuote).join(' ')
      if (step.input === undefined) {
        parts.push(line)
        continue
      }
      const input = Buffer.from(step.input, 'utf8').toString('base64')
      parts.push(`${shellQuote('/usr/bin/printf')} '%s' ${shellQuote(input)} | ${shellQuote('/usr/bin/base64')} '-d' | ${line}`)
    }
    // cmd.exe (Windows, inside sudo-prompt's batch file) and sh both stop at the first failing step.
    return parts.join(' && ')
  }

  async function execute(steps: readonly Step[]): Promise<ExecuteResult> {
    if (steps.length === 0) return { ok: true, elevatedWith: 'none' }
    for (const step of steps) {
      const problem = privilegedStepProblem(step)
      if (problem !== undefined) return failure('dns-settings.unsafe-name', problem)
    }
    if (await options.isElevated()) return runDirectly(steps)
    let command: string
    try {
      command = await commandLine(steps)
    } catch (error) {
      return failure('dns-settings.apply-failed', (error as Error).message)
    }
    const outcome = await sudo(command)
    if (outcome.ok) return { ok: true, elevatedWith: 'prompt' }
    if (outcome.reason === 'declined') return failure('dns-settings.elevation-declined', outcome.detail)
    if (outcome.reason === 'unavailable') return failure('dns-settings.elevation-unavailable', outcome.detail)
    return failure('dns-settings.apply-failed', outcome.detail)
  }

  return { execute, needsPrompt: async () => !(await options.isElevated()) }
}
