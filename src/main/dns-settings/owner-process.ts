// Who owns a change or the lock, and whether that process can still act. A process that was killed but
// has not finished dying, or that is dead and only waits for its parent to collect it (a zombie: kill(pid, 0)
// still succeeds on it), can never touch the settings again: it counts as gone.
//
// Why the process's own state and not a lock the kernel releases: Node offers no flock()/fcntl() locks, and
// even such a lock stays held from the moment kill(SIGKILL) returns until the victim is scheduled to exit.
// The state does not have that gap on Linux: kill() itself marks SIGKILL pending before it returns, and that
// mark stays until the zombie is collected, after which the pid is gone or somebody else's (start time).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'

export interface ProcessIdentity {
  pid: number
  /**
   * When the machine booted (seconds since the epoch), computed from the clock and the uptime: it moves
   * when the clock is set, so it only decides where there is no bootId (Windows, older journals).
   */
  bootTime: number
  /** This boot's own id (Linux: /proc/sys/kernel/random/boot_id; macOS: kern.boottime): a pid from another boot is somebody else. */
  bootId?: string
  /** When the process started, in clock ticks since boot (Linux /proc/PID/stat): a reused pid is somebody else. */
  startTicks?: number
}

/** alive: can still act; dying: killed or exiting, or a zombie; gone: no such process. */
export type ProcessState = 'alive' | 'dying' | 'gone'

export interface ProcessObservation {
  state: ProcessState
  startTicks?: number
}

/** Where a process's identity and state come from; the real system unless a test says otherwise. */
export interface IdentitySource {
  bootId(): string | undefined
  /** When `pid` started (Linux), to tell it from a later process given the same pid. */
  startTicks(pid: number): number | undefined
  /** Whether `pid` can still act, with its start time read in the same look where the system gives it. */
  observe(pid: number): ProcessObservation
}

function readBootId(): string | undefined {
  try {
    if (process.platform === 'linux') {
      const id = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
      return /^[0-9a-f-]{36}$/.test(id) ? id : undefined
    }
    if (process.platform === 'darwin') {
      // "{ sec = 1700000000, usec = 123456 } Tue Nov 14 …": set once at boot.
      const text = execFileSync('/usr/sbin/sysctl', ['-n', 'kern.boottime'], { encoding: 'utf8', timeout: 2000 })
      const match = /sec = (\d+), usec = (\d+)/.exec(text)
      return match === null ? undefined : `${match[1]}.${match[2]}`
    }
  } catch {
    // no /proc, no sysctl: fall back to the computed boot time
  }
  return undefined
}

/** PF_EXITING in /proc/PID/stat's flags: the process has begun to exit. */
const PF_EXITING = 0x4
const SIGKILL_BIT = 1n << 8n

/**
 * /proc/PID/stat: the state letter (field 3), the flags (field 9) and the start time in clock ticks
 * (field 22), read after the parenthesised name, which may itself hold spaces or parentheses.
 */
export function parseProcStat(stat: string): { state: string; flags: number; startTicks: number } | undefined {
  const close = stat.lastIndexOf(')')
  if (close === -1) return undefined
  const fields = stat.slice(close + 2).split(' ')
  const [state, flags, startTicks] = [fields[0] ?? '', Number(fields[6]), Number(fields[19])]
  if (!/^[A-Za-z]$/.test(state) || !Number.isSafeInteger(flags) || !Number.isSafeInteger(startTicks)) return undefined
  return { state, flags, startTicks }
}

/** Whether /proc/PID/status shows SIGKILL pending, for the process (ShdPnd) or its main thread (SigPnd). */
export function killPending(status: string): boolean {
  return status.split('\n').some((line) => {
    const match = /^(?:SigPnd|ShdPnd):\s*([0-9a-fA-F]{1,16})\s*$/.exec(line)
    return match !== null && (BigInt(`0x${match[1]}`) & SIGKILL_BIT) !== 0n
  })
}

/**
 * A Linux process from its status and stat files. `status` must have been read first: a pid collected
 * and reused in between then shows as another start time, never as a live owner.
 */
export function linuxProcessState(status: string, stat: string): ProcessObservation {
  const parsed = parseProcStat(stat)
  if (parsed === undefined) return { state: 'gone' }
  // Z zombie, X/x dead; PF_EXITING or a pending SIGKILL: it will never run its own code again.
  const dying = /^[ZXx]$/.test(parsed.state) || (parsed.flags & PF_EXITING) !== 0 || killPending(status)
  return { state: dying ? 'dying' : 'alive', startTicks: parsed.startTicks }
}

