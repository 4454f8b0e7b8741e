// Changing DNS settings ("address books"): why a change did not happen, and what a change did. The app
// and the command line say each event the same way; the command line's own wording of a few failures
// (naming the command to run) lives with its other texts.
import type { DnsOutcome } from '../dns-outcome'
import type { DnsSettingsErrorCode, DnsSettingsFailure } from '../errors'
import { sayByCode, type InEveryLanguage, type TextsByCode } from './shape'

export interface DnsSettingsTexts {
  /** The app's words: no terminal commands. */
  errors: Record<DnsSettingsErrorCode, (detail: string) => string>
  outcomes: TextsByCode<DnsOutcome>
  /** At start: a change an earlier run left unconfirmed (a crash, a kill, a power cut) was undone. */
  recovered: string
  /** The sentence the system's own password dialog shows next to its question (macOS lets NetMend add one). */
  adminPromptReason: string
}

const en: DnsSettingsTexts = {
  errors: {
    'dns-settings.bad-address': (detail) => `"${detail}" is not the address of an address book (for example 1.1.1.1).`,
    'dns-settings.no-servers': () => 'No address book was chosen.',
    'dns-settings.unknown-resolver': (detail) => `"${detail}" is not one of the public address books NetMend knows, so nothing was changed.`,
    'dns-settings.unknown-adapter': (detail) => `There is no connection called "${detail}" on this computer any more.`,
    'dns-settings.unsafe-name': () => 'A connection on this computer has a name NetMend will not pass to a system command, so nothing was changed.',
    'dns-settings.refused': (detail) =>
      `The administrator step refused this (${detail}): it only ever changes the address books NetMend manages, in the way NetMend writes them. Nothing was changed.`,
    'dns-settings.unreadable': (detail) => `NetMend could not read this computer's current settings (${detail}).`,
    'dns-settings.unsupported': () => 'NetMend cannot change address books on this kind of system.',
    'dns-settings.no-adapter': () => 'No ordinary Wi-Fi or cable connection was found to change (VPN connections are left alone unless you name them).',
    'dns-settings.snapshot-failed': (detail) => `NetMend could not save a copy of your current settings first, so it changed nothing (${detail}).`,
    'dns-settings.apply-failed': (detail) => `The system refused the change (${detail}).`,
    'dns-settings.verification-failed': (detail) => `The new address book did not answer (${detail}), so NetMend put your previous settings back.`,
    'dns-settings.rollback-failed': (detail) =>
      `Putting your previous settings back did not fully work (${detail}). Try undoing the change again; if it still fails, NetMend's help explains how to put your settings back by hand.`,
    'dns-settings.elevation-declined': () => 'The administrator password was not given, so nothing was changed.',
    'dns-settings.elevation-unavailable': () =>
      'NetMend could not ask for the administrator password: this computer has no password dialog running for it. Nothing was changed.',
    'dns-settings.busy': () => 'NetMend is already changing these settings (in this window, another one, or a command). Try again when that change is finished.',
    'dns-settings.nothing-to-confirm': () => 'There is no new setting waiting to be kept.',
    'dns-settings.adapter-gone': (detail) => `The connection "${detail}" is no longer there, so its settings could not be put back.`,
    'dns-settings.flush-failed': (detail) => `Clearing the remembered addresses did not work (${detail}).`,
    'dns-settings.aborted': () => 'Stopped; your previous settings are in place.',
    'dns-settings.data-folder-unsafe': (detail) =>
      `NetMend will not use the folder where it keeps a copy of your settings, because someone other than you could have changed what is in it (${detail}). It changed nothing. NetMend's help explains how to make the folder yours again.`,
    'dns-settings.data-folder-unwritable': (detail) =>
      `NetMend cannot save anything in its folder (${detail}), so it cannot keep a copy of your settings to go back to, and changed nothing. Check that the disk is not full or read-only.`,
    'dns-settings.undone-not-noted': (detail) =>
      `An earlier change of address book was interrupted. NetMend put your previous settings back, but it cannot save anything in its folder (${detail}) to note that, so it will check again next time. Check that the disk is not full or read-only.`,
    'dns-settings.journal-damaged': (detail) =>
      `NetMend's note about its last change was damaged (${detail}), so it could not tell what that change did. To be safe, it put back the settings you had before NetMend first changed anything. The damaged note was kept, with ".damaged" added to its name.`,
    'dns-settings.original-damaged': (detail) =>
      `NetMend's copy of the settings you had before its first change is damaged (${detail}), so NetMend can no longer put those settings back for you; your current settings stay as they are. NetMend's help explains how to choose your address books by hand. The damaged copy was kept, with ".damaged" added to its name.`,
  },
  outcomes: {
    switched: ({ servers, adapters }) => `Now using ${servers.join(', ')} on ${adapters.join(', ')}.`,
    reverted: ({ adapters }) => `Your previous settings are back on ${adapters.join(', ')}, exactly as they were.`,
    'nothing-to-revert': () => 'NetMend had not changed anything, so there is nothing to undo.',
    flushed: ({ method }) => `Cleared the addresses this computer remembered (${method}).`,
    'nothing-to-flush': () => 'This computer does not keep a memory of looked-up addresses, so there was nothing to clear.',
  },
  recovered: 'An earlier change was interrupted before it was finished; your previous settings have been put back.',
  adminPromptReason: 'NetMend wants to change which address books (DNS servers) this Mac uses.',
}

