// Watching a site until it works again: the one sentence for "it is back", in the window and in the
// system notification alike.
import type { InEveryLanguage } from './shape'

export interface WatchTexts {
  back: (site: string) => string
}

const en: WatchTexts = {
  back: (site) => `${site} works again.`,
}

const de = {
  back: (site) => `${site} funktioniert wieder.`,
} satisfies WatchTexts

export const WATCH_TEXTS: InEveryLanguage<WatchTexts> = { en, de }
