// The lock: one NetMend process at a time changes settings; a dead owner's lock is taken over, and only then.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { currentProcess, processIdentity } from '../../../src/main/dns-settings/owner-process'
import { createStore } from '../../../src/main/dns-settings/store'

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

describe('the store trusts nothing another user could have written, on every read', () => {
  it('reads nothing through a symbolic link to a folder elsewhere, even one holding records', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'netmend-store-'))
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'netmend-elsewhere-'))
    writeFileSync(path.join(elsewhere, 'original.json'), '{}', { mode: 0o600 })
    symlinkSync(elsewhere, path.join(dataDir, 'dns-settings'))
    const store = createStore(dataDir)
    expect(await store.readOriginal()).toMatchObject({ ok: false, code: 'dns-settings.data-folder-unsafe', detail: expect.stringMatching(/is a symbolic link/) })
    expect(await store.readJournal()).toMatchObject({ ok: false, code: 'dns-settings.data-folder-unsafe' })
  })

  it('a lock file that is a symbolic link is not a lock: taking it is refused in words', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'netmend-store-'))
    const store = createStore(dataDir)
    mkdirSync(store.directory, { recursive: true, mode: 0o700 })
    writeFileSync(path.join(dataDir, 'someone-elses-lock'), JSON.stringify({ ...currentProcess(), pid: 1 }))
    symlinkSync(path.join(dataDir, 'someone-elses-lock'), path.join(store.directory, 'lock'))
    let ran = false
    const outcome = await store.withLock(async () => (ran = true))
    expect(outcome).toMatchObject({ held: false, problem: { code: 'dns-settings.data-folder-unsafe', detail: expect.stringMatching(/lock is a symbolic link/) } })
    expect(ran).toBe(false)
  })
})
