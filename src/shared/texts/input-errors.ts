// One line for each kind of bad input, shown by the command line and the window; never a stack trace.
import { BUDGET_LIMITS_MS, type DiagnoseErrorCode, type InputErrorCode } from '../errors'
import { APP_FAILURE_TEXTS, describeSystemReason } from './app-failures'
import type { InEveryLanguage } from './shape'

export interface InputErrorTexts {
  input: Record<InputErrorCode, (detail: string) => string>
  /** Why the window's Diagnose did not start when the address was fine. */
  busy: string
}

// Details with two particulars carry them as "first|second": 'dns.unknown-server' what was typed and the known
// names, 'dns.too-many-servers' how many and the limit, 'config.too-large' the path and the limit.
const twoParts = (detail: string): [string, string] => {
  const [first = '', second = ''] = detail.split('|')
  return [first, second]
}

/** 'config.unreadable' carries "path: CODE"; the code is said in words ("path: it does not exist"), never raw. */
const reasonInWords = (detail: string, language: keyof typeof APP_FAILURE_TEXTS): string => {
  const at = detail.lastIndexOf(': ')
  return at < 0 ? detail : `${detail.slice(0, at)}: ${describeSystemReason(detail.slice(at + 2), APP_FAILURE_TEXTS[language])}`
}

