import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { HELP_TEXTS } from '../texts/help'
import { HelpPage } from './HelpPage'
import { parseHelpMarkdown } from './markdown'
import { helpPageFor } from './pages'
import '../styles.css'

const { language, markdown } = helpPageFor(location.search)
const texts = HELP_TEXTS[language]
document.documentElement.lang = language
const blocks = markdown === null ? null : parseHelpMarkdown(markdown)
const title = blocks?.find((block) => block.kind === 'heading')
if (title?.kind === 'heading') document.title = texts.windowTitle(title.spans.map((span) => span.text).join(''))

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HelpPage blocks={blocks} unknownTopic={texts.unknownTopic} />
  </StrictMode>,
)
