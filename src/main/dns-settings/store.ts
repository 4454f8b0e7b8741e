// The transaction journal and the snapshot of the settings from before NetMend's first change, kept in
// NetMend's data folder (shared by the CLI and the app). Every write is temp file + fsync + rename, so
// after a crash each file holds either its old or its new contents, never half of one. Nothing is read
// from a folder or file another user could have written (see platform/data-dir.ts), nothing larger than a
// record can be, and nothing that is not exactly the shape NetMend writes (records.ts).
//
//   original.json  what the user had before NetMend's first change; exists exactly while there is
//                  something to revert to. Kept across any number of switches, removed by revert.
//   journal.json   the change in progress and how far it got; its `before` snapshot is what a crash
//                  or a failed verification goes back to. Removed when the change is confirmed or undone.
//   lock           one NetMend process at a time changes settings (a dead owner's lock is taken over by
//                  rename-and-recheck). Owners are told apart by boot id, pid and process start time.
//   *.damaged      a record that was damaged, set aside once it was dealt with, for whoever wants to look.
import { randomBytes, randomUUID } from 'node:crypto'
import { link, lstat, open, readFile, rename, rm, unlink } from 'node:fs/promises'
import path from 'node:path'
import type { Failure, Result } from '../../shared/result'
import { checkPrivateFolder, ensurePrivateFolders, readPrivateFile, trustedUid } from '../platform/data-dir'
import { writeFileAtomically } from '../platform/durable-file'
import { currentProcess, isAlive, systemIdentity, type IdentitySource, type ProcessIdentity } from './owner-process'
import { journalProblem, MAX_RECORD_BYTES, snapshotProblem, type Journal } from './records'
import type { Snapshot } from './types'

export type { Journal, JournalState } from './records'

export type StoreProblemCode =
  | 'dns-settings.data-folder-unsafe'
  | 'dns-settings.data-folder-unwritable'
  | 'dns-settings.journal-damaged'
  | 'dns-settings.original-damaged'
export type StoreProblem = Failure<StoreProblemCode>
export type StoreRead<T> = { ok: true; value: T | undefined } | StoreProblem
export type StoreWrite = { ok: true } | StoreProblem
export type LockOutcome<T> = { held: true; value: T } | { held: false; owner: ProcessIdentity } | { held: false; problem: StoreProblem }
export type RecordName = 'journal' | 'original'

export interface DnsSettingsStore {
  directory: string
  newId(): string
  /** Which records are there, creating nothing; the folders are checked first. */
  peek(): Promise<Result<{ journal: boolean; original: boolean; lock: boolean }, StoreProblemCode>>
  readOriginal(): Promise<StoreRead<Snapshot>>
  writeOriginal(snapshot: Snapshot): Promise<StoreWrite>
  removeOriginal(): Promise<StoreWrite>
  readJournal(): Promise<StoreRead<Journal>>
  writeJournal(journal: Journal): Promise<StoreWrite>
  removeJournal(): Promise<StoreWrite>
  /** Moves a damaged record out of the way, as <file>.damaged (replacing an older one). */
  setAside(record: RecordName): Promise<StoreWrite>
  /** Runs `task` holding the lock; otherwise says which live NetMend process holds it, or why it cannot be taken. */
  withLock<T>(task: () => Promise<T>): Promise<LockOutcome<T>>
}

export interface StoreOptions {
  /** The system whose snapshots these are (a snapshot of another one is a damaged record). */
  platform?: NodeJS.Platform
  identity?: IdentitySource
  /** The user whose files are trusted; default: the one NetMend runs as (none on Windows). */
  uid?: number
  /** Test seam: runs after a lock was judged stale, just before it is taken over. */
  beforeTakeover?: () => Promise<void>
}

/** A lock file is one identity and a token. */
const MAX_LOCK_BYTES = 4096

const errnoOf = (error: unknown): string => (error as NodeJS.ErrnoException | undefined)?.code ?? String(error)

