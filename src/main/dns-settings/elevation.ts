// Runs the steps of a change with admin rights. Every step passes privilegedStepProblem() first, and every
// program is found by the privileged side itself (privilegedProgram(): system folders, never PATH or the
// environment). As root / an elevated Windows process the steps run directly (argv, never a shell).
// Otherwise the whole batch becomes ONE fixed script, passed inline to the system's own password prompt
// (elevation-runners.ts): file contents and stdin travel inside it as validated base64, and which file is
// written is decided inside it (root's realpath of /etc/resolv.conf, checked against RESOLV_CONF_TARGETS).
// Root never reads or runs a file an ordinary account could write. Nothing stays running.
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { realpath } from 'node:fs/promises'
import { failure, type Result } from '../../shared/result'
import { replaceSystemFile } from '../platform/durable-file'
import { commandEnvironment, type CommandRunner } from '../platform/run-command'
import { STEP_FAILED, systemElevationRunner, type ElevationRunner } from './elevation-runners'
import {
  decodePowerShell,
  defaultProgramSeams,
  isAllowedPowerShellScript,
  privilegedProgram,
  privilegedStepProblem,
  RESOLV_CONF,
  RESOLV_CONF_TARGETS,
  type ProgramSeams,
} from './privileged-commands'
import { endsInsideLine, resolvConfPadding } from './resolv-conf-grammar'
import type { DnsSettingsErrorCode, Step } from './types'

export interface StepExecutorOptions extends ProgramSeams {
  platform: NodeJS.Platform
  run: CommandRunner
  /** True when this process already has admin rights (root; an elevated Windows process). */
  isElevated: () => Promise<boolean>
  /** Asks for admin rights and runs one script (default: the system's own prompt, elevation-runners.ts). */
  elevate?: ElevationRunner
  // Test seams for the root path: how /etc/resolv.conf is resolved and how the file is written. Which
  // file may be written (RESOLV_CONF → RESOLV_CONF_TARGETS) is fixed and checked here whatever they do.
  realPath?: (file: string) => Promise<string>
  writeSystemFile?: (file: string, data: Buffer) => Promise<unknown>
}

export type ExecuteResult = Result<{ elevatedWith: 'direct' | 'prompt' | 'none' }, DnsSettingsErrorCode>

const PRIVILEGED_TIMEOUT_MS = 60_000
/** The coreutils the elevated shell uses, found like every other program (root-only.ts). */
const SHELL_TOOLS = ['realpath', 'printf', 'base64', 'sha256sum', 'chmod', 'chown', 'sync', 'mv', 'stat', 'head', 'tr', 'dd', 'truncate', 'rm'] as const
type ShellTools = Record<(typeof SHELL_TOOLS)[number], string>

