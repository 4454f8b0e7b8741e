// The window's own words around a diagnosis: the address field, the run's progress, the checklist, the
// verdict card and the list of fixes. Accessible names here are what the end-to-end tests find things by.
import type { CheckStatus, Severity } from '../../../shared/diagnosis'
import type { InEveryLanguage } from '../../../shared/texts/shape'
import type { Side } from '../sides'

type RowStatus = CheckStatus | 'pending' | 'running' | 'cancelled'

export interface WindowTexts {
  app: { name: string; tagline: string }
  address: {
    label: string
    help: string
    placeholder: string
    diagnose: string
    cancel: string
    cancelling: string
    hintSpaces: string
    hintMail: (domain: string) => string
    hintScheme: (scheme: string) => string
    hintNoDot: (word: string) => string
    problemLabel: string
  }
  run: {
    idle: string
    starting: string
    checkingSite: (site: string, done: number, total: number) => string
    checkingConnection: (done: number, total: number) => string
    finished: (duration: string) => string
    cancelled: string
    couldNotStart: string
    failedUnexpectedly: (detail: string) => string
    progressLabel: string
  }
  checklist: {
    heading: string
    listLabel: string
    status: Record<RowStatus, string>
    notYet: string
    details: string
    detailsFor: (title: string) => string
    rawData: string
    noDetails: string
    /** Long details are shortened on screen; these show them whole and shorten them again. */
    showAll: string
    showLess: string
  }
  verdictCard: {
    heading: string
    whereLabel: string
    sides: Record<Side, string>
    pathLabels: Record<Exclude<Side, 'none' | 'unknown'>, string>
    findingsHeading: string
    severity: Record<Severity, string>
    checkedIn: (duration: string) => string
  }
  fixList: {
    heading: string
    listLabel: string
    bestFirst: string
    none: string
    readOnly: string
    working: string
    notAvailable: string
    needsAdmin: string
    couldNotAsk: string
    unexpected: (detail: string) => string
    moreHelp: string
    helpNotOpened: string
    noReport: string
    noSite: string
  }
}

const en: WindowTexts = {
  app: { name: 'NetMend', tagline: 'Finds out why a site won’t load, and fixes what can be fixed on your side.' },
  address: {
    label: 'Address of the site that fails',
    help: 'Optional. Paste it as you have it, for example example.com or https://example.com/page. Leave it empty to check only your connection.',
    placeholder: 'example.com',
    diagnose: 'Diagnose',
    cancel: 'Cancel',
    cancelling: 'Stopping…',
    hintSpaces: 'Addresses have no spaces. Check for a space in the middle, or paste only the address.',
    hintMail: (domain) => `That looks like an e-mail address. To check the site, give its name instead, for example ${domain}.`,
    hintScheme: (scheme) => `"${scheme}:" addresses can’t be checked. Give a web address (starting with http:// or https://) or a site name.`,
    hintNoDot: (word) => `"${word}" has no dot. Did you mean ${word}.com? (Names like this only work inside some company networks.)`,
    problemLabel: 'Problem with the address:',
  },
  run: {
    idle: 'Press Diagnose to run the checks.',
    starting: 'Starting…',
    checkingSite: (site, done, total) => `Checking ${site}… ${done} of ${total} checks done.`,
    checkingConnection: (done, total) => `Checking your connection… ${done} of ${total} checks done.`,
    finished: (duration) => `All checks done in ${duration}.`,
    cancelled: 'Stopped. The checks that had not finished were not run.',
    couldNotStart: 'The checks could not start.',
    failedUnexpectedly: (detail) => `Something went wrong inside NetMend: ${detail}`,
    progressLabel: 'Checks done',
  },
  checklist: {
    heading: 'The checks',
    listLabel: 'Checks',
    status: { pending: 'Waiting', running: 'Checking…', pass: 'Passed', warn: 'Warning', fail: 'Failed', skipped: 'Skipped', cancelled: 'Stopped' },
    notYet: 'Not checked yet',
    details: 'Details',
    detailsFor: (title) => ` about ${title}`,
    rawData: 'Technical data (JSON)',
    noDetails: 'No further details were recorded.',
    showAll: 'Show all details',
    showLess: 'Show fewer details',
  },
  verdictCard: {
    heading: 'Verdict',
    whereLabel: 'Where the problem is:',
    sides: {
      none: 'Nowhere: everything we checked works',
      computer: 'On your computer',
      network: 'In your network (Wi-Fi, cable or router)',
      provider: 'At your internet provider',
      site: 'On the website’s side',
      unknown: 'Not clear yet',
    },
    pathLabels: { computer: 'Your computer', network: 'Your network', provider: 'Your provider', site: 'The site' },
    findingsHeading: 'What we found',
    severity: { info: 'Note', warning: 'Warning', problem: 'Problem' },
    checkedIn: (duration) => `Checked in ${duration}.`,
  },
  fixList: {
    heading: 'What you can do',
    listLabel: 'Fixes',
    bestFirst: 'Best first.',
    none: 'Nothing needs fixing.',
    readOnly: 'This is a past diagnosis: run a new one to act on it.',
    working: 'Working…',
    notAvailable: 'Not available yet on this system.',
    needsAdmin: 'Your computer will ask for an administrator password before NetMend makes this change.',
    couldNotAsk: 'NetMend could not find out whether it can do this here.',
    unexpected: (detail) => `That did not work: ${detail}`,
    moreHelp: 'More help (works without internet)',
    helpNotOpened: 'The help page could not be opened.',
    noReport: 'There is no diagnosis to report yet.',
    noSite: 'This needs a site: type its address above and run the checks again.',
  },
}

