// The little Markdown our help pages use (docs/help/*.md): headings, paragraphs, bulleted and numbered
// lists, **bold**. Parsed into plain data so the page is built with React elements, never from HTML.

export interface Span {
  text: string
  strong: boolean
}

export type HelpBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; spans: Span[] }
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'list'; ordered: boolean; items: Span[][] }

const HEADING = /^(#{1,3})\s+(.*)$/
const LIST_ITEM = /^(?:([-*])|(\d+)\.)\s+(.*)$/

/** `**bold**` runs and plain text in between. */
export function parseSpans(text: string): Span[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('**') && part.endsWith('**') && part.length > 4 ? { text: part.slice(2, -2), strong: true } : { text: part, strong: false }))
}

export function parseHelpMarkdown(markdown: string): HelpBlock[] {
  const blocks: HelpBlock[] = []
  let paragraph: string[] = []
  let list: { ordered: boolean; items: string[] } | null = null
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', spans: parseSpans(paragraph.join(' ')) })
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseSpans) })
    paragraph = []
    list = null
  }
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim()
    const heading = HEADING.exec(line)
    const item = LIST_ITEM.exec(line)
    if (!line) flush()
    else if (heading) {
      flush()
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, spans: parseSpans(heading[2]!) })
    } else if (item) {
      const ordered = item[2] !== undefined
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush()
      list ??= { ordered, items: [] }
      list.items.push(item[3]!)
    } else if (list && raw.startsWith(' ')) list.items[list.items.length - 1] += ` ${line}`
    else {
      if (list) flush()
      paragraph.push(line)
    }
  }
  flush()
  return blocks
}
