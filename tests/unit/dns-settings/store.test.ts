// Who owns a change or the lock: told apart by the boot's own id, the pid and the process's start time —
// never by a boot time computed from the clock, which moves when the clock is set.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createStore, currentProcess, isAlive, isSameProcess, processIdentity, startTicksFromStat } from '../../../src/main/dns-settings/store'

const linux = process.platform === 'linux'

describe('who a process is', () => {
  it.runIf(linux)("carries the kernel's boot id and the process's start time (Linux)", () => {
    const self = currentProcess()
    expect(self.bootId).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim())
    expect(self.startTicks).toBe(startTicksFromStat(readFileSync('/proc/self/stat', 'utf8')))
  })

  it('reads the start time after a process name holding spaces and parentheses', () => {
    const stat = '4242 (we (ird) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 12345 67 18446744073709551615'
    expect(startTicksFromStat(stat)).toBe(987654)
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

describe('the lock', () => {
  const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!

  function staleLockIn(dataDir: string): string {
    const directory = path.join(dataDir, 'dns-settings')
    mkdirSync(directory, { recursive: true })
    const lock = path.join(directory, 'lock')
    writeFileSync(lock, JSON.stringify({ ...currentProcess(), pid: deadPid() }))
    return lock
  }

  it("a dead owner's lock is taken over, and released afterwards", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'netmend-lock-'))
    const lock = staleLockIn(dataDir)
    const result = await createStore(dataDir).withLock(async () => JSON.parse(readFileSync(lock, 'utf8')) as { pid: number })
    expect(result).toMatchObject({ held: true, value: { pid: process.pid } })
    expect(existsSync(lock)).toBe(false)
    expect(readdirSync(path.dirname(lock))).toEqual([])
  })

  it('two processes taking over the same stale lock: the slower one does not remove the fresh lock of the faster one', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'netmend-lock-'))
    const lock = staleLockIn(dataDir)
    let releaseFaster!: () => void
    let fasterHolds!: () => void
    const fasterHolding = new Promise<void>((resolve) => (fasterHolds = resolve))
    // The slower one has judged the lock stale too, and continues only once the faster one holds a fresh lock.
    const slower = createStore(dataDir, { beforeTakeover: () => fasterHolding })
    const faster = createStore(dataDir)
    const slowerResult = slower.withLock(async () => 'slower')
    await new Promise((resolve) => setTimeout(resolve, 20))
    let fasterLock = ''
    const fasterResult = faster.withLock(
      () =>
        new Promise<string>((resolve) => {
          releaseFaster = () => resolve('faster')
          fasterLock = readFileSync(lock, 'utf8')
          fasterHolds()
        }),
    )
    expect(await slowerResult).toMatchObject({ held: false, owner: { pid: process.pid } })
    expect(readFileSync(lock, 'utf8')).toBe(fasterLock)
    releaseFaster()
    expect(await fasterResult).toEqual({ held: true, value: 'faster' })
    expect(readdirSync(path.dirname(lock))).toEqual([])
  })

  it("releasing never removes a lock that is not this store's own", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'netmend-lock-'))
    const store = createStore(dataDir)
    const lock = path.join(store.directory, 'lock')
    const other = JSON.stringify({ ...processIdentity(process.ppid), token: 'other' })
    await store.withLock(async () => writeFileSync(lock, other))
    expect(readFileSync(lock, 'utf8')).toBe(other)
  })
})
