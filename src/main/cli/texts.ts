// What only the command line says: its help, its progress and headings, and the words around `netmend dns`.
// The diagnosis, input errors and DNS outcomes are told with the shared texts, as in the app.
import type { DnsSettingsErrorCode } from '../../shared/errors'
import type { Language } from '../../shared/language'
import { DIAGNOSIS_TEXTS, type DiagnosisTexts } from '../../shared/texts/diagnosis'
import { DNS_SETTINGS_TEXTS, type DnsSettingsTexts } from '../../shared/texts/dns-settings'
import { INPUT_ERROR_TEXTS, type InputErrorTexts } from '../../shared/texts/input-errors'
import type { InEveryLanguage } from '../../shared/texts/shape'
import type { DnsSource } from '../dns-settings/types'

/** Failures whose help, on the command line, is the command to run. */
type CommandLineWorded =
  | 'dns-settings.unknown-adapter'
  | 'dns-settings.rollback-failed'
  | 'dns-settings.elevation-unavailable'
  | 'dns-settings.busy'
  | 'dns-settings.data-folder-unsafe'
  | 'dns-settings.data-folder-unwritable'
  | 'dns-settings.undone-not-noted'
  | 'dns-settings.journal-damaged'
  | 'dns-settings.original-damaged'

export interface CliOwnTexts {
  usage: string
  checking: (site: string | null) => string
  whatWeFound: string
  whatYouCanDo: string
  checkedIn: (duration: string) => string
  stopped: string
  internalError: (message: string) => string
  dns: {
    adminNeeded: string
    listTitle: string
    none: string
    source: Record<DnsSource, string>
    vpn: string
    changedByNetMend: string
    notChanged: string
    serverAnswered: (address: string, latencyMs?: number) => string
    checked: (answered: string[]) => string
    howToUndo: string
    /** A change an earlier run left could not be undone yet; `why` says what stands in the way. */
    notRecovered: (why: string) => string
    leftAsItWas: string
    errors: Record<CommandLineWorded, (detail: string) => string>
  }
}

const en: CliOwnTexts = {
  usage: `NetMend finds out why a website won't load, and what you can do about it.

Usage:
  netmend diagnose [site] [--json] [--config FILE]
  netmend dns show [--json]
  netmend dns use <name|address>... [--adapter ID]... [--config FILE]
  netmend dns revert
  netmend dns flush

  site            the address that fails: example.com, https://example.com/page, an IP address
  --json          print one JSON document instead of the checklist
  --config FILE   settings file (also NETMEND_CONFIG); see README for its keys

  dns show        which address books (DNS servers) each connection uses
  dns use         switch to public address books by name (google, cloudflare, quad9) or address,
                  check that they answer, and put the old settings back by itself if they don't
  --adapter ID    change this connection (an id from "dns show"; VPNs are only changed when named)
  dns revert      go back to exactly what you had before NetMend's first change
  dns flush       clear the addresses this computer remembers

Exit status: 0 all fine / done, 1 a problem was found / the change failed (settings left as they
were), 2 bad input.
`,
  checking: (site) => (site ? `Checking ${site}…` : 'Checking your connection…'),
  whatWeFound: 'What we found',
  whatYouCanDo: 'What you can do',
  checkedIn: (duration) => `Checked in ${duration}.`,
  stopped: 'stopped.',
  internalError: (message) => `internal error: ${message}`,
  dns: {
    adminNeeded: 'Changing this needs administrator rights: your computer will ask for your password.',
    listTitle: 'Address books (DNS servers) this computer uses:',
    none: 'none',
    source: { manual: 'typed in by hand', automatic: 'given by your network', file: 'written in the settings file', unknown: 'origin unknown' },
    vpn: 'VPN or virtual: left alone',
    changedByNetMend: 'NetMend changed these settings. "netmend dns revert" puts back exactly what you had before.',
    notChanged: 'NetMend has not changed these settings.',
    serverAnswered: (address, latencyMs) => `${address} answered${latencyMs === undefined ? '' : ` in ${latencyMs} ms`}`,
    checked: (answered) => `Checked: ${answered.join(', ')}; lookups through this computer work.`,
    howToUndo: 'To go back to your previous settings: netmend dns revert',
    notRecovered: (why) => `An earlier change was interrupted and could not be undone yet: ${why}`,
    leftAsItWas: 'Your settings were left as they were.',
    errors: {
      'dns-settings.unknown-adapter': (detail) => `There is no connection called "${detail}" here; "netmend dns show" lists them.`,
      'dns-settings.rollback-failed': (detail) =>
        `Putting your previous settings back did not fully work (${detail}). Run "netmend dns revert" again, or see "What NetMend changes on your computer" in the README to undo it by hand.`,
      'dns-settings.elevation-unavailable': () => 'This computer has no way to ask for the administrator password from here; run the command with sudo instead.',
      'dns-settings.busy': () => 'Another NetMend (the app, or another command) is changing these settings right now. Try again when it is finished.',
      'dns-settings.data-folder-unsafe': (detail) =>
        `NetMend will not use its folder for saved settings: ${detail}. Someone other than you could have changed what is in it, so nothing in it is used and nothing was changed. Make the folder and its files yours and writable by you alone, then try again; if you ran NetMend with sudo, run it as yourself instead (it asks for the password when it needs one).`,
      'dns-settings.data-folder-unwritable': (detail) =>
        `NetMend cannot write in its folder (${detail}), so it cannot keep a copy of your settings to go back to, and changed nothing. Make the folder writable again (is the disk full or read-only?), or set NETMEND_DATA_DIR to a folder that is.`,
      'dns-settings.undone-not-noted': (detail) =>
        `An earlier change was interrupted; your previous settings have been put back. NetMend cannot write in its folder (${detail}) to note that, so it checks again each time it runs. Make the folder writable again (is the disk full or read-only?).`,
      'dns-settings.journal-damaged': (detail) =>
        `NetMend's record of its last change was damaged (${detail}). To be safe, the settings you had before NetMend's first change were put back; the damaged file was kept as journal.json.damaged. Nothing else needs doing.`,
      'dns-settings.original-damaged': (detail) =>
        `NetMend's copy of the settings you had before its first change is damaged (${detail}), so "netmend dns revert" can no longer put them back; your current settings stay. The damaged file was kept as original.json.damaged; "What NetMend changes on your computer" in the README says how to set your DNS servers by hand.`,
    },
  },
}

