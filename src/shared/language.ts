// Which language people read: the operating system's choice among the ones NetMend has, English otherwise.
// English is the source every text is written in first; every other language has every text too.

export const LANGUAGES = ['en', 'de'] as const
export type Language = (typeof LANGUAGES)[number]
export const SOURCE_LANGUAGE: Language = 'en'

const isLanguage = (code: string): code is Language => (LANGUAGES as readonly string[]).includes(code)

/**
 * The first of the preferred languages NetMend has, best first: BCP 47 tags as Electron gives them
 * ("de-AT", "en-US") or POSIX locales as the environment does ("de_DE.UTF-8", "C"); English when none fits.
 */
export function pickLanguage(preferences: readonly (string | undefined)[]): Language {
  for (const preference of preferences) {
    const primary = preference?.trim().split(/[-_.@]/)[0]?.toLowerCase()
    if (primary && isLanguage(primary)) return primary
  }
  return SOURCE_LANGUAGE
}

/** The command line's language, as the C library picks the messages' locale: LC_ALL, then LC_MESSAGES, then LANG. */
export function languageFromEnvironment(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '')
  return pickLanguage([locale])
}

/**
 * The locale numbers and dates are written in: the system's own when it speaks the chosen language (a British
 * English system keeps its day-month dates), the language itself otherwise.
 */
export function formattingLocale(language: Language, systemLocale: string | undefined): string {
  try {
    // POSIX spells it de_DE.UTF-8; Intl wants de-DE.
    const canonical = systemLocale ? Intl.getCanonicalLocales(systemLocale.replace(/\..*$/, '').replace(/_/g, '-'))[0] : undefined
    return canonical?.split('-')[0]?.toLowerCase() === language ? canonical : language
  } catch {
    return language
  }
}