const en: InputErrorTexts = {
  input: {
    'target.empty': () => 'Please give the address of the site that fails, for example example.com.',
    'target.unsupported-scheme': (detail) => `"${detail}" addresses can't be checked; give a web address (http:// or https://) or a site name.`,
    'target.invalid': (detail) => `That doesn't look like a web address: "${detail}".`,
    'target.port-zero': (detail) => `"${detail}" has port 0, which no site can use.`,
    'config.unreadable': (detail) => `The settings file can't be read (${reasonInWords(detail, 'en')}).`,
    'config.not-a-file': (detail) => `The settings file must be an ordinary file, and ${detail} is not one (a folder, a pipe or a device).`,
    'config.too-large': (detail) => {
      const [path, limit] = twoParts(detail)
      return `The settings file ${path} is too large to be a NetMend settings file (more than ${limit} bytes).`
    },
    'config.not-json': (detail) => `The settings file is not valid JSON (${detail}).`,
    'config.not-an-object': (detail) => `The settings file must hold one JSON object, { … } (${detail}).`,
    'config.unknown-setting': (field) => `The settings file has a wrong value: "${field}" is not a known setting.`,
    'config.not-an-address': (field) => `The settings file has a wrong value: "${field}" must be an IPv4 or IPv6 address.`,
    'config.empty-list': (field) => `The settings file has a wrong value: "${field}" must be a non-empty list.`,
    'config.not-a-resolver': (field) => `The settings file has a wrong value: "${field}" must be an object with "name" and "address".`,
    'config.not-a-target': (field) => `The settings file has a wrong value: "${field}" must be an object with "address" and "port".`,
    'config.empty-name': (field) => `The settings file has a wrong value: "${field}" must be a non-empty text.`,
    'config.bad-port': (field) => `The settings file has a wrong value: "${field}" must be a whole number from 1 to 65535.`,
    'config.not-http': (field) => `The settings file has a wrong value: "${field}" must be an http:// address (sign-in pages only catch plain HTTP).`,
    'config.bad-budget': (field) =>
      `The settings file has a wrong value: "${field}" must be a whole number of milliseconds from ${BUDGET_LIMITS_MS.min} to ${BUDGET_LIMITS_MS.max}.`,
    'config.bad-domain': (field) => `The settings file has a wrong value: "${field}" must be a domain name such as "com".`,
    'cli.unknown-flag': (detail) => `Unknown option ${detail}. Run "netmend --help" for the list.`,
    'cli.missing-value': (detail) => `The option ${detail} needs a value.`,
    'cli.unknown-command': (detail) => `Unknown command "${detail}". Run "netmend --help" for the list.`,
    'cli.extra-argument': (detail) => `Unexpected extra argument "${detail}".`,
    'cli.missing-server': () => 'Say which address book to use, for example "netmend dns use cloudflare" or "netmend dns use 1.1.1.1".',
    'cli.unknown-dns-command': (detail) => `Unknown dns command "${detail}". Use "netmend dns show", "use", "revert" or "flush".`,
    'dns.unknown-server': (detail) => {
      const [given, names] = twoParts(detail)
      return `${given} is neither an address like 1.1.1.1 nor a known address book (${names}).`
    },
    'dns.too-many-servers': (detail) => {
      const [given, limit] = twoParts(detail)
      return `That is ${given} address books; choose at most ${limit}.`
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
    'target.port-zero': (detail) => `„${detail}“ nennt Port 0, den keine Website verwenden kann.`,
    'config.unreadable': (detail) => `Die Einstellungsdatei lässt sich nicht lesen (${reasonInWords(detail, 'de')}).`,
    'config.not-a-file': (detail) => `Die Einstellungsdatei muss eine gewöhnliche Datei sein, und ${detail} ist keine (sondern ein Ordner, eine Pipe oder ein Gerät).`,
    'config.too-large': (detail) => {
      const [path, limit] = twoParts(detail)
      return `Die Datei ${path} ist zu groß für eine NetMend-Einstellungsdatei (mehr als ${limit} Bytes).`
    },
    'config.not-json': (detail) => `Die Einstellungsdatei ist kein gültiges JSON (${detail}).`,
    'config.not-an-object': (detail) => `Die Einstellungsdatei muss genau ein JSON-Objekt enthalten, { … } (${detail}).`,
    'config.unknown-setting': (field) => `Die Einstellungsdatei enthält einen falschen Wert: „${field}“ ist keine bekannte Einstellung.`,
    'config.not-an-address': (field) => `Die Einstellungsdatei enthält einen falschen Wert: „${field}“ muss eine IPv4- oder IPv6-Adresse sein.`,
    'config.empty-list': (field) => `Die Einstellungsdatei enthält einen falschen Wert: „${field}“ muss eine Liste mit mindestens einem Eintrag sein.`,
    'config.not-a-resolver': (field) => `Die Einstellungsdatei enthält einen falschen Wert: „${field}“ muss ein Objekt mit „name“ und „address“ sein.`,
    'config.not-a-target': (field) => `Die Einstellungsdatei enthält einen falschen Wert: „${field}“ muss ein Objekt mit „address“ und „port“ sein.`,
    'config.empty-name': (field) => `Die Einstellungsdatei enthält einen falschen Wert: „${field}“ muss ein nicht leerer Text sein.`,
    'config.bad-port': (field) => `Die Einstellungsdatei enthält einen falschen Wert: „${field}“ muss eine ganze Zahl von 1 bis 65535 sein.`,
    'config.not-http': (field) =>
      `Die Einstellungsdatei enthält einen falschen Wert: „${field}“ muss eine http://-Adresse sein (Anmeldeseiten fangen nur unverschlüsseltes HTTP ab).`,
    'config.bad-budget': (field) =>
      `Die Einstellungsdatei enthält einen falschen Wert: „${field}“ muss eine ganze Zahl an Millisekunden von ${BUDGET_LIMITS_MS.min} bis ${BUDGET_LIMITS_MS.max} sein.`,
    'config.bad-domain': (field) => `Die Einstellungsdatei enthält einen falschen Wert: „${field}“ muss ein Domainname wie „com“ sein.`,
    'cli.unknown-flag': (detail) => `Unbekannte Option ${detail}. „netmend --help“ zeigt die Liste.`,
    'cli.missing-value': (detail) => `Die Option ${detail} braucht einen Wert.`,
    'cli.unknown-command': (detail) => `Unbekannter Befehl „${detail}“. „netmend --help“ zeigt die Liste.`,
    'cli.extra-argument': (detail) => `Unerwartetes zusätzliches Argument „${detail}“.`,
    'cli.missing-server': () => 'Geben Sie an, welches Adressbuch verwendet werden soll, zum Beispiel „netmend dns use cloudflare“ oder „netmend dns use 1.1.1.1“.',
    'cli.unknown-dns-command': (detail) => `Unbekannter dns-Befehl „${detail}“. Verwenden Sie „netmend dns show“, „use“, „revert“ oder „flush“.`,
    'dns.unknown-server': (detail) => {
      const [given, names] = twoParts(detail)
      return `${given} ist weder eine Adresse wie 1.1.1.1 noch ein bekanntes Adressbuch (${names}).`
    },
    'dns.too-many-servers': (detail) => {
      const [given, limit] = twoParts(detail)
      return `Das sind ${given} Adressbücher; wählen Sie höchstens ${limit}.`
    },
    'dns.bad-adapter': (detail) =>
      `${JSON.stringify(detail)} ist kein Verbindungsname, den NetMend kennt; „netmend dns show“ zeigt sie (zum Beispiel eth0, en0 oder unter Windows eine Nummer).`,
  },
  busy: 'Es läuft bereits eine Prüfung; warten Sie, bis sie fertig ist, oder brechen Sie sie zuerst ab.',
} satisfies InputErrorTexts

export const INPUT_ERROR_TEXTS: InEveryLanguage<InputErrorTexts> = { en, de }

export const describeDiagnoseError = (code: DiagnoseErrorCode, detail: string, texts: InputErrorTexts): string =>
  code === 'diagnosis.busy' ? texts.busy : texts.input[code](detail)
