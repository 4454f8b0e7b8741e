// The transaction journal and the snapshot of the settings from before NetMend's first change, kept in
// NetMend's data folder (shared by the CLI and the app). Every write is temp file + fsync + rename, so
// after a crash each file holds either its old or its new contents, never half of one.
//
//   original.json  what the user had before NetMend's first change; exists exactly while there is
//                  something to revert to. Kept across any number of switches, removed by revert.
//   journal.json   the change in progress and how far it got; its `before` snapshot is what a crash
//                  or a failed verification goes back to. Removed when the change is confirmed or undone.
//   lock           one NetMend process at a time changes settings (a dead owner's lock is taken over by
//                  rename-and-recheck). Owners are told apart by boot id, pid and process start time.
import { execFileSync } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { link, mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { writeFileAtomically } from '../platform/durable-file'
import type { Snapshot } from './types'

export type JournalState = 'prepared' | 'applied' | 'verified'

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

/** Where a process's identity comes from; the real system unless a test says otherwise. */
export interface IdentitySource {
  bootId(): string | undefined
  startTicks(pid: number): number | undefined
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

/** Field 22 of /proc/PID/stat (after the parenthesised name, which may itself hold spaces or parentheses). */
export function startTicksFromStat(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[19])
  return Number.isSafeInteger(ticks) ? ticks : undefined
}

function readStartTicks(pid: number): number | undefined {
  if (process.platform !== 'linux') return undefined
  try {
    return startTicksFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return undefined
  }
}

let cachedBootId: { value: string | undefined } | undefined
export const systemIdentity: IdentitySource = {
  bootId: () => (cachedBootId ??= { value: readBootId() }).value,
  startTicks: readStartTicks,
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

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function sameBoot(left: ProcessIdentity, right: ProcessIdentity): boolean {
  if (typeof left.bootId === 'string' && typeof right.bootId === 'string') return left.bootId === right.bootId
  return Math.abs(left.bootTime - right.bootTime) <= BOOT_TIME_TOLERANCE_S
}

export function isSameProcess(left: ProcessIdentity, right: ProcessIdentity): boolean {
  if (left.pid !== right.pid || !sameBoot(left, right)) return false
  return left.startTicks === undefined || right.startTicks === undefined || left.startTicks === right.startTicks
}

/** False for a process that died, one from another boot, or a pid now used by another process. */
export function isAlive(owner: ProcessIdentity, self: ProcessIdentity = currentProcess(), source: IdentitySource = systemIdentity): boolean {
  if (!sameBoot(owner, self)) return false
  if (owner.pid === self.pid) return isSameProcess(owner, self)
  if (!pidAlive(owner.pid)) return false
  const startTicks = owner.startTicks === undefined ? undefined : source.startTicks(owner.pid)
  return startTicks === undefined || startTicks === owner.startTicks
}

export interface Journal {
  version: 1
  id: string
  /** use: switch servers (undone on recovery); revert: go back to original.json (finished on recovery). */
  kind: 'use' | 'revert'
  /** prepared: snapshot written, nothing changed yet; applied: settings changed; verified: waiting for "keep". */
  state: JournalState
  owner: ProcessIdentity
  startedAt: string
  /** The touched adapters as they were just before this change. */
  before: Snapshot
  /** This change created original.json: undoing it removes that file too. */
  firstChange: boolean
  servers: string[]
}

export type StoreRead<T> = { ok: true; value: T | undefined } | { ok: false; detail: string }

export interface DnsSettingsStore {
  directory: string
  newId(): string
  readOriginal(): Promise<StoreRead<Snapshot>>
  writeOriginal(snapshot: Snapshot): Promise<void>
  removeOriginal(): Promise<void>
  readJournal(): Promise<StoreRead<Journal>>
  writeJournal(journal: Journal): Promise<void>
  removeJournal(): Promise<void>
  /** Runs `task` holding the lock; undefined when another live NetMend process holds it. */
  withLock<T>(task: () => Promise<T>): Promise<{ held: true; value: T } | { held: false; owner: ProcessIdentity }>
}

function isSnapshot(value: unknown): value is Snapshot {
  return typeof value === 'object' && value !== null && (value as Snapshot).version === 1 && Array.isArray((value as Snapshot).adapters)
}

function isJournal(value: unknown): value is Journal {
  if (typeof value !== 'object' || value === null) return false
  const journal = value as Journal
  return (
    journal.version === 1 &&
    (journal.kind === 'use' || journal.kind === 'revert') &&
    ['prepared', 'applied', 'verified'].includes(journal.state) &&
    typeof journal.owner?.pid === 'number' &&
    isSnapshot(journal.before)
  )
}

export interface StoreOptions {
  identity?: IdentitySource
  /** Test seam: runs after a lock was judged stale, just before it is taken over. */
  beforeTakeover?: () => Promise<void>
}

export function createStore(dataDir: string, options: StoreOptions = {}): DnsSettingsStore {
  const identity = options.identity ?? systemIdentity
  const directory = path.join(dataDir, 'dns-settings')
  const originalPath = path.join(directory, 'original.json')
  const journalPath = path.join(directory, 'journal.json')
  const lockPath = path.join(directory, 'lock')

  const ensureDirectory = (): Promise<string | undefined> => mkdir(directory, { recursive: true, mode: 0o700 })

  async function readJson<T>(file: string, check: (value: unknown) => value is T): Promise<StoreRead<T>> {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: undefined }
      return { ok: false, detail: `${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}` }
    }
    try {
      const value: unknown = JSON.parse(text)
      return check(value) ? { ok: true, value } : { ok: false, detail: `${file}: not a NetMend ${path.basename(file)}` }
    } catch {
      return { ok: false, detail: `${file}: not valid JSON` }
    }
  }

  async function writeJson(file: string, value: unknown): Promise<void> {
    await ensureDirectory()
    await writeFileAtomically(file, `${JSON.stringify(value, null, 2)}\n`)
  }

  async function removeDurably(file: string): Promise<void> {
    await rm(file, { force: true })
    // Make the removal itself survive a crash.
    try {
      const handle = await open(directory, 'r')
      await handle.sync().finally(() => handle.close())
    } catch {
      // Windows cannot fsync a folder
    }
  }

  function lockOwner(text: string | undefined): ProcessIdentity | undefined {
    try {
      const owner = JSON.parse(text ?? '') as ProcessIdentity
      return typeof owner?.pid === 'number' && typeof owner.bootTime === 'number' ? owner : undefined
    } catch {
      return undefined // being written right now, or garbage left by a crash
    }
  }

  /** The lock file's text while this store holds it. */
  let held: string | undefined

  async function takeLock(): Promise<{ taken: true } | { taken: false; owner: ProcessIdentity }> {
    await ensureDirectory()
    const self = currentProcess(identity)
    const mine = JSON.stringify({ ...self, token: randomUUID() })
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        const handle = await open(lockPath, 'wx', 0o600)
        try {
          await handle.writeFile(mine)
        } finally {
          await handle.close()
        }
        held = mine
        return { taken: true }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const text = await readFile(lockPath, 'utf8').catch(() => undefined)
      if (text === undefined) continue // released meanwhile: try again
      const owner = lockOwner(text)
      if (owner !== undefined && isAlive(owner, self, identity)) return { taken: false, owner }
      if (owner === undefined && attempt === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        continue
      }
      await options.beforeTakeover?.()
      // Take the stale lock over by moving it aside and checking that what moved is what was judged
      // stale. A fresh lock that another process created in between is put back (link() never
      // overwrites), so two processes cannot remove each other's fresh lock.
      const aside = `${lockPath}.stale-${randomBytes(6).toString('hex')}`
      try {
        await rename(lockPath, aside)
      } catch {
        continue // somebody else moved it first: look again
      }
      const moved = await readFile(aside, 'utf8').catch(() => undefined)
      if (moved !== text) await link(aside, lockPath).catch(() => undefined)
      await unlink(aside).catch(() => undefined)
    }
    const text = await readFile(lockPath, 'utf8').catch(() => undefined)
    return { taken: false, owner: lockOwner(text) ?? { pid: 0, bootTime: 0 } }
  }

  async function releaseLock(): Promise<void> {
    const mine = held
    held = undefined
    // Only our own lock: never one that somebody took over in the meantime.
    if (mine !== undefined && (await readFile(lockPath, 'utf8').catch(() => undefined)) === mine) await unlink(lockPath).catch(() => undefined)
  }

  return {
    directory,
    newId: () => randomUUID(),
    readOriginal: () => readJson(originalPath, isSnapshot),
    writeOriginal: (snapshot) => writeJson(originalPath, snapshot),
    removeOriginal: () => removeDurably(originalPath),
    readJournal: () => readJson(journalPath, isJournal),
    writeJournal: (journal) => writeJson(journalPath, journal),
    removeJournal: () => removeDurably(journalPath),
    async withLock(task) {
      const lock = await takeLock()
      if (!lock.taken) return { held: false, owner: lock.owner }
      try {
        return { held: true, value: await task() }
      } finally {
        await releaseLock()
      }
    },
  }
}
