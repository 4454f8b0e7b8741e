import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { HELP_PAGE_TEXTS } from '../../../shared/ui-texts'
import { HelpPage } from './HelpPage'
import { parseHelpMarkdown } from './markdown'
import { helpPageFor } from './pages'
import '../styles.css'

const markdown = helpPageFor(location.search)
const blocks = markdown === null ? null : parseHelpMarkdown(markdown)
const title = blocks?.find((block) => block.kind === 'heading')
if (title?.kind === 'heading') document.title = HELP_PAGE_TEXTS.windowTitle(title.spans.map((span) => span.text).join(''))

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HelpPage blocks={blocks} />
  </StrictMode>,
)
