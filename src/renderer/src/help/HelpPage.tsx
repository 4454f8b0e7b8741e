import { HELP_PAGE_TEXTS } from '../../../shared/ui-texts'
import type { HelpBlock, Span } from './markdown'

function Spans({ spans }: { spans: Span[] }): React.JSX.Element {
  return <>{spans.map((span, index) => (span.strong ? <strong key={index}>{span.text}</strong> : <span key={index}>{span.text}</span>))}</>
}

function Block({ block }: { block: HelpBlock }): React.JSX.Element {
  if (block.kind === 'heading') {
    const Heading = `h${block.level}` as const
    return (
      <Heading>
        <Spans spans={block.spans} />
      </Heading>
    )
  }
  if (block.kind === 'paragraph')
    return (
      <p>
        <Spans spans={block.spans} />
      </p>
    )
  const List = block.ordered ? 'ol' : 'ul'
  return (
    <List>
      {block.items.map((item, index) => (
        <li key={index}>
          <Spans spans={item} />
        </li>
      ))}
    </List>
  )
}

/** One help page, read from the app itself. */
export function HelpPage({ blocks }: { blocks: HelpBlock[] | null }): React.JSX.Element {
  return (
    <main className="page help-page">
      {blocks ? blocks.map((block, index) => <Block key={index} block={block} />) : <p>{HELP_PAGE_TEXTS.unknownTopic}</p>}
    </main>
  )
}
