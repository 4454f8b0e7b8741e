// Every sentence the desktop window shows that the engine does not: labels, buttons, states, guided
// steps. The engine's own words (verdicts, findings, fixes, check titles) stay in texts.ts.
// Accessible names here are relied on by the end-to-end tests: change them together.
import type { CheckStatus, VerdictCode } from './diagnosis'

export const APP_TEXTS = {
  appName: 'NetMend',
  tagline: 'Finds out why a site won’t load, and fixes what can be fixed on your side.',
} as const

export const ADDRESS_TEXTS = {
  label: 'Address of the site that fails',
  help: 'Optional. Paste it as you have it, for example example.com or https://example.com/page. Leave it empty to check only your connection.',
  placeholder: 'example.com',
  diagnose: 'Diagnose',
  cancel: 'Cancel',
  cancelling: 'Stopping…',
  hintSpaces: 'Addresses have no spaces. Check for a space in the middle, or paste only the address.',
  hintMail: (domain: string) => `That looks like an e-mail address. To check the site, give its name instead, for example ${domain}.`,
  hintScheme: (scheme: string) => `"${scheme}:" addresses can’t be checked. Give a web address (starting with http:// or https://) or a site name.`,
  hintNoDot: (word: string) => `"${word}" has no dot. Did you mean ${word}.com? (Names like this only work inside some company networks.)`,
  problemLabel: 'Problem with the address:',
} as const

export const RUN_TEXTS = {
  idle: 'Press Diagnose to run the checks.',
  starting: 'Starting…',
  checkingSite: (site: string, done: number, total: number) => `Checking ${site}… ${done} of ${total} checks done.`,
  checkingConnection: (done: number, total: number) => `Checking your connection… ${done} of ${total} checks done.`,
  finished: (seconds: string) => `All checks done in ${seconds} s.`,
  cancelled: 'Stopped. The checks that had not finished were not run.',
  couldNotStart: 'The checks could not start.',
  failedUnexpectedly: (detail: string) => `Something went wrong inside NetMend: ${detail}`,
  progressLabel: 'Checks done',
} as const

export const CHECKLIST_TEXTS = {
  heading: 'The checks',
  listLabel: 'Checks',
  status: {
    pending: 'Waiting',
    running: 'Checking…',
    pass: 'Passed',
    warn: 'Warning',
    fail: 'Failed',
    skipped: 'Skipped',
    cancelled: 'Stopped',
  } satisfies Record<CheckStatus | 'pending' | 'running' | 'cancelled', string>,
  notYet: 'Not checked yet',
  details: 'Details',
  detailsFor: (title: string) => ` about ${title}`,
  rawData: 'Technical data (JSON)',
  noDetails: 'No further details were recorded.',
} as const

export type Side = 'none' | 'computer' | 'network' | 'provider' | 'site' | 'unknown'

/** Whose side each verdict is on, in the path from this computer to the site. */
export const VERDICT_SIDES: Record<VerdictCode, Side> = {
  ok: 'none',
  'no-network': 'computer',
  'gateway-unreachable': 'network',
  'captive-portal': 'network',
  'firewall-blocked': 'network',
  'dns-blocked': 'network',
  'no-internet': 'provider',
  'dns-system-failing': 'provider',
  'dns-stale': 'provider',
  'dns-system-missing-site': 'provider',
  'dns-hijack': 'provider',
  'site-nxdomain': 'site',
  'site-unreachable': 'site',
  'site-bad-gateway': 'site',
  'site-unavailable': 'site',
  'site-gateway-timeout': 'site',
  'site-error': 'site',
  'tls-error': 'site',
  inconclusive: 'unknown',
}

export const VERDICT_CARD_TEXTS = {
  heading: 'Verdict',
  whereLabel: 'Where the problem is:',
  sides: {
    none: 'Nowhere: everything we checked works',
    computer: 'On your computer',
    network: 'In your network (Wi-Fi, cable or router)',
    provider: 'At your internet provider',
    site: 'On the website’s side',
    unknown: 'Not clear yet',
  } satisfies Record<Side, string>,
  pathLabels: { computer: 'Your computer', network: 'Your network', provider: 'Your provider', site: 'The site' },
  findingsHeading: 'What we found',
  severity: { info: 'Note', warning: 'Warning', problem: 'Problem' },
  checkedIn: (seconds: string) => `Checked in ${seconds} s.`,
} as const

