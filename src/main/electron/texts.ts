// What the Electron shell itself says, outside the window: the settings file it could not use, and the
// titles of its menus (the items are Electron's roles, which the OS names in its own language).
import type { Language } from '../../shared/language'
import type { InEveryLanguage } from '../../shared/texts/shape'

export interface ShellTexts {
  settingsProblemTitle: string
  usingDefaults: (problem: string) => string
  menu: { edit: string; window: string; develop: string }
}

const en: ShellTexts = {
  settingsProblemTitle: 'NetMend settings',
  usingDefaults: (problem) => `${problem}\nNetMend uses its default settings instead.`,
  menu: { edit: 'Edit', window: 'Window', develop: 'Develop' },
}

const de = {
  settingsProblemTitle: 'NetMend-Einstellungen',
  usingDefaults: (problem) => `${problem}\nNetMend verwendet stattdessen seine Standardeinstellungen.`,
  menu: { edit: 'Bearbeiten', window: 'Fenster', develop: 'Entwickeln' },
} satisfies ShellTexts

const SHELL_TEXTS: InEveryLanguage<ShellTexts> = { en, de }

export const shellTexts = (language: Language): ShellTexts => SHELL_TEXTS[language]