const de = {
  errors: {
    'dns-settings.bad-address': (detail) => `„${detail}“ ist nicht die Adresse eines Adressbuchs (zum Beispiel 1.1.1.1).`,
    'dns-settings.no-servers': () => 'Es wurde kein Adressbuch ausgewählt.',
    'dns-settings.unknown-resolver': (detail) => `„${detail}“ ist keines der öffentlichen Adressbücher, die NetMend kennt, deshalb wurde nichts geändert.`,
    'dns-settings.unknown-adapter': (detail) => `Auf diesem Computer gibt es keine Verbindung namens „${detail}“ mehr.`,
    'dns-settings.unsafe-name': () => 'Eine Verbindung auf diesem Computer hat einen Namen, den NetMend an keinen Systembefehl weitergibt, deshalb wurde nichts geändert.',
    'dns-settings.refused': (detail) =>
      `Der Administratorschritt hat das abgelehnt (${detail}): Er ändert nur die Adressbücher, die NetMend verwaltet, und nur so, wie NetMend sie schreibt. Es wurde nichts geändert.`,
    'dns-settings.unreadable': (detail) => `NetMend konnte die aktuellen Einstellungen dieses Computers nicht lesen (${detail}).`,
    'dns-settings.unsupported': () => 'NetMend kann Adressbücher auf dieser Art von System nicht ändern.',
    'dns-settings.no-adapter': () =>
      'Es wurde keine gewöhnliche WLAN- oder Kabelverbindung gefunden, die sich ändern ließe (VPN-Verbindungen bleiben unberührt, solange Sie sie nicht ausdrücklich nennen).',
    'dns-settings.snapshot-failed': (detail) => `NetMend konnte vorher keine Kopie Ihrer aktuellen Einstellungen sichern und hat deshalb nichts geändert (${detail}).`,
    'dns-settings.apply-failed': (detail) => `Das System hat die Änderung abgelehnt (${detail}).`,
    'dns-settings.verification-failed': (detail) => `Das neue Adressbuch hat nicht geantwortet (${detail}), deshalb hat NetMend Ihre vorherigen Einstellungen zurückgeholt.`,
    'dns-settings.rollback-failed': (detail) =>
      `Das Zurückholen Ihrer vorherigen Einstellungen hat nicht ganz geklappt (${detail}). Versuchen Sie noch einmal, die Änderung rückgängig zu machen; wenn es weiterhin nicht klappt, erklärt die Hilfe von NetMend, wie Sie Ihre Einstellungen von Hand zurücksetzen.`,
    'dns-settings.elevation-declined': () => 'Das Administratorpasswort wurde nicht eingegeben, deshalb wurde nichts geändert.',
    'dns-settings.elevation-unavailable': () =>
      'NetMend konnte nicht nach dem Administratorpasswort fragen: Auf diesem Computer läuft dafür kein Passwortdialog. Es wurde nichts geändert.',
    'dns-settings.busy': () =>
      'NetMend ändert diese Einstellungen gerade schon (in diesem Fenster, in einem anderen oder über einen Befehl). Versuchen Sie es erneut, wenn diese Änderung fertig ist.',
    'dns-settings.nothing-to-confirm': () => 'Es gibt keine neue Einstellung, die behalten werden könnte.',
    'dns-settings.adapter-gone': (detail) => `Die Verbindung „${detail}“ gibt es nicht mehr, deshalb ließen sich ihre Einstellungen nicht zurückholen.`,
    'dns-settings.flush-failed': (detail) => `Das Löschen der gemerkten Adressen hat nicht geklappt (${detail}).`,
    'dns-settings.aborted': () => 'Abgebrochen; Ihre vorherigen Einstellungen gelten weiter.',
    'dns-settings.data-folder-unsafe': (detail) =>
      `NetMend verwendet den Ordner nicht, in dem es eine Kopie Ihrer Einstellungen aufbewahrt, weil jemand anderes als Sie seinen Inhalt verändert haben könnte (${detail}). Es wurde nichts geändert. Die Hilfe von NetMend erklärt, wie der Ordner wieder Ihnen gehört.`,
    'dns-settings.data-folder-unwritable': (detail) =>
      `NetMend kann in seinem Ordner nichts speichern (${detail}), also auch keine Kopie Ihrer Einstellungen für den Weg zurück, und hat deshalb nichts geändert. Prüfen Sie, ob der Datenträger voll oder schreibgeschützt ist.`,
    'dns-settings.undone-not-noted': (detail) =>
      `Eine frühere Änderung des Adressbuchs wurde unterbrochen. NetMend hat Ihre vorherigen Einstellungen wiederhergestellt, kann das aber nicht in seinem Ordner vermerken (${detail}) und prüft deshalb beim nächsten Mal erneut. Prüfen Sie, ob der Datenträger voll oder schreibgeschützt ist.`,
    'dns-settings.journal-damaged': (detail) =>
      `Die Notiz von NetMend über seine letzte Änderung war beschädigt (${detail}), deshalb ließ sich nicht sagen, was diese Änderung bewirkt hat. Sicherheitshalber wurden die Einstellungen wiederhergestellt, die Sie vor der ersten Änderung durch NetMend hatten. Die beschädigte Notiz wurde aufbewahrt, mit „.damaged“ am Ende ihres Namens.`,
    'dns-settings.original-damaged': (detail) =>
      `Die Kopie der Einstellungen, die Sie vor der ersten Änderung durch NetMend hatten, ist beschädigt (${detail}); NetMend kann diese Einstellungen deshalb nicht mehr für Sie wiederherstellen. Ihre jetzigen Einstellungen bleiben, wie sie sind. Die Hilfe von NetMend erklärt, wie Sie Ihre Adressbücher von Hand wählen. Die beschädigte Kopie wurde aufbewahrt, mit „.damaged“ am Ende ihres Namens.`,
  },
  outcomes: {
    switched: ({ servers, adapters }) => `Jetzt in Verwendung: ${servers.join(', ')} auf ${adapters.join(', ')}.`,
    reverted: ({ adapters }) => `Ihre vorherigen Einstellungen auf ${adapters.join(', ')} sind zurück, genau so, wie sie waren.`,
    'nothing-to-revert': () => 'NetMend hatte nichts geändert, es gibt also nichts rückgängig zu machen.',
    flushed: ({ method }) => `Die Adressen, die sich dieser Computer gemerkt hatte, wurden gelöscht (${method}).`,
    'nothing-to-flush': () => 'Dieser Computer merkt sich keine nachgeschlagenen Adressen, es gab also nichts zu löschen.',
  },
  recovered: 'Eine frühere Änderung wurde unterbrochen, bevor sie fertig war; Ihre vorherigen Einstellungen wurden wiederhergestellt.',
  adminPromptReason: 'NetMend möchte ändern, welche Adressbücher (DNS-Server) dieser Mac verwendet.',
} satisfies DnsSettingsTexts

export const DNS_SETTINGS_TEXTS: InEveryLanguage<DnsSettingsTexts> = { en, de }

export const describeDnsOutcome = (outcome: DnsOutcome, texts: DnsSettingsTexts): string => sayByCode(texts.outcomes, outcome)
export const describeDnsFailure = (failure: DnsSettingsFailure, texts: DnsSettingsTexts): string => texts.errors[failure.code](failure.detail)
