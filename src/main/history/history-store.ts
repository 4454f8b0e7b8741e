import { randomUUID } from 'node:crypto'
import { mkdir, open, readFile, rename } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { HistoryEntry } from '../../shared/contract'
import type { DiagnosisReport } from '../../shared/diagnosis'

const MAX_ENTRIES = 50

export interface HistoryStore {
  list(): Promise<HistoryEntry[]>
  add(report: DiagnosisReport, finishedAt?: Date): Promise<HistoryEntry>
  /** Deletes one entry, or all of them when id is null; returns how many remain. */
  remove(id: string | null): Promise<number>
}

async function writeDurably(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  const file = await open(temporary, 'w')
  try {
    await file.writeFile(text)
    await file.sync()
  } finally {
    await file.close()
  }
  await rename(temporary, path)
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
    add: (report, finishedAt = new Date()) =>
      serial(async () => {
        const entry: HistoryEntry = { id: randomUUID(), finishedAt: finishedAt.toISOString(), report }
        await writeDurably(path, JSON.stringify([entry, ...(await read())].slice(0, MAX_ENTRIES)))
        return entry
      }),
    remove: (id) =>
      serial(async () => {
        const remaining = id === null ? [] : (await read()).filter((entry) => entry.id !== id)
        await writeDurably(path, JSON.stringify(remaining))
        return remaining.length
      }),
  }
}
