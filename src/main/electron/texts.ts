// What the Electron shell itself says, outside the window: the settings file it could not use.
import type { Language } from '../../shared/language'
import type { InEveryLanguage } from '../../shared/texts/shape'

export interface ShellTexts {
  settingsProblemTitle: string
  usingDefaults: (problem: string) => string
}

const en: ShellTexts = {
  settingsProblemTitle: 'NetMend settings',
  usingDefaults: (problem) => `${problem}\nNetMend uses its default settings instead.`,
}

const de = {
  settingsProblemTitle: 'NetMend-Einstellungen',
  usingDefaults: (problem) => `${problem}\nNetMend verwendet stattdessen seine Standardeinstellungen.`,
} satisfies ShellTexts

const SHELL_TEXTS: InEveryLanguage<ShellTexts> = { en, de }

export const shellTexts = (language: Language): ShellTexts => SHELL_TEXTS[language]