export const FIX_LIST_TEXTS = {
  heading: 'What you can do',
  listLabel: 'Fixes',
  bestFirst: 'Best first.',
  none: 'Nothing needs fixing.',
  readOnly: 'This is a past diagnosis: run a new one to act on it.',
  working: 'Working…',
  notAvailable: 'Not available yet on this system.',
  needsAdmin: 'Your computer will ask for an administrator password before NetMend makes this change.',
  couldNotAsk: 'NetMend could not find out whether it can do this here.',
  unexpected: (detail: string) => `That did not work: ${detail}`,
  moreHelp: 'More help (works without internet)',
  helpNotOpened: 'The help page could not be opened.',
  noReport: 'There is no diagnosis to report yet.',
  noSite: 'This needs a site: type its address above and run the checks again.',
} as const

export const WATCH_TEXTS = {
  stop: 'Stop watching',
  dismiss: 'Dismiss',
  regionLabel: 'Watching a site',
  watching: (site: string) => `Watching ${site}. You will get a notification as soon as it works again; you can keep using your computer.`,
  alreadyWatching: 'Watching it now: you will get a notification when it works again. “Stop watching” is at the top of the window.',
  lastChecked: (time: string) => `Last checked at ${time}: still not working.`,
  back: (site: string) => `${site} works again.`,
  stopped: 'Stopped watching.',
} as const

export const DNS_TEXTS = {
  confirmHeading: 'Keep these settings?',
  confirmBody: 'NetMend switched this computer to a public address book. If sites work now, keep it. If you do nothing, your previous settings come back by themselves.',
  countdown: (seconds: number) => `Going back to your previous settings in ${seconds} s.`,
  keep: 'Keep',
  undo: 'Undo now',
  kept: 'Kept. Press Diagnose to check the site again; you can go back to your previous settings at any time.',
  tooLate: 'Too late: your previous settings were already restored.',
  changedNote: 'This computer uses a public address book, set by NetMend.',
  revertedNotConfirmed: 'Your previous address book settings are back, because the change was not confirmed in time.',
} as const

export const REPORT_TEXTS = {
  preview: { 'site-admin': 'Report for the site’s owners', isp: 'Report for your internet provider' },
  intro: {
    'site-admin': 'This is what will be sent. Paste it into an e-mail or the site’s contact form.',
    isp: 'This is what will be sent. Read it out on the phone or paste it into the provider’s support chat.',
  },
  copy: 'Copy report',
  save: 'Save report as a file…',
  copied: 'Copied. Paste it wherever you contact them.',
  notCopied: 'The report could not be copied.',
  saved: (path?: string) => (path ? `Saved to ${path}.` : 'Saved.'),
  notSaved: 'Not saved.',
  fileName: { 'site-admin': 'for-site-owners', isp: 'for-internet-provider' },
} as const

export const GUIDED_TEXTS = {
  stepsHeading: 'Steps',
  browserQuestion: 'Which browser do you use?',
  newBrowserSession: [
    'Close every window of your browser. On a Mac, choose Quit from the browser’s menu; on Windows, check that no window is left in the taskbar.',
    'Open the browser again and go to the site.',
    'Still failing? Try a private window: Ctrl+Shift+N in Chrome and Edge, Ctrl+Shift+P in Firefox, ⌘+Shift+N in Safari.',
  ],
  clearSiteData: {
    Chrome: [
      'Open the site in Chrome.',
      'Click the icon just left of the address (“View site information”).',
      'Choose “Cookies and site data”, then “Manage on-device site data”.',
      'Click the bin icon next to each entry, then Done.',
      'Reload the page.',
    ],
    Edge: [
      'Open the site in Edge.',
      'Click the padlock just left of the address.',
      'Choose “Cookies” (or “Cookies and site data”).',
      'Select each entry and click Remove, then Done.',
      'Reload the page.',
    ],
    Firefox: [
      'Open the site in Firefox.',
      'Click the padlock just left of the address.',
      'Choose “Clear cookies and site data…”.',
      'Confirm with Remove.',
      'Reload the page.',
    ],
    Safari: [
      'In Safari, choose Safari ▸ Settings (or Preferences) ▸ Privacy.',
      'Click “Manage Website Data…”.',
      'Type the site’s name in the search field.',
      'Select it, click Remove, then Done.',
      'Reload the page.',
    ],
  },
  restartRouter: [
    'Unplug the power cable of your router — and of the modem, if it is a separate box.',
    'Wait 30 seconds.',
    'Plug the modem back in first and wait until its lights stop blinking (about a minute).',
    'Plug the router back in.',
    'Wait two minutes, then press Check again.',
  ],
} as const