/**
 * macOS `ps -o stat= -p PID`: the first letter is the state (Z: zombie), the rest are flags (E: trying to
 * exit). No output: no such process.
 */
export function macProcessState(psOutput: string): ProcessState {
  const stat = psOutput.trim()
  if (stat === '') return 'gone'
  return stat.startsWith('Z') || stat.slice(1).includes('E') ? 'dying' : 'alive'
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code
}

/**
 * kill(pid, 0). On Windows, libuv answers ESRCH for a process that has ended even while handles keep its
 * process object (it checks GetExitCodeProcess and the object's signalled state), so a Windows "zombie" is
 * gone already; Windows shows no state between being terminated and having ended.
 */
function signalZero(pid: number): ProcessState {
  try {
    process.kill(pid, 0)
    return 'alive'
  } catch (error) {
    return errnoOf(error) === 'EPERM' ? 'alive' : 'gone'
  }
}

function observeLinux(pid: number): ProcessObservation {
  let status: string
  let stat: string
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8')
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch (error) {
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ESRCH') return procMounted() ? { state: 'gone' } : { state: signalZero(pid) }
    return { state: signalZero(pid) }
  }
  return linuxProcessState(status, stat)
}

let cachedProcMounted: boolean | undefined
function procMounted(): boolean {
  if (cachedProcMounted === undefined) {
    try {
      readFileSync('/proc/self/stat')
      cachedProcMounted = true
    } catch {
      cachedProcMounted = false
    }
  }
  return cachedProcMounted
}

function observeMac(pid: number): ProcessObservation {
  try {
    return { state: macProcessState(execFileSync('/bin/ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000 })) }
  } catch (error) {
    // ps exits 1 with no output when there is no such process.
    const stdout = (error as { stdout?: string }).stdout
    if ((error as { status?: number }).status === 1 && (stdout ?? '').trim() === '') return { state: 'gone' }
    return { state: signalZero(pid) }
  }
}

function observe(pid: number): ProcessObservation {
  if (process.platform === 'linux') return observeLinux(pid)
  if (process.platform === 'darwin') return observeMac(pid)
  return { state: signalZero(pid) }
}

function readStartTicks(pid: number): number | undefined {
  if (process.platform !== 'linux') return undefined
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.startTicks
  } catch {
    return undefined
  }
}

let cachedBootId: { value: string | undefined } | undefined
export const systemIdentity: IdentitySource = {
  bootId: () => (cachedBootId ??= { value: readBootId() }).value,
  startTicks: readStartTicks,
  observe,
}

const BOOT_TIME_TOLERANCE_S = 10

/** The identity of process `pid` on this boot (its start time where the system tells it). */
export function processIdentity(pid: number, source: IdentitySource = systemIdentity): ProcessIdentity {
  const identity: ProcessIdentity = { pid, bootTime: Math.round(Date.now() / 1000 - os.uptime()) }
  const bootId = source.bootId()
  if (bootId !== undefined) identity.bootId = bootId
  const startTicks = source.startTicks(pid)
  if (startTicks !== undefined) identity.startTicks = startTicks
  return identity
}

export function currentProcess(source: IdentitySource = systemIdentity): ProcessIdentity {
  return processIdentity(process.pid, source)
}

function sameBoot(left: ProcessIdentity, right: ProcessIdentity): boolean {
  if (typeof left.bootId === 'string' && typeof right.bootId === 'string') return left.bootId === right.bootId
  return Math.abs(left.bootTime - right.bootTime) <= BOOT_TIME_TOLERANCE_S
}

export function isSameProcess(left: ProcessIdentity, right: ProcessIdentity): boolean {
  if (left.pid !== right.pid || !sameBoot(left, right)) return false
  return left.startTicks === undefined || right.startTicks === undefined || left.startTicks === right.startTicks
}

/**
 * Whether `owner` can still act: false for a process that died, is dying or is a zombie, one from another
 * boot, or a pid now used by another process.
 */
export function isAlive(owner: ProcessIdentity, self: ProcessIdentity = currentProcess(), source: IdentitySource = systemIdentity): boolean {
  if (!sameBoot(owner, self)) return false
  if (owner.pid === self.pid) return isSameProcess(owner, self)
  const seen = source.observe(owner.pid)
  if (seen.state !== 'alive') return false
  return owner.startTicks === undefined || seen.startTicks === undefined || seen.startTicks === owner.startTicks
}
