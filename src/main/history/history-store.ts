import { randomUUID } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { HistoryEntry } from '../../shared/contract'
import type { DiagnosisReport } from '../../shared/diagnosis'
import { writeFileAtomically } from '../platform/durable-file'

const MAX_ENTRIES = 50
// Version 2 reports carry codes and evidence instead of sentences. Older entries cannot be shown; they stay
// in the file untouched (until they fall off the end or everything is deleted) but are not listed.
const FORMAT = 2

type StoredEntry = HistoryEntry & { format?: number }
const listable = (stored: StoredEntry[]): HistoryEntry[] => stored.filter((entry) => entry.format === FORMAT).map(({ format: _format, ...entry }) => entry)

export interface HistoryStore {
  list(): Promise<HistoryEntry[]>
  add(report: DiagnosisReport): Promise<HistoryEntry>
  /** Deletes one entry, or all of them when id is null; returns how many remain. */
  remove(id: string | null): Promise<number>
}

/** Past diagnoses, newest first, in one JSON file in the app's data folder. */
export function createHistoryStore(dataDir: string): HistoryStore {
  const path = join(dataDir, 'history.json')
  let queue: Promise<unknown> = Promise.resolve()
  // Writes are serialised so two diagnoses finishing together cannot lose each other.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work)
    queue = next.catch(() => undefined)
    return next
  }
  const write = async (entries: StoredEntry[]): Promise<void> => {
    await mkdir(dataDir, { recursive: true })
    await writeFileAtomically(path, JSON.stringify(entries))
  }
  const read = async (): Promise<StoredEntry[]> => {
    try {
      const entries = JSON.parse(await readFile(path, 'utf8')) as unknown
      return Array.isArray(entries) ? (entries as StoredEntry[]) : []
    } catch {
      return []
    }
  }
  return {
    list: () => serial(async () => listable(await read())),
    add: (report) =>
      serial(async () => {
        const entry: HistoryEntry = { id: randomUUID(), finishedAt: report.finishedAt, report }
        await write([{ ...entry, format: FORMAT }, ...(await read())].slice(0, MAX_ENTRIES))
        return entry
      }),
    remove: (id) =>
      serial(async () => {
        const remaining = id === null ? [] : (await read()).filter((entry) => entry.id !== id)
        await write(remaining)
        return listable(remaining).length
      }),
  }
}