const de = {
  usage: `NetMend findet heraus, warum eine Website nicht lädt, und was Sie dagegen tun können.

Aufruf:
  netmend diagnose [site] [--json] [--config DATEI]
  netmend dns show [--json]
  netmend dns use <name|adresse>... [--adapter ID]... [--config DATEI]
  netmend dns revert
  netmend dns flush

  site            die Adresse, die nicht geht: example.com, https://example.com/page, eine IP-Adresse
  --json          ein einziges JSON-Dokument statt der Checkliste ausgeben
  --config DATEI  Einstellungsdatei (auch NETMEND_CONFIG); ihre Schlüssel stehen im README

  dns show        welche Adressbücher (DNS-Server) jede Verbindung verwendet
  dns use         zu öffentlichen Adressbüchern wechseln, nach Name (google, cloudflare, quad9) oder
                  Adresse, prüfen, dass sie antworten, und sonst die alten Einstellungen selbst zurückholen
  --adapter ID    diese Verbindung ändern (eine ID aus „dns show“; VPNs nur, wenn sie genannt werden)
  dns revert      genau zu dem zurückkehren, was Sie vor der ersten Änderung durch NetMend hatten
  dns flush       die Adressen löschen, die sich dieser Computer gemerkt hat

Rückgabewert: 0 alles in Ordnung / erledigt, 1 ein Problem gefunden / die Änderung ist fehlgeschlagen
(die Einstellungen blieben, wie sie waren), 2 ungültige Eingabe.
`,
  checking: (site) => (site ? `${site} wird geprüft …` : 'Ihre Verbindung wird geprüft …'),
  whatWeFound: 'Was wir gefunden haben',
  whatYouCanDo: 'Was Sie tun können',
  checkedIn: (duration) => `Geprüft in ${duration}.`,
  stopped: 'abgebrochen.',
  internalError: (message) => `interner Fehler: ${message}`,
  dns: {
    adminNeeded: 'Für diese Änderung sind Administratorrechte nötig: Ihr Computer wird nach Ihrem Passwort fragen.',
    listTitle: 'Adressbücher (DNS-Server), die dieser Computer verwendet:',
    none: 'keine',
    source: { manual: 'von Hand eingetragen', automatic: 'vom Netzwerk vorgegeben', file: 'in der Einstellungsdatei eingetragen', unknown: 'Herkunft unbekannt' },
    vpn: 'VPN oder virtuell: bleibt unberührt',
    changedByNetMend: 'NetMend hat diese Einstellungen geändert. „netmend dns revert“ stellt genau das wieder her, was Sie vorher hatten.',
    notChanged: 'NetMend hat diese Einstellungen nicht geändert.',
    serverAnswered: (address, latencyMs) => `${address} hat geantwortet${latencyMs === undefined ? '' : ` (in ${latencyMs} ms)`}`,
    checked: (answered) => `Geprüft: ${answered.join(', ')}; das Nachschlagen über diesen Computer funktioniert.`,
    howToUndo: 'Zurück zu Ihren vorherigen Einstellungen: netmend dns revert',
    notRecovered: (why) => `Eine frühere Änderung wurde unterbrochen und ließ sich noch nicht rückgängig machen: ${why}`,
    leftAsItWas: 'Ihre Einstellungen blieben, wie sie waren.',
    errors: {
      'dns-settings.unknown-adapter': (detail) => `Hier gibt es keine Verbindung namens „${detail}“; „netmend dns show“ listet sie auf.`,
      'dns-settings.rollback-failed': (detail) =>
        `Das Zurückholen Ihrer vorherigen Einstellungen hat nicht ganz geklappt (${detail}). Führen Sie „netmend dns revert“ noch einmal aus, oder machen Sie es von Hand rückgängig, wie im README unter „What NetMend changes on your computer“ beschrieben.`,
      'dns-settings.elevation-unavailable': () =>
        'Dieser Computer kann von hier aus nicht nach dem Administratorpasswort fragen; führen Sie den Befehl stattdessen mit sudo aus.',
      'dns-settings.busy': () => 'Ein anderes NetMend (die App oder ein anderer Befehl) ändert diese Einstellungen gerade. Versuchen Sie es erneut, wenn es fertig ist.',
      'dns-settings.data-folder-unsafe': (detail) =>
        `NetMend verwendet seinen Ordner für gesicherte Einstellungen nicht: ${detail}. Jemand anderes als Sie könnte seinen Inhalt verändert haben, deshalb wird nichts daraus verwendet, und es wurde nichts geändert. Machen Sie den Ordner und seine Dateien zu Ihren eigenen, nur für Sie beschreibbar, und versuchen Sie es erneut; wenn Sie NetMend mit sudo gestartet haben, starten Sie es stattdessen als Sie selbst (es fragt nach dem Passwort, wenn es eines braucht).`,
      'dns-settings.data-folder-unwritable': (detail) =>
        `NetMend kann in seinen Ordner nicht schreiben (${detail}), also auch keine Kopie Ihrer Einstellungen für den Weg zurück aufbewahren, und hat nichts geändert. Machen Sie den Ordner wieder beschreibbar (ist der Datenträger voll oder schreibgeschützt?), oder setzen Sie NETMEND_DATA_DIR auf einen Ordner, der es ist.`,
      'dns-settings.undone-not-noted': (detail) =>
        `Eine frühere Änderung wurde unterbrochen; Ihre vorherigen Einstellungen wurden wiederhergestellt. NetMend kann das nicht in seinem Ordner vermerken (${detail}) und prüft deshalb bei jedem Start erneut. Machen Sie den Ordner wieder beschreibbar (ist der Datenträger voll oder schreibgeschützt?).`,
      'dns-settings.journal-damaged': (detail) =>
        `Der Vermerk von NetMend über seine letzte Änderung war beschädigt (${detail}). Sicherheitshalber wurden die Einstellungen wiederhergestellt, die Sie vor der ersten Änderung durch NetMend hatten; die beschädigte Datei wurde als journal.json.damaged aufbewahrt. Sonst ist nichts zu tun.`,
      'dns-settings.original-damaged': (detail) =>
        `Die Kopie der Einstellungen, die Sie vor der ersten Änderung durch NetMend hatten, ist beschädigt (${detail}); „netmend dns revert“ kann sie deshalb nicht mehr wiederherstellen. Ihre jetzigen Einstellungen bleiben. Die beschädigte Datei wurde als original.json.damaged aufbewahrt; wie Sie Ihre DNS-Server von Hand einstellen, steht im README unter „What NetMend changes on your computer“.`,
    },
  },
} satisfies CliOwnTexts

const CLI_OWN_TEXTS: InEveryLanguage<CliOwnTexts> = { en, de }

/** Everything the command line says, in one language. */
export interface CliTexts {
  language: Language
  /** What numbers are written in. */
  locale: string
  cli: CliOwnTexts
  diagnosis: DiagnosisTexts
  inputErrors: InputErrorTexts
  dnsSettings: DnsSettingsTexts
  /** The app's failure words, with the command line's own where naming a command is the help. */
  dnsErrors: Record<DnsSettingsErrorCode, (detail: string) => string>
}

export function cliTexts(language: Language, locale: string = language): CliTexts {
  const dnsSettings = DNS_SETTINGS_TEXTS[language]
  const cli = CLI_OWN_TEXTS[language]
  return {
    language,
    locale,
    cli,
    diagnosis: DIAGNOSIS_TEXTS[language],
    inputErrors: INPUT_ERROR_TEXTS[language],
    dnsSettings,
    dnsErrors: { ...dnsSettings.errors, ...cli.dns.errors },
  }
}
