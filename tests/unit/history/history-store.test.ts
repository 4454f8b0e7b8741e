// Past diagnoses on disk: entries written before reports carried codes cannot be shown, but are not lost.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DiagnosisReport } from '../../../src/shared/diagnosis'
import { createHistoryStore } from '../../../src/main/history/history-store'

const report: DiagnosisReport = {
  target: 'https://shop.example/',
  verdict: { code: 'ok' },
  findings: [],
  checks: [],
  fixes: [],
  params: { site: 'shop.example' },
  durationMs: 5,
  finishedAt: '2026-11-24T15:00:00.000Z',
}

// What a history entry looked like when reports carried their sentences.
const sentenceEntry = {
  id: 'old-1',
  finishedAt: '2026-11-01T10:00:00.000Z',
  report: { target: null, verdict: { code: 'ok', title: 'Your connection works', explanation: 'All good.' }, findings: [], checks: [], fixes: [], durationMs: 9, finishedAt: '2026-11-01T10:00:00.000Z' },
}

describe('the history store', () => {
  it('lists only entries it can show, and keeps older ones in the file when adding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netmend-history-'))
    writeFileSync(join(dir, 'history.json'), JSON.stringify([sentenceEntry]))
    const store = createHistoryStore(dir)
    expect(await store.list()).toEqual([])

    const added = await store.add(report)
    expect(await store.list()).toEqual([added])
    const onDisk = JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8')) as { id: string }[]
    expect(onDisk.map((entry) => entry.id)).toEqual([added.id, 'old-1'])

    expect(await store.remove(added.id)).toBe(0)
    expect(await store.remove(null)).toBe(0)
    expect(JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8'))).toEqual([])
  })
})
