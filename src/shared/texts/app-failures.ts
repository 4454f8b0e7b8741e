// When the app itself fails rather than the network: each says what happened and what to do next, in the
// window and in the system notification alike. The system's own error codes (ENOENT, EACCES…) are put
// into words here too, so none reaches people raw.
import type { AppFailure, AppFailureCode } from '../errors'
import type { InEveryLanguage } from './shape'

/** The system error codes people meet when a file or folder cannot be used. */
const SYSTEM_REASONS = ['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EBUSY', 'EMFILE'] as const
type SystemReason = (typeof SYSTEM_REASONS)[number]

export interface AppFailureTexts {
  failures: Record<AppFailureCode, (site: string) => string>
  /** A system error code in words; `other` for a code we have no words for (it is shown as it is). */
  systemReasons: Record<SystemReason, string> & { other: (code: string) => string }
}

const en: AppFailureTexts = {
  failures: {
    'diagnosis.failed': () => 'The checks stopped because of a fault inside NetMend, not because of your network. Press Diagnose to try again.',
    'watch.failed': (site) =>
      `NetMend stopped watching ${site} because of a fault inside NetMend while checking it. Press “Tell me when it is back” to watch it again.`,
    'report.not-saved': () => 'The report could not be saved there. Choose another folder (for example Documents), or copy the report instead.',
  },
  systemReasons: {
    ENOENT: 'it does not exist',
    ENOTDIR: 'part of its path is a file, not a folder',
    EISDIR: 'it is a folder, not a file',
    EACCES: 'you do not have permission to use it',
    EPERM: 'you do not have permission to use it',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'your storage allowance is used up',
    EBUSY: 'another program is using it',
    EMFILE: 'too many files are open; close some programs and try again',
    other: (code) => `the system said ${code}`,
  },
}

const de = {
  failures: {
    'diagnosis.failed': () =>
      'Die Prüfungen wurden wegen eines Fehlers in NetMend abgebrochen, nicht wegen Ihres Netzwerks. Klicken Sie auf „Diagnose“, um es erneut zu versuchen.',
    'watch.failed': (site) =>
      `NetMend beobachtet ${site} nicht mehr, weil beim Prüfen ein Fehler in NetMend aufgetreten ist. Klicken Sie auf „Bescheid geben, sobald es wieder geht“, um sie erneut zu beobachten.`,
    'report.not-saved': () =>
      'Der Bericht ließ sich dort nicht speichern. Wählen Sie einen anderen Ordner (zum Beispiel „Dokumente“) oder kopieren Sie den Bericht stattdessen.',
  },
  systemReasons: {
    ENOENT: 'sie existiert nicht',
    ENOTDIR: 'ein Teil des Pfads ist eine Datei, kein Ordner',
    EISDIR: 'das ist ein Ordner, keine Datei',
    EACCES: 'Sie haben keine Berechtigung dafür',
    EPERM: 'Sie haben keine Berechtigung dafür',
    EROFS: 'der Datenträger ist schreibgeschützt',
    ENOSPC: 'der Datenträger ist voll',
    EDQUOT: 'Ihr Speicherkontingent ist aufgebraucht',
    EBUSY: 'ein anderes Programm verwendet sie',
    EMFILE: 'es sind zu viele Dateien geöffnet; schließen Sie einige Programme und versuchen Sie es erneut',
    other: (code) => `das System meldet ${code}`,
  },
} satisfies AppFailureTexts

export const APP_FAILURE_TEXTS: InEveryLanguage<AppFailureTexts> = { en, de }

const isSystemReason = (code: string): code is SystemReason => (SYSTEM_REASONS as readonly string[]).includes(code)

/** A system error code ("ENOENT") in words. */
export const describeSystemReason = (code: string, texts: AppFailureTexts): string => (isSystemReason(code) ? texts.systemReasons[code] : texts.systemReasons.other(code))

/** `site`: the site a watch was for (only 'watch.failed' names one). */
export const describeAppFailure = (failed: AppFailure, texts: AppFailureTexts, site = ''): string => texts.failures[failed.code](site)
