// Words for the details under each check, built from the check's evidence.
import type { ProxySource, ResolverManager, TcpConnectOutcome } from '../../../shared/evidence'
import type { InEveryLanguage } from '../../../shared/texts/shape'

export interface EvidenceTexts {
  columns: {
    connection: string
    addresses: string
    router: string
    through: string
    answers: string
    server: string
    result: string
    time: string
    addressBook: string
    answer: string
  }
  yes: string
  no: string
  linkLocal: string
  noRouter: string
  port: (address: string, port: number) => string
  tcp: Record<TcpConnectOutcome, string>
  asked: (name: string) => string
  madeUpAsked: (name: string) => string
  nameLookedUp: (name: string) => string
  yours: (address: string) => string
  publicResolver: (name: string, address: string) => string
  dns: {
    noAddress: string
    nxdomain: string
    servfail: string
    refused: string
    other: (rcode: string) => string
    timeout: string
    unreachable: string
    failed: string
    overTcp: string
  }
  /** Who keeps this computer's DNS settings. */
  managers: Record<ResolverManager, string>
  settings: (manager: string, servers: string) => string
  localHelper: (servers: string) => string
  localHelperUnknown: string
  settingsUnreadable: (detail: string) => string
  testPage: (url: string) => string
  askedAt: (address: string) => string
  expectedEmpty: (status: number) => string
  sentTo: (location: string) => string
  /** One redirect on the way to the answer. */
  redirected: (status: number, from: string) => string
  /** A name typed bare: why https failed before http was tried. */
  httpsFailed: (why: string) => string
  page: (url: string) => string
  at: (address: string, from: string) => string
  from: { system: string; public: string; both: string }
  status: (status: number) => string
  failure: (what: string, detail: string) => string
  whoAnswered: (name: string) => string
  cdn: (name: string) => string
  headers: (list: string) => string
  timings: string
  timing: { connect: string; tls: string; firstByte: string; total: string }
  tls: (protocol: string) => string
  crashed: (message: string) => string
  hostsFile: (path: string) => string
  hostsFileNotFound: string
  hostsSays: (address: string) => string
  proxySources: Record<ProxySource, string>
  proxySetIn: (source: string) => string
  pacFile: (url: string, result: string) => string
  throughProxy: (proxy: string) => string
  noProxy: string
  clockHere: (time: string) => string
  serverTime: (from: 'portal' | 'site' | 'proxy', date: string) => string
}

// Names of programs and systems, the same in every language.
const SETTINGS_PROGRAMS = {
  'systemd-resolved': 'systemd-resolved',
  networkmanager: 'NetworkManager',
  resolvconf: 'resolvconf',
  'plain-file': '/etc/resolv.conf',
  scutil: 'macOS',
  windows: 'Windows',
} satisfies Record<Exclude<ResolverManager, 'unknown'>, string>

