import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { HELP_TOPICS } from '../../../src/shared/contract'
import { parseHelpMarkdown } from '../../../src/renderer/src/help/markdown'

describe('help pages shipped inside the app', () => {
  it('there is one page per help topic the app can open, and no page without a topic', () => {
    expect(readdirSync('docs/help').sort()).toEqual(HELP_TOPICS.map((topic) => `${topic}.md`).sort())
  })

  it.each(HELP_TOPICS)('%s reads as a title followed by its text, with nothing left as Markdown syntax', (topic) => {
    const blocks = parseHelpMarkdown(readFileSync(`docs/help/${topic}.md`, 'utf8'))
    expect(blocks[0]?.kind).toBe('heading')
    expect(blocks.length).toBeGreaterThan(1)
    const texts = blocks.flatMap((block) => (block.kind === 'list' ? block.items.flat() : block.spans)).map((span) => span.text)
    for (const text of texts) expect(text).not.toMatch(/\*\*|^#|^\s*-\s|^\d+\.\s/)
  })

  it('turns lists, numbered steps, bold words and wrapped lines into blocks', () => {
    const blocks = parseHelpMarkdown(
      ['# Title', '', 'A paragraph', 'that wraps.', '', '- **Chrome**: open the site,', '  then reload.', '- **Edge**: reload.', '', '1. Unplug.', '2. Wait.'].join('\n'),
    )
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, spans: [{ text: 'Title', strong: false }] },
      { kind: 'paragraph', spans: [{ text: 'A paragraph that wraps.', strong: false }] },
      {
        kind: 'list',
        ordered: false,
        items: [
          [
            { text: 'Chrome', strong: true },
            { text: ': open the site, then reload.', strong: false },
          ],
          [
            { text: 'Edge', strong: true },
            { text: ': reload.', strong: false },
          ],
        ],
      },
      { kind: 'list', ordered: true, items: [[{ text: 'Unplug.', strong: false }], [{ text: 'Wait.', strong: false }]] },
    ])
  })
})
