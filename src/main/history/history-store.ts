import { randomUUID } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { HistoryEntry } from '../../shared/contract'
import type { DiagnosisReport } from '../../shared/diagnosis'
import { writeFileAtomically } from '../platform/durable-file'

const MAX_ENTRIES = 50

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
  const write = async (entries: HistoryEntry[]): Promise<void> => {
    await mkdir(dataDir, { recursive: true })
    await writeFileAtomically(path, JSON.stringify(entries))
  }
  const read = async (): Promise<HistoryEntry[]> => {
    try {
      const entries = JSON.parse(await readFile(path, 'utf8')) as unknown
      return Array.isArray(entries) ? (entries as HistoryEntry[]) : []
    } catch {
      return []
    }
  }
  return {
    list: () => serial(read),
    add: (report) =>
      serial(async () => {
        const entry: HistoryEntry = { id: randomUUID(), finishedAt: report.finishedAt, report }
        await write([entry, ...(await read())].slice(0, MAX_ENTRIES))
        return entry
      }),
    remove: (id) =>
      serial(async () => {
        const remaining = id === null ? [] : (await read()).filter((entry) => entry.id !== id)
        await write(remaining)
        return remaining.length
      }),
  }
}