export function createStore(dataDir: string, options: StoreOptions = {}): DnsSettingsStore {
  const identity = options.identity ?? systemIdentity
  const platform = options.platform ?? process.platform
  const uid = 'uid' in options ? options.uid : trustedUid()
  const directory = path.join(dataDir, 'dns-settings')
  const files: Record<RecordName, string> = { original: path.join(directory, 'original.json'), journal: path.join(directory, 'journal.json') }
  const lockPath = path.join(directory, 'lock')
  const folders = [dataDir, directory]

  const unsafe = (detail: string): StoreProblem => ({ ok: false, code: 'dns-settings.data-folder-unsafe', detail })
  const unwritable = (file: string, error: unknown): StoreProblem => ({ ok: false, code: 'dns-settings.data-folder-unwritable', detail: `${file}: ${errnoOf(error)}` })

  /** Both folders may be trusted; `exists` false when either is missing. */
  async function foldersTrusted(): Promise<{ ok: true; exists: boolean } | StoreProblem> {
    let exists = true
    for (const folder of folders) {
      const state = await checkPrivateFolder(folder, uid)
      if (!state.ok) return unsafe(state.detail)
      exists &&= state.exists
    }
    return { ok: true, exists }
  }

  async function readRecord<T>(record: RecordName, problemOf: (value: unknown, platform: NodeJS.Platform) => string | undefined): Promise<StoreRead<T>> {
    const damaged: StoreProblemCode = record === 'journal' ? 'dns-settings.journal-damaged' : 'dns-settings.original-damaged'
    const file = files[record]
    const trusted = await foldersTrusted()
    if (!trusted.ok) return trusted
    if (!trusted.exists) return { ok: true, value: undefined }
    const read = await readPrivateFile(file, MAX_RECORD_BYTES, uid)
    if (!read.ok) return { ok: false, code: read.code === 'file.unsafe' ? 'dns-settings.data-folder-unsafe' : damaged, detail: read.detail }
    if (read.text === undefined) return { ok: true, value: undefined }
    let value: unknown
    try {
      value = JSON.parse(read.text)
    } catch {
      return { ok: false, code: damaged, detail: `${file}: ${read.text.trim() === '' ? 'empty' : 'not valid JSON'}` }
    }
    const problem = problemOf(value, platform)
    return problem === undefined ? { ok: true, value: value as T } : { ok: false, code: damaged, detail: `${file}: ${problem}` }
  }

  async function writeRecord(record: RecordName, value: unknown): Promise<StoreWrite> {
    const ready = await ensurePrivateFolders(folders, uid)
    if (!ready.ok) return ready.code === 'folder.unsafe' ? unsafe(ready.detail) : { ok: false, code: 'dns-settings.data-folder-unwritable', detail: ready.detail }
    try {
      await writeFileAtomically(files[record], `${JSON.stringify(value, null, 2)}\n`)
      return { ok: true }
    } catch (error) {
      return unwritable(files[record], error)
    }
  }

  async function syncDirectory(): Promise<void> {
    // Windows cannot fsync a folder; NTFS journals the change itself.
    if (process.platform === 'win32') return
    const handle = await open(directory, 'r')
    await handle.sync().finally(() => handle.close())
  }

  async function removeRecord(record: RecordName): Promise<StoreWrite> {
    const trusted = await foldersTrusted()
    if (!trusted.ok) return trusted
    if (!trusted.exists) return { ok: true }
    try {
      await rm(files[record], { force: true })
      await syncDirectory()
      return { ok: true }
    } catch (error) {
      return unwritable(files[record], error)
    }
  }

  async function setAside(record: RecordName): Promise<StoreWrite> {
    const trusted = await foldersTrusted()
    if (!trusted.ok) return trusted
    try {
      await rename(files[record], `${files[record]}.damaged`)
      await syncDirectory()
      return { ok: true }
    } catch (error) {
      return errnoOf(error) === 'ENOENT' ? { ok: true } : unwritable(files[record], error)
    }
  }

  async function peek(): Promise<Result<{ journal: boolean; original: boolean; lock: boolean }, StoreProblemCode>> {
    const trusted = await foldersTrusted()
    if (!trusted.ok) return trusted
    const there = async (file: string): Promise<boolean> => trusted.exists && (await lstat(file).then(() => true, () => false))
    const [journal, original, lock] = await Promise.all([there(files.journal), there(files.original), there(lockPath)])
    return { ok: true, journal, original, lock }
  }

  function lockOwner(text: string | undefined): ProcessIdentity | undefined {
    try {
      const owner = JSON.parse(text ?? '') as ProcessIdentity
      return Number.isSafeInteger(owner?.pid) && owner.pid > 0 && typeof owner.bootTime === 'number' ? owner : undefined
    } catch {
      return undefined // being written right now, or garbage left by a crash
    }
  }

  /** The lock file's text while this store holds it. */
  let held: string | undefined

  async function takeLock(): Promise<{ taken: true } | { taken: false; owner: ProcessIdentity } | { taken: false; problem: StoreProblem }> {
    const ready = await ensurePrivateFolders(folders, uid)
    if (!ready.ok) return { taken: false, problem: ready.code === 'folder.unsafe' ? unsafe(ready.detail) : { ok: false, code: 'dns-settings.data-folder-unwritable', detail: ready.detail } }
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
        if (errnoOf(error) !== 'EEXIST') return { taken: false, problem: unwritable(lockPath, error) }
      }
      const read = await readPrivateFile(lockPath, MAX_LOCK_BYTES, uid)
      if (!read.ok && read.code === 'file.unsafe') return { taken: false, problem: unsafe(read.detail) }
      const text = read.ok ? read.text : ''
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
      } catch (error) {
        if (errnoOf(error) === 'ENOENT') continue // somebody else moved it first: look again
        // A stale lock in a folder that cannot be written: say so, not that somebody is busy.
        return { taken: false, problem: unwritable(lockPath, error) }
      }
      const moved = await readFile(aside, 'utf8').catch(() => undefined)
      if (moved !== text) await link(aside, lockPath).catch(() => undefined)
      await unlink(aside).catch(() => undefined)
    }
    const read = await readPrivateFile(lockPath, MAX_LOCK_BYTES, uid)
    return { taken: false, owner: lockOwner(read.ok ? read.text : undefined) ?? { pid: 0, bootTime: 0 } }
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
    peek,
    readOriginal: () => readRecord<Snapshot>('original', snapshotProblem),
    writeOriginal: (snapshot) => writeRecord('original', snapshot),
    removeOriginal: () => removeRecord('original'),
    readJournal: () => readRecord<Journal>('journal', journalProblem),
    writeJournal: (journal) => writeRecord('journal', journal),
    removeJournal: () => removeRecord('journal'),
    setAside,
    async withLock(task) {
      const lock = await takeLock()
      if (!lock.taken) return 'problem' in lock ? { held: false, problem: lock.problem } : { held: false, owner: lock.owner }
      try {
        return { held: true, value: await task() }
      } finally {
        await releaseLock()
      }
    },
  }
}
