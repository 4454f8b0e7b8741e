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
}

const en: DnsSettingsTexts = {
  errors: {
    'dns-settings.bad-address': (detail) => `"${detail}" is not the address of an address book (for example 1.1.1.1).`,
    'dns-settings.no-servers': () => 'No address book was chosen.',
    'dns-settings.unknown-adapter': (detail) => `There is no connection called "${detail}" on this computer any more.`,
    'dns-settings.unsafe-name': () => 'A connection on this computer has a name NetMend will not pass to a system command, so nothing was changed.',
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
  },
  outcomes: {
    switched: ({ servers, adapters }) => `Now using ${servers.join(', ')} on ${adapters.join(', ')}.`,
    reverted: ({ adapters }) => `Your previous settings are back on ${adapters.join(', ')}, exactly as they were.`,
    'nothing-to-revert': () => 'NetMend had not changed anything, so there is nothing to undo.',
    flushed: ({ method }) => `Cleared the addresses this computer remembered (${method}).`,
    'nothing-to-flush': () => 'This computer does not keep a memory of looked-up addresses, so there was nothing to clear.',
  },
}

const de = {
  errors: {
    'dns-settings.bad-address': (detail) => `„${detail}“ ist nicht die Adresse eines Adressbuchs (zum Beispiel 1.1.1.1).`,
    'dns-settings.no-servers': () => 'Es wurde kein Adressbuch ausgewählt.',
    'dns-settings.unknown-adapter': (detail) => `Auf diesem Computer gibt es keine Verbindung namens „${detail}“ mehr.`,
    'dns-settings.unsafe-name': () => 'Eine Verbindung auf diesem Computer hat einen Namen, den NetMend an keinen Systembefehl weitergibt, deshalb wurde nichts geändert.',
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
  },
  outcomes: {
    switched: ({ servers, adapters }) => `Jetzt in Verwendung: ${servers.join(', ')} auf ${adapters.join(', ')}.`,
    reverted: ({ adapters }) => `Ihre vorherigen Einstellungen auf ${adapters.join(', ')} sind zurück, genau so, wie sie waren.`,
    'nothing-to-revert': () => 'NetMend hatte nichts geändert, es gibt also nichts rückgängig zu machen.',
    flushed: ({ method }) => `Die Adressen, die sich dieser Computer gemerkt hatte, wurden gelöscht (${method}).`,
    'nothing-to-flush': () => 'Dieser Computer merkt sich keine nachgeschlagenen Adressen, es gab also nichts zu löschen.',
  },
} satisfies DnsSettingsTexts

export const DNS_SETTINGS_TEXTS: InEveryLanguage<DnsSettingsTexts> = { en, de }

export const describeDnsOutcome = (outcome: DnsOutcome, texts: DnsSettingsTexts): string => sayByCode(texts.outcomes, outcome)
export const describeDnsFailure = (failure: DnsSettingsFailure, texts: DnsSettingsTexts): string => texts.errors[failure.code](failure.detail)