const en: EvidenceTexts = {
  columns: {
    connection: 'Connection',
    addresses: 'Addresses',
    router: 'Router',
    through: 'Through',
    answers: 'Answers',
    server: 'Server',
    result: 'Result',
    time: 'Time',
    addressBook: 'Address book',
    answer: 'Answer',
  },
  yes: 'yes',
  no: 'no',
  linkLocal: 'local to this network only',
  noRouter: 'This computer has no router configured for the internet.',
  port: (address, port) => `${address} port ${port}`,
  tcp: { connected: 'reached', refused: 'refused (but it is there)', timeout: 'no answer', unreachable: 'no route to it', aborted: 'stopped', error: 'failed' },
  asked: (name) => `Asked for: ${name}`,
  madeUpAsked: (name) => `Made-up name asked: ${name}`,
  nameLookedUp: (name) => `Name looked up: ${name}`,
  yours: (address) => `${address} (yours)`,
  publicResolver: (name, address) => `${name} ${address}`,
  dns: {
    noAddress: 'exists, but no address',
    nxdomain: 'does not exist',
    servfail: 'failed (SERVFAIL)',
    refused: 'refused to answer',
    other: (rcode) => `answered ${rcode}`,
    timeout: 'no answer',
    unreachable: 'could not be reached',
    failed: 'failed',
    overTcp: 'over TCP',
  },
  managers: { ...SETTINGS_PROGRAMS, unknown: 'unknown' },
  settings: (manager, servers) => `This computer’s settings (${manager}): asks ${servers}.`,
  localHelper: (servers) => `That is a helper on this computer, which passes questions on to ${servers}.`,
  localHelperUnknown: 'That is a helper on this computer; what it asks behind it could not be read.',
  settingsUnreadable: (detail) => `This computer’s address book settings could not be read: ${detail}.`,
  testPage: (url) => `Test page: ${url}`,
  askedAt: (address) => `Asked at: ${address}`,
  expectedEmpty: (status) => `Answered ${status}${status === 204 ? ' (the empty answer expected)' : ''}`,
  sentTo: (location) => `Sent to: ${location}`,
  redirected: (status, from) => `Sent on from ${from} (status ${status})`,
  httpsFailed: (why) => `The secure way (https) failed: ${why}. Tried without encryption (http) instead.`,
  page: (url) => `Page: ${url}`,
  at: (address, from) => `At ${address}${from ? ` (${from})` : ''}`,
  from: { system: 'from your provider’s address book', public: 'from public address books', both: 'from both address books' },
  status: (status) => `Answered with status ${status}${status >= 500 ? ' (an error on the site’s side)' : ''}`,
  failure: (what, detail) => `${what}${detail ? ` (${detail})` : ''}`,
  whoAnswered: (name) => `Who answered: ${name}`,
  cdn: (name) => `${name}, a delivery service in front of the site`,
  headers: (list) => `Revealing headers: ${list}`,
  timings: 'Times:',
  timing: { connect: 'connecting', tls: 'secure connection', firstByte: 'first byte', total: 'total' },
  tls: (protocol) => `Secure connection: ${protocol}`,
  crashed: (message) => `Error inside NetMend: ${message}`,
  hostsFile: (path) => `File read: ${path}`,
  hostsFileNotFound: 'The file could not be found',
  hostsSays: (address) => `Address written there: ${address}`,
  proxySources: {
    environment: 'environment variables (http_proxy, https_proxy)',
    macos: 'macOS network settings',
    'windows-internet-settings': 'Windows proxy settings',
    'windows-winhttp': 'Windows system proxy (WinHTTP)',
    gnome: 'GNOME settings',
    kde: 'KDE settings',
  },
  proxySetIn: (source) => `Set in: ${source}`,
  pacFile: (url, result) => `Automatic proxy script ${url}: ${result}`,
  throughProxy: (proxy) => `Through the proxy ${proxy}`,
  noProxy: 'No proxy is set',
  clockHere: (time) => `This computer's clock: ${time}`,
  serverTime: (from, date) => `${{ portal: 'The test page server', site: 'The site', proxy: 'The proxy' }[from]} said: ${date}`,
}

