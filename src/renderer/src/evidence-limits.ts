// A check's details kept readable: long lists and long values are shortened on screen, with a way to show
// them all. Only the view is shortened; the report (copied or saved) and the raw data keep everything.
import type { EvidenceSection } from './evidence'

export const EVIDENCE_LIMITS = {
  /** Lines of one section, and rows of one table, shown before "show all". */
  items: 8,
  /** Characters of one value (a line or a table cell). */
  characters: 240,
  /** Characters of the raw data (JSON). */
  rawCharacters: 4000,
} as const

export interface Shortened<T> {
  value: T
  /** How many lines, rows and values were cut: 0 when everything is shown. */
  cut: number
}

/** A value cut to `limit` characters, ending in "…". */
export function shortenText(text: string, limit: number): Shortened<string> {
  return text.length > limit ? { value: `${text.slice(0, limit)}…`, cut: 1 } : { value: text, cut: 0 }
}

function shortenList<T>(items: readonly T[], limit: number): Shortened<T[]> {
  return items.length > limit ? { value: items.slice(0, limit), cut: items.length - limit } : { value: [...items], cut: 0 }
}

/** The sections as shown before "show all": at most `items` lines and rows each, every value at most `characters` long. */
export function shortenSections(sections: readonly EvidenceSection[], limits: Pick<typeof EVIDENCE_LIMITS, 'items' | 'characters'> = EVIDENCE_LIMITS): Shortened<EvidenceSection[]> {
  let cut = 0
  const text = (value: string): string => {
    const shortened = shortenText(value, limits.characters)
    cut += shortened.cut
    return shortened.value
  }
  const value = sections.map((section) => {
    const lines = shortenList(section.lines, limits.items)
    cut += lines.cut
    const shortened: EvidenceSection = { ...(section.heading === undefined ? {} : { heading: text(section.heading) }), lines: lines.value.map(text) }
    if (section.table) {
      const rows = shortenList(section.table.rows, limits.items)
      cut += rows.cut
      shortened.table = { ...section.table, rows: rows.value.map((row) => row.map(text)) }
    }
    return shortened
  })
  return { value, cut }
}
