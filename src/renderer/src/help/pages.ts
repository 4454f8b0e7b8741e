// The help pages are bundled into the app at build time: people open them when their internet is broken.
import type { HelpTopic } from '../../../shared/contract'
import { pickLanguage, type Language } from '../../../shared/language'
import type { InEveryLanguage } from '../../../shared/texts/shape'
import clearSiteData from '../../../../docs/help/clear-site-data.md?raw'
import clearSiteDataDe from '../../../../docs/help/de/clear-site-data.md?raw'
import dnsDe from '../../../../docs/help/de/dns.md?raw'
import restartRouterDe from '../../../../docs/help/de/restart-router.md?raw'
import dns from '../../../../docs/help/dns.md?raw'
import restartRouter from '../../../../docs/help/restart-router.md?raw'

export const HELP_PAGES: InEveryLanguage<Record<HelpTopic, string>> = {
  en: { 'clear-site-data': clearSiteData, 'restart-router': restartRouter, dns },
  de: { 'clear-site-data': clearSiteDataDe, 'restart-router': restartRouterDe, dns: dnsDe },
}

/**
 * What the window's address asks for (`help.html?topic=dns&lang=de`): the language main chose, and that
 * topic's page in it, or null for a topic that is not ours.
 */
export function helpPageFor(search: string): { language: Language; markdown: string | null } {
  const query = new URLSearchParams(search)
  const language = pickLanguage([query.get('lang') ?? undefined])
  const topic = query.get('topic')
  const pages = HELP_PAGES[language]
  return { language, markdown: topic !== null && Object.hasOwn(pages, topic) ? pages[topic as HelpTopic] : null }
}