const de = {
  columns: {
    connection: 'Verbindung',
    addresses: 'Adressen',
    router: 'Router',
    through: 'Über',
    answers: 'Antwortet',
    server: 'Server',
    result: 'Ergebnis',
    time: 'Zeit',
    addressBook: 'Adressbuch',
    answer: 'Antwort',
  },
  yes: 'ja',
  no: 'nein',
  linkLocal: 'nur in diesem Netzwerk gültig',
  noRouter: 'Für diesen Computer ist kein Router ins Internet eingerichtet.',
  port: (address, port) => `${address} Port ${port}`,
  tcp: {
    connected: 'erreicht',
    refused: 'abgelehnt (aber vorhanden)',
    timeout: 'keine Antwort',
    unreachable: 'kein Weg dorthin',
    aborted: 'abgebrochen',
    error: 'fehlgeschlagen',
  },
  asked: (name) => `Gefragt nach: ${name}`,
  madeUpAsked: (name) => `Gefragter erfundener Name: ${name}`,
  nameLookedUp: (name) => `Nachgeschlagener Name: ${name}`,
  yours: (address) => `${address} (Ihres)`,
  publicResolver: (name, address) => `${name} ${address}`,
  dns: {
    noAddress: 'vorhanden, aber ohne Adresse',
    nxdomain: 'gibt es nicht',
    servfail: 'fehlgeschlagen (SERVFAIL)',
    refused: 'Antwort verweigert',
    other: (rcode) => `antwortete ${rcode}`,
    timeout: 'keine Antwort',
    unreachable: 'nicht erreichbar',
    failed: 'fehlgeschlagen',
    overTcp: 'über TCP',
  },
  managers: { ...SETTINGS_PROGRAMS, unknown: 'unbekannt' },
  settings: (manager, servers) => `Einstellungen dieses Computers (${manager}): fragt ${servers}.`,
  localHelper: (servers) => `Das ist ein Hilfsprogramm auf diesem Computer, das Fragen an ${servers} weiterreicht.`,
  localHelperUnknown: 'Das ist ein Hilfsprogramm auf diesem Computer; wen es dahinter fragt, ließ sich nicht auslesen.',
  settingsUnreadable: (detail) => `Die Adressbuch-Einstellungen dieses Computers ließen sich nicht lesen: ${detail}.`,
  testPage: (url) => `Testseite: ${url}`,
  askedAt: (address) => `Gefragt bei: ${address}`,
  expectedEmpty: (status) => `Antwort ${status}${status === 204 ? ' (die erwartete leere Antwort)' : ''}`,
  sentTo: (location) => `Weitergeleitet zu: ${location}`,
  redirected: (status, from) => `Weitergeschickt von ${from} (Status ${status})`,
  httpsFailed: (why) => `Der sichere Weg (https) ist gescheitert: ${why}. Stattdessen ohne Verschlüsselung (http) versucht.`,
  page: (url) => `Seite: ${url}`,
  at: (address, from) => `Unter ${address}${from ? ` (${from})` : ''}`,
  from: { system: 'aus dem Adressbuch Ihres Anbieters', public: 'aus öffentlichen Adressbüchern', both: 'aus beiden Adressbüchern' },
  status: (status) => `Antwort mit Status ${status}${status >= 500 ? ' (ein Fehler bei der Website)' : ''}`,
  failure: (what, detail) => `${what}${detail ? ` (${detail})` : ''}`,
  whoAnswered: (name) => `Geantwortet hat: ${name}`,
  cdn: (name) => `${name}, ein Auslieferungsdienst vor der Website`,
  headers: (list) => `Aufschlussreiche Header: ${list}`,
  timings: 'Zeiten:',
  timing: { connect: 'Verbindungsaufbau', tls: 'sichere Verbindung', firstByte: 'erstes Byte', total: 'gesamt' },
  tls: (protocol) => `Sichere Verbindung: ${protocol}`,
  crashed: (message) => `Fehler in NetMend: ${message}`,
  hostsFile: (path) => `Gelesene Datei: ${path}`,
  hostsFileNotFound: 'Die Datei wurde nicht gefunden',
  hostsSays: (address) => `Dort eingetragene Adresse: ${address}`,
  proxySources: {
    environment: 'Umgebungsvariablen (http_proxy, https_proxy)',
    macos: 'Netzwerkeinstellungen von macOS',
    'windows-internet-settings': 'Proxy-Einstellungen von Windows',
    'windows-winhttp': 'System-Proxy von Windows (WinHTTP)',
    gnome: 'GNOME-Einstellungen',
    kde: 'KDE-Einstellungen',
  },
  proxySetIn: (source) => `Eingestellt in: ${source}`,
  pacFile: (url, result) => `Automatisches Proxy-Skript ${url}: ${result}`,
  throughProxy: (proxy) => `Über den Proxy ${proxy}`,
  noProxy: 'Kein Proxy eingestellt',
  clockHere: (time) => `Uhr dieses Computers: ${time}`,
  serverTime: (from, date) => `${{ portal: 'Der Server der Testseite', site: 'Die Website', proxy: 'Der Proxy' }[from]} meldete: ${date}`,
} satisfies EvidenceTexts

export const EVIDENCE_TEXTS: InEveryLanguage<EvidenceTexts> = { en, de }
