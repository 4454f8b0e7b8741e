// Past diagnoses kept on this computer.
import type { InEveryLanguage } from '../../../shared/texts/shape'

export interface HistoryTexts {
  toggle: string
  heading: string
  listLabel: string
  empty: string
  loadFailed: string
  connectionOnly: string
  /** The subject of a past diagnosis inside a sentence. */
  subject: (site: string | null) => string
  open: string
  delete: string
  entryName: (subject: string, when: string) => string
  deleteAll: string
  confirmDeleteAll: (count: number) => string
  confirmYes: string
  confirmNo: string
  deleted: string
  deletedAll: string
  close: string
  viewingHeading: string
  viewing: (subject: string, when: string) => string
  backToCurrent: string
}

const en: HistoryTexts = {
  toggle: 'History',
  heading: 'History',
  listLabel: 'Past diagnoses',
  empty: 'No diagnoses yet. Each one you run is kept here, on this computer only.',
  loadFailed: 'The history could not be read.',
  connectionOnly: 'Connection only',
  subject: (site) => (site ? `the diagnosis of ${site}` : 'the connection check'),
  open: 'Open',
  delete: 'Delete',
  entryName: (subject, when) => ` ${subject} from ${when}`,
  deleteAll: 'Delete all',
  confirmDeleteAll: (count) => `Delete all ${count} past diagnoses? This can’t be undone.`,
  confirmYes: 'Yes, delete all',
  confirmNo: 'Keep them',
  deleted: 'Deleted.',
  deletedAll: 'The history is empty now.',
  close: 'Close history',
  viewingHeading: 'Past diagnosis',
  viewing: (subject, when) => `You are looking at ${subject} from ${when}. Nothing here is run again.`,
  backToCurrent: 'Back to the current diagnosis',
}

const de = {
  toggle: 'Verlauf',
  heading: 'Verlauf',
  listLabel: 'Frühere Prüfungen',
  empty: 'Noch keine Prüfungen. Jede, die Sie starten, wird hier aufbewahrt – nur auf diesem Computer.',
  loadFailed: 'Der Verlauf ließ sich nicht lesen.',
  connectionOnly: 'Nur Verbindung',
  subject: (site) => (site ? `die Prüfung von ${site}` : 'die Prüfung der Verbindung'),
  open: 'Öffnen',
  delete: 'Löschen',
  entryName: (subject, when) => `: ${subject} vom ${when}`,
  deleteAll: 'Alle löschen',
  confirmDeleteAll: (count) => `Alle ${count} früheren Prüfungen löschen? Das lässt sich nicht rückgängig machen.`,
  confirmYes: 'Ja, alle löschen',
  confirmNo: 'Behalten',
  deleted: 'Gelöscht.',
  deletedAll: 'Der Verlauf ist jetzt leer.',
  close: 'Verlauf schließen',
  viewingHeading: 'Frühere Prüfung',
  viewing: (subject, when) => `Sie sehen ${subject} vom ${when}. Hier wird nichts erneut ausgeführt.`,
  backToCurrent: 'Zurück zur aktuellen Prüfung',
} satisfies HistoryTexts

export const HISTORY_TEXTS: InEveryLanguage<HistoryTexts> = { en, de }
