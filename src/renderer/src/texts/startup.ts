// What the window says about start-up and about the app's own failures: a settings file that could not be
// used, a DNS change found unfinished and what was done about it, and checks that stopped by a fault.
import type { InEveryLanguage } from '../../../shared/texts/shape'

export interface StartupTexts {
  startup: {
    regionLabel: string
    /** After the settings file's problem: what NetMend does instead and what to do about it. */
    usingDefaults: string
    /** After the words for a DNS change found unfinished that could not be put right. */
    recoveryFailedNext: string
    dismiss: string
  }
  /** The progress line when the checks stopped by a fault. */
  runFailed: string
}

const en: StartupTexts = {
  startup: {
    regionLabel: 'Found at start',
    usingDefaults: 'NetMend uses its default settings for now. Correct the file or remove it, then start NetMend again.',
    recoveryFailedNext: 'Until this is sorted out, sites may not load. If they don’t, restart your computer or choose your address books by hand.',
    dismiss: 'Dismiss',
  },
  runFailed: 'The checks stopped before they were finished.',
}

const de = {
  startup: {
    regionLabel: 'Beim Start gefunden',
    usingDefaults: 'NetMend verwendet vorerst seine Standardeinstellungen. Korrigieren oder entfernen Sie die Datei und starten Sie NetMend dann neu.',
    recoveryFailedNext:
      'Bis das geklärt ist, laden Websites möglicherweise nicht. Wenn sie nicht laden, starten Sie Ihren Computer neu oder wählen Sie Ihre Adressbücher von Hand.',
    dismiss: 'Schließen',
  },
  runFailed: 'Die Prüfungen wurden beendet, bevor sie fertig waren.',
} satisfies StartupTexts

export const STARTUP_TEXTS: InEveryLanguage<StartupTexts> = { en, de }
