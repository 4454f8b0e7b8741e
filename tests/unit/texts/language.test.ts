// Which language NetMend speaks: the operating system's, when NetMend has it; English otherwise.
import { describe, expect, it } from 'vitest'
import { formattingLocale, languageFromEnvironment, pickLanguage } from '../../../src/shared/language'

describe('the language from the operating system', () => {
  it.each([
    [['de-DE', 'en-US'], 'de'],
    [['de-AT'], 'de'],
    [['fr-FR', 'de-CH', 'en'], 'de'],
    [['fr-FR', 'en-GB', 'de'], 'en'],
    [['fr-FR', 'ja'], 'en'],
    [[], 'en'],
    [[undefined, ''], 'en'],
    [['DE'], 'de'],
  ] as [(string | undefined)[], string][])('Electron says %j → %s', (preferences, language) => {
    expect(pickLanguage(preferences)).toBe(language)
  })

  it.each([
    [{ LANG: 'de_DE.UTF-8' }, 'de'],
    [{ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'de_AT.UTF-8' }, 'de'],
    [{ LANG: 'de_DE.UTF-8', LC_ALL: 'C' }, 'en'],
    [{ LANG: 'de_DE.UTF-8', LC_ALL: '' }, 'de'],
    [{ LC_ALL: 'de_DE@euro' }, 'de'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{}, 'en'],
  ])('the command line with %j → %s', (env, language) => {
    expect(languageFromEnvironment(env)).toBe(language)
  })

  it('writes numbers and dates the way the system does when it speaks that language, else the language’s way', () => {
    expect(formattingLocale('en', 'en-GB')).toBe('en-GB')
    expect(formattingLocale('de', 'de_AT.UTF-8')).toBe('de-AT')
    expect(formattingLocale('de', 'en-US')).toBe('de')
    expect(formattingLocale('en', 'fr-FR')).toBe('en')
    expect(formattingLocale('en', 'C')).toBe('en')
    expect(formattingLocale('en', undefined)).toBe('en')
  })
})
