// A check's details on screen: long lists and values are shortened, and how much was left out is counted
// so the window can offer "show all"; nothing is shortened that fits.
import { describe, expect, it } from 'vitest'
import { EVIDENCE_LIMITS, shortenSections, shortenText } from '../../../src/renderer/src/evidence-limits'
import type { EvidenceSection } from '../../../src/renderer/src/evidence'

const rows = (count: number): string[][] => Array.from({ length: count }, (_, index) => [`eth${index}`, `192.0.2.${index}`])

describe('shortening the details on screen', () => {
  it('leaves details that fit exactly as they are', () => {
    const sections: EvidenceSection[] = [{ heading: 'At 192.0.2.10', lines: ['HTTP 502'], table: { caption: 'c', columns: ['a', 'b'], rows: rows(EVIDENCE_LIMITS.items) } }]
    expect(shortenSections(sections)).toEqual({ value: sections, cut: 0 })
  })

  it('shows the first lines and rows of a long list and counts the rest', () => {
    const lines = Array.from({ length: 30 }, (_, index) => `line ${index}`)
    const { value, cut } = shortenSections([{ lines, table: { caption: 'c', columns: ['a', 'b'], rows: rows(4000) } }])
    expect(value[0]!.lines).toEqual(lines.slice(0, EVIDENCE_LIMITS.items))
    expect(value[0]!.table!.rows).toEqual(rows(EVIDENCE_LIMITS.items))
    expect(cut).toBe(30 - EVIDENCE_LIMITS.items + 4000 - EVIDENCE_LIMITS.items)
  })

  it('cuts a long value, in a line, a heading or a table cell, and marks it with an ellipsis', () => {
    const long = 'x'.repeat(200_000)
    const { value, cut } = shortenSections([{ heading: long, lines: [long], table: { caption: 'c', columns: ['a'], rows: [[long]] } }])
    const shown = `${'x'.repeat(EVIDENCE_LIMITS.characters)}…`
    expect(value).toEqual([{ heading: shown, lines: [shown], table: { caption: 'c', columns: ['a'], rows: [[shown]] } }])
    expect(cut).toBe(3)
  })

  it('shortens the raw data to its first characters', () => {
    expect(shortenText('abcdef', 3)).toEqual({ value: 'abc…', cut: 1 })
    expect(shortenText('abc', 3)).toEqual({ value: 'abc', cut: 0 })
  })
})
