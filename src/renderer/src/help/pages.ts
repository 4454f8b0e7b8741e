// The help pages are bundled into the app at build time: people open them when their internet is broken.
import type { HelpTopic } from '../../../shared/contract'
import clearSiteData from '../../../../docs/help/clear-site-data.md?raw'
import dns from '../../../../docs/help/dns.md?raw'
import restartRouter from '../../../../docs/help/restart-router.md?raw'

export const HELP_PAGES = {
  'clear-site-data': clearSiteData,
  'restart-router': restartRouter,
  dns,
} satisfies Record<HelpTopic, string>

/** The page asked for in the window's address (`help.html?topic=dns`), or null for anything else. */
export function helpPageFor(search: string): string | null {
  const topic = new URLSearchParams(search).get('topic')
  return topic !== null && Object.hasOwn(HELP_PAGES, topic) ? HELP_PAGES[topic as HelpTopic] : null
}
