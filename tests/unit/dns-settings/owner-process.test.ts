// Who owns a change or the lock, and whether that process can still act: told apart by the boot's own id,
// the pid and the process's start time (never by a boot time computed from the clock, which moves when the
// clock is set); a process that was killed, is exiting or is a zombie can never act again.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  currentProcess,
  isAlive,
  isSameProcess,
  killPending,
  linuxProcessState,
  macProcessState,
  parseProcStat,
  processIdentity,
} from '../../../src/main/dns-settings/owner-process'

const linux = process.platform === 'linux'

/** /proc/PID/stat of a process named "we (ird) name" in state `state` with `flags`. */
const stat = (state: string, flags = 4194560): string =>
  `4242 (we (ird) name) ${state} 1 4242 4242 0 -1 ${flags} 100 0 0 0 1 2 0 0 20 0 1 0 987654 12345 67 18446744073709551615`
/** /proc/PID/status with the given pending-signal masks. */
const status = (sigPnd = '0000000000000000', shdPnd = '0000000000000000'): string =>
  `Name:\tnode\nState:\tS (sleeping)\nTgid:\t4242\nPid:\t4242\nSigQ:\t0/31189\nSigPnd:\t${sigPnd}\nShdPnd:\t${shdPnd}\nSigBlk:\t0000000000000000\n`

describe('who a process is', () => {
  it.runIf(linux)("carries the kernel's boot id and the process's start time (Linux)", () => {
    const self = currentProcess()
    expect(self.bootId).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim())
    expect(self.startTicks).toBe(parseProcStat(readFileSync('/proc/self/stat', 'utf8'))?.startTicks)
  })

  it('reads state, flags and start time after a process name holding spaces and parentheses', () => {
    expect(parseProcStat(stat('S'))).toEqual({ state: 'S', flags: 4194560, startTicks: 987654 })
    expect(parseProcStat('4242 (cut')).toBeUndefined()
  })

  it('a clock set forward or back does not make a live owner look like one from before a reboot', () => {
    const self = currentProcess()
    const parent = processIdentity(process.ppid)
    expect(isAlive({ ...parent, bootId: 'boot-1', bootTime: parent.bootTime + 7200 }, { ...self, bootId: 'boot-1' })).toBe(true)
    expect(isSameProcess({ ...self, bootId: 'boot-1', bootTime: self.bootTime - 3600 }, { ...self, bootId: 'boot-1' })).toBe(true)
  })

  it('a pid from another boot is somebody else, even with the same computed boot time', () => {
    const self = { ...currentProcess(), bootId: 'boot-2' }
    expect(isAlive({ ...processIdentity(process.ppid), bootId: 'boot-1' }, self)).toBe(false)
    expect(isSameProcess({ ...self, bootId: 'boot-1' }, self)).toBe(false)
  })

  it.runIf(linux)('a pid now used by another process (another start time) is somebody else', () => {
    const parent = processIdentity(process.ppid)
    expect(isAlive(parent)).toBe(true)
    expect(isAlive({ ...parent, startTicks: (parent.startTicks ?? 0) + 1 })).toBe(false)
  })
})

describe('a dying process is not alive: Linux /proc', () => {
  it.each([
    ['sleeping', stat('S'), status(), 'alive'],
    ['running', stat('R'), status(), 'alive'],
    ['stopped (it may be continued)', stat('T'), status(), 'alive'],
    ['a zombie', stat('Z'), status(), 'dying'],
    ['dead', stat('X'), status(), 'dying'],
    ['exiting (PF_EXITING)', stat('R', 4194560 | 0x4), status(), 'dying'],
    ['killed, SIGKILL pending for the process', stat('S'), status('0000000000000000', '0000000000000100'), 'dying'],
    ['killed, SIGKILL pending for its main thread', stat('S'), status('0000000000000100'), 'dying'],
    ['sent SIGTERM it may handle', stat('S'), status('0000000000000000', '0000000000004000'), 'alive'],
  ])('%s', (_label, statText, statusText, expected) => {
    expect(linuxProcessState(statusText, statText)).toEqual({ state: expected, startTicks: 987654 })
  })

  it('SIGKILL is bit 9 of the pending masks, whatever else is pending', () => {
    expect(killPending(status('0000000000004100'))).toBe(true)
    expect(killPending(status('00000000000000ff'))).toBe(false)
    expect(killPending('Name:\tnode\n')).toBe(false)
  })
})

describe('a dying process is not alive: macOS ps -o stat=', () => {
  it.each([
    ['', 'gone'],
    ['Ss\n', 'alive'],
    ['S+\n', 'alive'],
    ['R\n', 'alive'],
    ['SN\n', 'alive'],
    ['Z\n', 'dying'],
    ['Z+\n', 'dying'],
    ['RE\n', 'dying'],
    ['UE+\n', 'dying'],
  ])('%j → %s', (output, expected) => {
    expect(macProcessState(output)).toBe(expected)
  })
})

describe.runIf(linux)('a real process, the moment it is killed', () => {
  const started = (child: ChildProcess): Promise<void> => new Promise((resolve) => child.once('spawn', () => resolve()))

  it('is not alive as soon as kill(SIGKILL) returns, before anybody collected it (15 times)', async () => {
    for (let round = 0; round < 15; round += 1) {
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
      await started(child)
      const owner = processIdentity(child.pid!)
      expect(isAlive(owner)).toBe(true)
      const exited = new Promise((resolve) => child.once('exit', resolve))
      process.kill(child.pid!, 'SIGKILL')
      // No await in between: this process cannot have collected the child yet, so kill(pid, 0) still succeeds.
      expect(isAlive(owner)).toBe(false)
      await exited
    }
  })

  it('a zombie nobody collects is not alive', async () => {
    // The shell starts `sleep` and becomes another `sleep` itself, which never collects its child.
    const parent = spawn('sh', ['-c', 'sleep 600 & echo $!; exec sleep 600'], { stdio: ['ignore', 'pipe', 'ignore'] })
    try {
      const pid = Number((await new Promise<Buffer>((resolve) => parent.stdout!.once('data', resolve))).toString().trim())
      const owner = processIdentity(pid)
      expect(isAlive(owner)).toBe(true)
      process.kill(pid, 'SIGKILL')
      // Wait for the kernel to finish the exit: from then on it is a zombie until its parent dies.
      while (parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.state !== 'Z') await new Promise((resolve) => setTimeout(resolve, 5))
      expect(() => process.kill(pid, 0)).not.toThrow()
      expect(isAlive(owner)).toBe(false)
    } finally {
      parent.kill('SIGKILL')
    }
  })
})