export type BrowserName = keyof typeof GUIDED_TEXTS.clearSiteData
export const BROWSERS = Object.keys(GUIDED_TEXTS.clearSiteData) as BrowserName[]

export const HISTORY_TEXTS = {
  toggle: 'History',
  heading: 'History',
  listLabel: 'Past diagnoses',
  empty: 'No diagnoses yet. Each one you run is kept here, on this computer only.',
  loadFailed: 'The history could not be read.',
  connectionOnly: 'Connection only',
  /** The subject of a past diagnosis inside a sentence. */
  subject: (site: string | null) => (site ? `the diagnosis of ${site}` : 'the connection check'),
  open: 'Open',
  delete: 'Delete',
  entryName: (subject: string, when: string) => ` ${subject} from ${when}`,
  deleteAll: 'Delete all',
  confirmDeleteAll: (count: number) => `Delete all ${count} past diagnoses? This can’t be undone.`,
  confirmYes: 'Yes, delete all',
  confirmNo: 'Keep them',
  deleted: 'Deleted.',
  deletedAll: 'The history is empty now.',
  close: 'Close history',
  viewingHeading: 'Past diagnosis',
  viewing: (subject: string, when: string) => `You are looking at ${subject} from ${when}. Nothing here is run again.`,
  backToCurrent: 'Back to the current diagnosis',
} as const

/** Words for the details under each check, built from the check's evidence. */
export const EVIDENCE_TEXTS = {
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
  port: (address: string, port: number) => `${address} port ${port}`,
  tcp: {
    connected: 'reached',
    refused: 'refused (but it is there)',
    timeout: 'no answer',
    unreachable: 'no route to it',
    aborted: 'stopped',
    error: 'failed',
  } as Record<string, string>,
  asked: (name: string) => `Asked for: ${name}`,
  madeUpAsked: (name: string) => `Made-up name asked: ${name}`,
  nameLookedUp: (name: string) => `Name looked up: ${name}`,
  yours: (address: string) => `${address} (yours)`,
  dns: {
    noAddress: 'exists, but no address',
    nxdomain: 'does not exist',
    servfail: 'failed (SERVFAIL)',
    refused: 'refused to answer',
    other: (rcode: string) => `answered ${rcode}`,
    timeout: 'no answer',
    unreachable: 'could not be reached',
    failed: 'failed',
    overTcp: 'over TCP',
  },
  settings: (manager: string, servers: string) => `This computer’s settings (${manager}): asks ${servers}.`,
  localHelper: (servers: string) => `That is a helper on this computer, which passes questions on to ${servers}.`,
  localHelperUnknown: 'That is a helper on this computer; what it asks behind it could not be read.',
  settingsUnreadable: (detail: string) => `This computer’s address book settings could not be read: ${detail}.`,
  testPage: (url: string) => `Test page: ${url}`,
  askedAt: (address: string) => `Asked at: ${address}`,
  expectedEmpty: (status: number) => `Answered ${status}${status === 204 ? ' (the empty answer expected)' : ''}`,
  sentTo: (location: string) => `Sent to: ${location}`,
  page: (url: string) => `Page: ${url}`,
  at: (address: string, from: string) => `At ${address}${from ? ` (${from})` : ''}`,
  from: { system: 'from your provider’s address book', public: 'from public address books', both: 'from both address books' },
  status: (status: number) => `Answered with status ${status}${status >= 500 ? ' (an error on the site’s side)' : ''}`,
  failure: (what: string, detail: string) => `${what}${detail ? ` (${detail})` : ''}`,
  whoAnswered: (name: string) => `Who answered: ${name}`,
  cdn: (name: string) => `${name}, a delivery service in front of the site`,
  headers: (list: string) => `Revealing headers: ${list}`,
  timings: 'Times:',
  timing: { connect: 'connecting', tls: 'secure connection', firstByte: 'first byte', total: 'total' },
  tls: (protocol: string) => `Secure connection: ${protocol}`,
  crashed: (message: string) => `Error inside NetMend: ${message}`,
} as const

export const HELP_PAGE_TEXTS = {
  windowTitle: (pageTitle: string) => `${pageTitle} — NetMend help`,
  unknownTopic: 'This help page is not part of NetMend.',
} as const

/** Menu titles; the items themselves are Electron's roles, which the OS names in its own language. */
export const MENU_TEXTS = {
  edit: 'Edit',
  window: 'Window',
  develop: 'Develop',
} as const