/** POSIX single quotes; validated arguments never contain one, but quoting stays correct if they did. */
export function shellQuote(argument: string): string {
  return `'${argument.replace(/'/g, `'\\''`)}'`
}

/**
 * The elevated shell that writes `data` as the new resolv.conf (a subshell; exit 0 when written). Root
 * itself resolves /etc/resolv.conf and refuses a target outside RESOLV_CONF_TARGETS. The bytes come from
 * the script itself into a new file next to the target (noclobber: O_EXCL, umask 077) and are refused
 * unless their sha256 matches; the file takes the target's mode and owner, is synced and renamed over the
 * target, and the folder is synced. Where the rename fails (a bind-mounted resolv.conf: EBUSY) the target is
 * rewritten in place with ONE write covering all of it — padded with a '#' comment when the new bytes are
 * shorter (resolvConfPadding) — and then trimmed, so at every instant it holds the old or the new
 * contents. A failure removes the new file.
 */
export function resolvConfWriteScript(data: Buffer, tools: ShellTools, suffix = randomBytes(6).toString('hex')): string {
  const q = shellQuote
  const t = (name: keyof ShellTools): string => q(tools[name])
  const sha256 = createHash('sha256').update(data).digest('hex')
  const length = data.length
  // As resolvConfPadding(): a line break first when the new bytes end inside a line, then '#' up to the old length.
  const lineBreak = endsInsideLine(data) ? 1 : 0
  const targets = RESOLV_CONF_TARGETS.map(q).join('|')
  const cleanUp = `${t('rm')} -f -- "$new"`
  return `( set -C; umask 077; ${[
    `target=$(${t('realpath')} -e -- ${q(RESOLV_CONF)}) || exit 1`,
    `case "$target" in ${targets}) ;; *) echo "netmend: ${RESOLV_CONF} leads to $target, which NetMend does not write" >&2; exit 1 ;; esac`,
    `new="\${target%/*}/.netmend-${suffix}"`,
    `${t('printf')} '%s' ${q(data.toString('base64'))} | ${t('base64')} -d > "$new" || exit 1`,
    `if [ "$(${t('sha256sum')} < "$new")" != ${q(`${sha256}  -`)} ]; then ${cleanUp}; exit 1; fi`,
    `{ ${t('chmod')} --reference="$target" -- "$new" && ${t('chown')} --reference="$target" -- "$new" && ${t('sync')} -- "$new"; } || { ${cleanUp}; exit 1; }`,
    `if ${t('mv')} -fT -- "$new" "$target" 2>/dev/null; then ${t('sync')} -- "\${target%/*}"; exit 0; fi`,
    `old=$(${t('stat')} -c %s -- "$target") || { ${cleanUp}; exit 1; }`,
    `if [ "$old" -gt ${length} ]; then { ${lineBreak === 1 ? `${t('printf')} '\\n'; ` : ''}${t('head')} -c $((old - ${length + lineBreak})) /dev/zero | ${t('tr')} '\\0' '#'; } >> "$new" || { ${cleanUp}; exit 1; }; fi`,
    `size=$old; [ "$size" -ge ${length} ] || size=${length}`,
    `${t('dd')} if="$new" of="$target" bs="$size" count=1 iflag=fullblock conv=notrunc,fsync status=none && ${t('truncate')} -s ${length} -- "$target" && ${t('sync')} -- "$target"; written=$?`,
    cleanUp,
    'exit $written',
  ].join('; ')} )`
}

/** Runs a file with stdin, no shell (CommandRunner has no stdin). */
function runWithInput(file: string, args: readonly string[], input: string): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, [...args], {
      shell: false,
      stdio: ['pipe', 'ignore', 'pipe'],
      windowsHide: true,
      timeout: PRIVILEGED_TIMEOUT_MS,
      env: commandEnvironment(process.platform, process.env),
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.stdin.on('error', () => undefined)
    child.stdin.end(input)
    child.on('error', (error) => resolve({ ok: false, detail: `${file}: ${error.message}` }))
    child.on('close', (code) => resolve({ ok: code === 0, detail: `${file}: exit ${code} ${stderr.trim()}`.trim() }))
  })
}

type Refused = { refused: string }
const refusedWith = (why: string): Refused => ({ refused: why })

export interface StepExecutor {
  execute(steps: readonly Step[]): Promise<ExecuteResult>
  /** Whether a change would ask for the admin password first (no: this process already has the rights). */
  needsPrompt(): Promise<boolean>
}

export function createStepExecutor(options: StepExecutorOptions): StepExecutor {
  const { platform } = options
  const seams: Required<ProgramSeams> = {
    locateTool: options.locateTool ?? defaultProgramSeams.locateTool,
    systemRoot: options.systemRoot ?? defaultProgramSeams.systemRoot,
  }
  const writeSystemFile = options.writeSystemFile ?? ((file: string, data: Buffer) => replaceSystemFile(file, data, resolvConfPadding))
  const elevate = options.elevate ?? systemElevationRunner(platform, options.run, seams.locateTool)
  const realPath = options.realPath ?? ((file: string) => realpath(file))

  /** Every program the steps run, as the privileged side finds it. */
  async function programsOf(steps: readonly Step[]): Promise<Map<string, string> | Refused> {
    const programs = new Map<string, string>()
    for (const step of steps) {
      if (step.kind !== 'run' || programs.has(step.file)) continue
      const program = await privilegedProgram(step.file, platform, seams)
      if (program === undefined) return refusedWith(`${step.file} was not found among the system's own programs`)
      programs.set(step.file, program)
    }
    return programs
  }

  async function writeResolvConfDirectly(data: Buffer): Promise<ExecuteResult> {
    let target: string
    try {
      target = await realPath(RESOLV_CONF)
    } catch (error) {
      return failure('dns-settings.apply-failed', `${RESOLV_CONF}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`)
    }
    if (!RESOLV_CONF_TARGETS.includes(target)) return failure('dns-settings.refused', `${RESOLV_CONF} leads to ${target}, which NetMend does not write`)
    try {
      await writeSystemFile(target, data)
    } catch (error) {
      return failure('dns-settings.apply-failed', `${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
    return { ok: true, elevatedWith: 'direct' }
  }

  async function runDirectly(steps: readonly Step[], programs: Map<string, string>): Promise<ExecuteResult> {
    for (const step of steps) {
      if (step.kind === 'write-resolv-conf') {
        const written = await writeResolvConfDirectly(Buffer.from(step.content, 'base64'))
        if (!written.ok) return written
        continue
      }
      const program = programs.get(step.file) ?? step.file
      if (step.input !== undefined) {
        const outcome = await runWithInput(program, step.args, step.input)
        if (!outcome.ok) return failure('dns-settings.apply-failed', outcome.detail)
        continue
      }
      const output = await options.run(program, step.args, { timeoutMs: PRIVILEGED_TIMEOUT_MS }).catch(() => undefined)
      if (output === undefined || !output.ok) {
        const why = output === undefined ? 'failed' : `${output.error ?? 'failed'}${output.code === null ? '' : ` (exit ${output.code})`} ${output.stderr.trim()}`
        return failure('dns-settings.apply-failed', `${step.file} ${step.args[0] ?? ''}: ${why}`.trim())
      }
    }
    return { ok: true, elevatedWith: 'direct' }
  }

  /** The coreutils a Linux script needs; macOS scripts only run fixed programs. */
  async function shellTools(): Promise<ShellTools | Refused> {
    const tools: Partial<ShellTools> = {}
    for (const name of platform === 'linux' ? SHELL_TOOLS : []) {
      const found = await seams.locateTool(name)
      if (found === undefined) return refusedWith(`${name} was not found among the system's own programs`)
      tools[name] = found
    }
    return tools as ShellTools
  }

  /** Linux and macOS: one POSIX shell script; exit 0 when every step worked, STEP_FAILED otherwise. */
  async function shellScript(steps: readonly Step[], programs: Map<string, string>): Promise<string | Refused> {
    const tools = await shellTools()
    if ('refused' in tools) return tools
    const parts = steps.map((step) => {
      if (step.kind === 'write-resolv-conf') return resolvConfWriteScript(Buffer.from(step.content, 'base64'), tools)
      const line = [programs.get(step.file) ?? step.file, ...step.args].map(shellQuote).join(' ')
      // Only resolvconf on Linux takes input (privilegedStepProblem).
      if (step.input === undefined) return line
      return `${shellQuote(tools.printf)} '%s' ${shellQuote(Buffer.from(step.input, 'utf8').toString('base64'))} | ${shellQuote(tools.base64)} -d | ${line}`
    })
    return `if ${parts.join(' && ')}; then exit 0; fi; exit ${STEP_FAILED}`
  }

  /** Windows: the statements of every step as one script, for one prompt; checked again as a whole. */
  function powerShellScript(steps: readonly Step[]): string | Refused {
    const statements = steps.flatMap((step) => (step.kind === 'run' ? decodePowerShell(step.args[3] ?? '').split('; ').slice(1) : []))
    const script = ["$ErrorActionPreference = 'Stop'", ...statements].join('; ')
    return isAllowedPowerShellScript(script) ? script : refusedWith('the PowerShell statements do not combine into an allowed script')
  }

  async function execute(steps: readonly Step[]): Promise<ExecuteResult> {
    if (steps.length === 0) return { ok: true, elevatedWith: 'none' }
    for (const step of steps) {
      const problem = privilegedStepProblem(step, platform)
      if (problem !== undefined) return failure('dns-settings.refused', problem)
    }
    const programs = await programsOf(steps)
    if ('refused' in programs) return failure('dns-settings.refused', programs.refused)
    if (await options.isElevated()) return runDirectly(steps, programs)
    const script = platform === 'win32' ? powerShellScript(steps) : await shellScript(steps, programs)
    if (typeof script !== 'string') return failure('dns-settings.refused', script.refused)
    const outcome = await elevate(script)
    if (outcome.ok) return { ok: true, elevatedWith: 'prompt' }
    if (outcome.reason === 'declined') return failure('dns-settings.elevation-declined', outcome.detail)
    if (outcome.reason === 'unavailable') return failure('dns-settings.elevation-unavailable', outcome.detail)
    return failure('dns-settings.apply-failed', outcome.detail)
  }

  return { execute, needsPrompt: async () => !(await options.isElevated()) }
}