const de = {
  app: { name: 'NetMend', tagline: 'Findet heraus, warum eine Website nicht lädt, und behebt, was sich auf Ihrer Seite beheben lässt.' },
  address: {
    label: 'Adresse der Website, die nicht geht',
    help: 'Freiwillig. Fügen Sie sie so ein, wie Sie sie haben, zum Beispiel example.com oder https://example.com/seite. Lassen Sie das Feld leer, um nur Ihre Verbindung zu prüfen.',
    placeholder: 'example.com',
    diagnose: 'Prüfen',
    cancel: 'Abbrechen',
    cancelling: 'Wird abgebrochen …',
    hintSpaces: 'Adressen enthalten keine Leerzeichen. Prüfen Sie, ob in der Mitte ein Leerzeichen steht, oder fügen Sie nur die Adresse ein.',
    hintMail: (domain) => `Das sieht nach einer E-Mail-Adresse aus. Um die Website zu prüfen, geben Sie stattdessen ihren Namen an, zum Beispiel ${domain}.`,
    hintScheme: (scheme) => `Adressen mit „${scheme}:“ lassen sich nicht prüfen. Geben Sie eine Webadresse (beginnend mit http:// oder https://) oder den Namen einer Website an.`,
    hintNoDot: (word) => `„${word}“ enthält keinen Punkt. Meinten Sie ${word}.com? (Solche Namen funktionieren nur in manchen Firmennetzen.)`,
    problemLabel: 'Problem mit der Adresse:',
  },
  run: {
    idle: 'Drücken Sie „Prüfen“, um die Prüfungen zu starten.',
    starting: 'Wird gestartet …',
    checkingSite: (site, done, total) => `${site} wird geprüft … ${done} von ${total} Prüfungen erledigt.`,
    checkingConnection: (done, total) => `Ihre Verbindung wird geprüft … ${done} von ${total} Prüfungen erledigt.`,
    finished: (duration) => `Alle Prüfungen in ${duration} erledigt.`,
    cancelled: 'Abgebrochen. Die Prüfungen, die noch nicht fertig waren, wurden nicht ausgeführt.',
    couldNotStart: 'Die Prüfungen konnten nicht starten.',
    failedUnexpectedly: (detail) => `In NetMend ist etwas schiefgegangen: ${detail}`,
    progressLabel: 'Erledigte Prüfungen',
  },
  checklist: {
    heading: 'Die Prüfungen',
    listLabel: 'Prüfungen',
    status: { pending: 'Wartet', running: 'Wird geprüft …', pass: 'Bestanden', warn: 'Warnung', fail: 'Fehlgeschlagen', skipped: 'Übersprungen', cancelled: 'Abgebrochen' },
    notYet: 'Noch nicht geprüft',
    details: 'Einzelheiten',
    detailsFor: (title) => ` zu ${title}`,
    rawData: 'Technische Daten (JSON)',
    noDetails: 'Es wurden keine weiteren Einzelheiten festgehalten.',
    showAll: 'Alle Einzelheiten zeigen',
    showLess: 'Weniger Einzelheiten zeigen',
  },
  verdictCard: {
    heading: 'Ergebnis',
    whereLabel: 'Wo das Problem liegt:',
    sides: {
      none: 'Nirgends: Alles, was wir geprüft haben, funktioniert',
      computer: 'An Ihrem Computer',
      network: 'In Ihrem Netzwerk (WLAN, Kabel oder Router)',
      provider: 'Bei Ihrem Internetanbieter',
      site: 'Bei der Website',
      unknown: 'Noch unklar',
    },
    pathLabels: { computer: 'Ihr Computer', network: 'Ihr Netzwerk', provider: 'Ihr Anbieter', site: 'Die Website' },
    findingsHeading: 'Was wir gefunden haben',
    severity: { info: 'Hinweis', warning: 'Warnung', problem: 'Problem' },
    checkedIn: (duration) => `Geprüft in ${duration}.`,
  },
  fixList: {
    heading: 'Was Sie tun können',
    listLabel: 'Lösungen',
    bestFirst: 'Das Beste zuerst.',
    none: 'Es gibt nichts zu beheben.',
    readOnly: 'Das ist eine frühere Prüfung: Starten Sie eine neue, um etwas zu unternehmen.',
    working: 'Wird ausgeführt …',
    notAvailable: 'Auf diesem System noch nicht verfügbar.',
    needsAdmin: 'Ihr Computer wird nach einem Administratorpasswort fragen, bevor NetMend diese Änderung vornimmt.',
    couldNotAsk: 'NetMend konnte nicht herausfinden, ob das hier möglich ist.',
    unexpected: (detail) => `Das hat nicht geklappt: ${detail}`,
    moreHelp: 'Mehr Hilfe (funktioniert ohne Internet)',
    helpNotOpened: 'Die Hilfeseite ließ sich nicht öffnen.',
    noReport: 'Es gibt noch keine Prüfung, über die berichtet werden könnte.',
    noSite: 'Dafür braucht es eine Website: Geben Sie oben ihre Adresse ein und starten Sie die Prüfungen erneut.',
  },
} satisfies WindowTexts

export const WINDOW_TEXTS: InEveryLanguage<WindowTexts> = { en, de }
