// The help window's own words; the pages themselves are docs/help/<topic>.md, one set per language.
import type { InEveryLanguage } from '../../../shared/texts/shape'

export interface HelpTexts {
  windowTitle: (pageTitle: string) => string
  unknownTopic: string
}

const en: HelpTexts = {
  windowTitle: (pageTitle) => `${pageTitle} — NetMend help`,
  unknownTopic: 'This help page is not part of NetMend.',
}

const de = {
  windowTitle: (pageTitle) => `${pageTitle} – NetMend-Hilfe`,
  unknownTopic: 'Diese Hilfeseite gehört nicht zu NetMend.',
} satisfies HelpTexts

export const HELP_TEXTS: InEveryLanguage<HelpTexts> = { en, de }
