// The transaction journal and the snapshot of the settings from before NetMend's first change, kept in
// NetMend's data folder (shared by the CLI and the app). Every write is temp file + fsync + rename, so
// after a crash each file holds either its old or its new contents, never half of one.
//
//   original.json  what the user had before NetMend's first change; exists exactly while there is
//                  something to revert to. Kept across any number of switches, removed by revert.
//   journal.json   the change in progress and how far it got; its `before` snapshot is what a crash
//                  or a failed verification goes back to. Removed when the change is confirmed or undone.
//   lock           one NetMend process at a time changes settings (a dead owner's lock is taken over).
import { randomUUID } from 'node:crypto'
import { mkdir, open, readFile, rm, unlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { writeFileAtomically } from './durable-file'
import type { Snapshot } from './types'

export type JournalState = 'prepared' | 'applied' | 'verified'

export interface ProcessIdentity {
  pid: number
  /** When the machine booted (seconds since the epoch): a pid from before a reboot is somebody else. */
  bootTime: number
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

const BOOT_TIME_TOLERANCE_S = 10

export function currentProcess(): ProcessIdentity {
  return { pid: process.pid, bootTime: Math.round(Date.now() / 1000 - os.uptime()) }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function isSameProcess(left: ProcessIdentity, right: ProcessIdentity): boolean {
  return left.pid === right.pid && Math.abs(left.bootTime - right.bootTime) <= BOOT_TIME_TOLERANCE_S
}

/** False for a process that died, or one from before a reboot. */
export function isAlive(owner: ProcessIdentity, self: ProcessIdentity = currentProcess()): boolean {
  if (Math.abs(owner.bootTime - self.bootTime) > BOOT_TIME_TOLERANCE_S) return false
  return owner.pid === self.pid || pidAlive(owner.pid)
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

export function createStore(dataDir: string): DnsSettingsStore {
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

  async function takeLock(): Promise<{ taken: true } | { taken: false; owner: ProcessIdentity }> {
    await ensureDirectory()
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        const handle = await open(lockPath, 'wx', 0o600)
        await handle.writeFile(JSON.stringify(currentProcess()))
        await handle.close()
        return { taken: true }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      let owner: ProcessIdentity | undefined
      try {
        owner = JSON.parse(await readFile(lockPath, 'utf8')) as ProcessIdentity
      } catch {
        owner = undefined // being written right now, or garbage left by a crash
      }
      if (owner !== undefined && typeof owner.pid === 'number' && isAlive(owner)) return { taken: false, owner }
      if (owner === undefined && attempt === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        continue
      }
      await unlink(lockPath).catch(() => undefined)
    }
    return { taken: false, owner: { pid: 0, bootTime: 0 } }
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
        await unlink(lockPath).catch(() => undefined)
      }
    },
  }
}
