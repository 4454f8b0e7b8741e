// One line for each kind of bad input, shown by the command line and the window; never a stack trace.
import type { DiagnoseErrorCode, InputErrorCode } from '../errors'
import type { InEveryLanguage } from './shape'

export interface InputErrorTexts {
  input: Record<InputErrorCode, (detail: string) => string>
  /** Why the window's Diagnose did not start when the address was fine. */
  busy: string
}

// 'dns.unknown-server' carries what was typed and the known names: `"given"|google, cloudflare`.
const unknownServer = (detail: string): { given: string; names: string } => {
  const [given = '', names = ''] = detail.split('|')
  return { given, names }
}

const en: InputErrorTexts = {
  input: {
    'target.empty': () => 'Please give the address of the site that fails, for example example.com.',
    'target.unsupported-scheme': (detail) => `"${detail}" addresses can't be checked; give a web address (http:// or https://) or a site name.`,
    'target.invalid': (detail) => `That doesn't look like a web address: "${detail}".`,
    'config.unreadable': (detail) => `The settings file can't be read (${detail}).`,
    'config.not-json': (detail) => `The settings file is not valid JSON (${detail}).`,
    'config.invalid-field': (detail) => `The settings file has a wrong value: ${detail}.`,
    'cli.unknown-flag': (detail) => `Unknown option ${detail}. Run "netmend --help" for the list.`,
    'cli.missing-value': (detail) => `The option ${detail} needs a value.`,
    'cli.unknown-command': (detail) => `Unknown command "${detail}". Run "netmend --help" for the list.`,
    'cli.extra-argument': (detail) => `Unexpected extra argument "${detail}".`,
    'cli.missing-server': () => 'Say which address book to use, for example "netmend dns use cloudflare" or "netmend dns use 1.1.1.1".',
    'cli.unknown-dns-command': (detail) => `Unknown dns command "${detail}". Use "netmend dns show", "use", "revert" or "flush".`,
    'dns.unknown-server': (detail) => {
      const { given, names } = unknownServer(detail)
      return `${given} is neither an address like 1.1.1.1 nor a known address book (${names}).`
    },
    'dns.bad-adapter': (detail) =>
      `${JSON.stringify(detail)} is not a connection name NetMend knows; run "netmend dns show" to see them (for example eth0, en0, or a number on Windows).`,
  },
  busy: 'A check is already running; wait for it to finish or cancel it first.',
}

const de = {
  input: {
    'target.empty': () => 'Bitte geben Sie die Adresse der Website an, die nicht geht, zum Beispiel example.com.',
    'target.unsupported-scheme': (detail) =>
      `Adressen mit „${detail}“ lassen sich nicht prüfen; geben Sie eine Webadresse (http:// oder https://) oder den Namen einer Website an.`,
    'target.invalid': (detail) => `Das sieht nicht nach einer Webadresse aus: „${detail}“.`,
    'config.unreadable': (detail) => `Die Einstellungsdatei lässt sich nicht lesen (${detail}).`,
    'config.not-json': (detail) => `Die Einstellungsdatei ist kein gültiges JSON (${detail}).`,
    'config.invalid-field': (detail) => `Die Einstellungsdatei enthält einen falschen Wert: ${detail}.`,
    'cli.unknown-flag': (detail) => `Unbekannte Option ${detail}. „netmend --help“ zeigt die Liste.`,
    'cli.missing-value': (detail) => `Die Option ${detail} braucht einen Wert.`,
    'cli.unknown-command': (detail) => `Unbekannter Befehl „${detail}“. „netmend --help“ zeigt die Liste.`,
    'cli.extra-argument': (detail) => `Unerwartetes zusätzliches Argument „${detail}“.`,
    'cli.missing-server': () => 'Geben Sie an, welches Adressbuch verwendet werden soll, zum Beispiel „netmend dns use cloudflare“ oder „netmend dns use 1.1.1.1“.',
    'cli.unknown-dns-command': (detail) => `Unbekannter dns-Befehl „${detail}“. Verwenden Sie „netmend dns show“, „use“, „revert“ oder „flush“.`,
    'dns.unknown-server': (detail) => {
      const { given, names } = unknownServer(detail)
      return `${given} ist weder eine Adresse wie 1.1.1.1 noch ein bekanntes Adressbuch (${names}).`
    },
    'dns.bad-adapter': (detail) =>
      `${JSON.stringify(detail)} ist kein Verbindungsname, den NetMend kennt; „netmend dns show“ zeigt sie (zum Beispiel eth0, en0 oder unter Windows eine Nummer).`,
  },
  busy: 'Es läuft bereits eine Prüfung; warten Sie, bis sie fertig ist, oder brechen Sie sie zuerst ab.',
} satisfies InputErrorTexts

export const INPUT_ERROR_TEXTS: InEveryLanguage<InputErrorTexts> = { en, de }

export const describeDiagnoseError = (code: DiagnoseErrorCode, detail: string, texts: InputErrorTexts): string =>
  code === 'diagnosis.busy' ? texts.busy : texts.input[code](detail)
