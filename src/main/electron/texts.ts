// What the Electron shell itself says, outside the window: the titles of its menus (the items are Electron's
// roles, which the OS names in its own language), and watching in the background.
import type { Language } from '../../shared/language'
import type { InEveryLanguage } from '../../shared/texts/shape'

export interface ShellTexts {
  menu: { edit: string; window: string; develop: string }
  /** While a watch goes on with the window closed: the one notification that says so, and the tray icon's menu. */
  background: {
    keepsWatching: (site: string) => string
    trayTooltip: (site: string) => string
    show: string
    stopWatching: string
  }
}

const en: ShellTexts = {
  menu: { edit: 'Edit', window: 'Window', develop: 'Develop' },
  background: {
    keepsWatching: (site) => `NetMend keeps watching ${site} with its window closed and will tell you when it works again. Click here to open it.`,
    trayTooltip: (site) => `NetMend is watching ${site}`,
    show: 'Show NetMend',
    stopWatching: 'Stop watching',
  },
}

const de = {
  menu: { edit: 'Bearbeiten', window: 'Fenster', develop: 'Entwickeln' },
  background: {
    keepsWatching: (site) =>
      `NetMend beobachtet ${site} bei geschlossenem Fenster weiter und gibt Ihnen Bescheid, sobald es wieder funktioniert. Klicken Sie hier, um es zu öffnen.`,
    trayTooltip: (site) => `NetMend beobachtet ${site}`,
    show: 'NetMend anzeigen',
    stopWatching: 'Beobachtung beenden',
  },
} satisfies ShellTexts

const SHELL_TEXTS: InEveryLanguage<ShellTexts> = { en, de }

export const shellTexts = (language: Language): ShellTexts => SHELL_TEXTS[language]
