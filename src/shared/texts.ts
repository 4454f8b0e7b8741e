// Every sentence a person reads, keyed by code, written for someone who has never heard of DNS.
// Engine code decides *what* happened; this module alone decides how it is said.
import type { CheckId, FindingCode, FixId, VerdictCode } from './diagnosis'

export interface TextParams {
  /** The site as the person typed it. */
  site?: string
  status?: number
  /** Who produced an error page, when the headers name them ("Cloudflare", "nginx"). */
  errorSource?: string
  errorSourceIsCdn?: boolean
  count?: number
  detail?: string
  /** The site answered "page not found" (404 or 410) for the page asked for. */
  missingPageStatus?: number
  /** The provider's address book says the site has no address, while it exists and works. */
}

const siteName = (p: TextParams): string => p.site ?? 'the site'

const ADDRESS_BOOK =
  'Computers find websites the way you find a phone number: they look the name up in an address book, called DNS. Your internet provider runs one for you.'

const NOT_YOUR_SIDE = 'Nothing on your computer or your network will fix this — it is up to the people who run the site.'

function errorPageOrigin(p: TextParams): string {
  if (p.errorSource && p.errorSourceIsCdn) {
    return `The error page came from ${p.errorSource}, a delivery service that stands in front of ${siteName(p)}: it answered you, but could not get a proper answer from the site's own computers behind it.`
  }
  if (p.errorSource) {
    return `The error page came from the site's own front server (${p.errorSource}), which passes requests on to the computers behind it.`
  }
  return `The error page came from the site's own servers.`
}

export const VERDICT_TEXTS: Record<VerdictCode, (p: TextParams) => { title: string; explanation: string }> = {
  ok: (p) => ({
    title: p.site ? (p.missingPageStatus ? `${siteName(p)} answers, but not with that page` : `${siteName(p)} works from here`) : 'Your connection works',
    explanation: p.site
      ? p.missingPageStatus
        ? `Your network, your internet connection and the address lookups all work, and ${siteName(p)} answered — but it said the page you asked for does not exist (error ${p.missingPageStatus}). Check the address of the page, or start from the site's home page; if a link brought you here, the page may have been moved or removed.`
        : `Your network, your internet connection and the address lookups all work, and ${siteName(p)} answered normally. If it still fails in your browser, the browser may be holding on to old data.`
      : 'Your network, your internet connection and the address lookups all work.',
  }),
  'no-network': () => ({
    title: 'You are not connected to any network',
    explanation: 'This computer has no working Wi-Fi or cable connection right now. Check that Wi-Fi is switched on and connected, or that the network cable is plugged in.',
  }),
  'gateway-unreachable': () => ({
    title: 'Your router is not answering',
    explanation: 'Your computer is connected, but the router (the box that links your home or office to the internet) does not reply. Restarting the router usually fixes this.',
  }),
  'no-internet': () => ({
    title: 'Your router answers, but the internet does not',
    explanation: 'Your computer reaches your router, but nothing beyond it. The problem is between your router and your internet provider: the modem, the line, or the provider itself.',
  }),
  'captive-portal': () => ({
    title: 'This network wants you to sign in first',
    explanation: 'Networks in hotels, cafés, airports and trains often hold back the internet until you accept their terms on a sign-in page. Open any website in your browser to bring that page up.',
  }),
  'firewall-blocked': () => ({
    title: 'This network blocks websites',
    explanation: 'Address lookups get out, but connections to websites are stopped. A firewall — on this network, or security software on this computer — is blocking web traffic.',
  }),
  'dns-blocked': () => ({
    title: "Your provider's address book is down, and other ones are blocked",
    explanation: `${ADDRESS_BOOK} Yours is not answering, and this network also stops your computer from asking any other address book. Only the network's owner or your internet provider can fix this.`,
  }),
  'dns-system-failing': () => ({
    title: "Your internet provider's address book is not working",
    explanation: `${ADDRESS_BOOK} Yours is failing, while public ones answer normally. Switching to a public address book fixes this, and you can switch back at any time.`,
  }),
  'dns-stale': (p) => ({
    title: `Your provider's address book has an old address for ${siteName(p)}`,
    explanation: `${ADDRESS_BOOK} Yours still points to where ${siteName(p)} used to be, and that old place no longer works; public address books have the new address, and the site works there. This often happens right after a site moves.`,
  }),
  'dns-system-missing-site': (p) => ({
    title: `Your provider's address book says ${siteName(p)} does not exist — but it does`,
    explanation: `${ADDRESS_BOOK} Yours answers that there is no such site, while public address books find ${siteName(p)} and the site opens normally there. Either your provider blocks this site on purpose, or its address book remembers an old "no such name" answer. Switching to a public address book usually opens the site again, and you can switch back at any time.`,
  }),
  'dns-hijack': () => ({
    title: "Your provider's address book makes up answers",
    explanation: `${ADDRESS_BOOK} When asked for a name that does not exist, yours answers anyway (usually to show you its own search or advertising page). That can break apps and hide typing mistakes. A public address book gives honest answers.`,
  }),
  'site-nxdomain': (p) => ({
    title: `${siteName(p)} does not exist`,
    explanation: `No address book anywhere knows the name ${siteName(p)}. Check the spelling. If it is right, the site's name may have expired or been removed; only its owners can fix that.`,
  }),
  'site-unreachable': (p) => ({
    title: `${siteName(p)} is not answering`,
    explanation: `Your internet works and the site's address was found, but the site's computers do not respond. The site is probably down. ${NOT_YOUR_SIDE}`,
  }),
  'site-bad-gateway': (p) => ({
    title: `${siteName(p)} is broken on its side (502 Bad Gateway)`,
    explanation: `Big websites have a front door that takes your request and passes it to the computers that build the page. Here the front door answered, but the computers behind it did not. ${errorPageOrigin(p)} ${NOT_YOUR_SIDE}`,
  }),
  'site-unavailable': (p) => ({
    title: `${siteName(p)} is temporarily unavailable (503)`,
    explanation: `The site answered that it cannot serve anyone right now — it is overloaded or down for maintenance. ${errorPageOrigin(p)} ${NOT_YOUR_SIDE}`,
  }),
  'site-gateway-timeout': (p) => ({
    title: `${siteName(p)} is too slow to answer (504 Gateway Timeout)`,
    explanation: `The site's front door took your request, but the computers behind it took too long to reply, so it gave up. ${errorPageOrigin(p)} ${NOT_YOUR_SIDE}`,
  }),
  'site-error': (p) => ({
    title: `${siteName(p)} has an error on its side (${p.status ?? 'server error'})`,
    explanation: `The site answered with an error of its own. ${errorPageOrigin(p)} ${NOT_YOUR_SIDE}`,
  }),
  'tls-error': (p) => ({
    title: `${siteName(p)}'s security certificate is not valid`,
    explanation: `Before showing a secure page, your computer checks the site's certificate — its proof of identity. This one failed the check (${describeFetchFailure(p.detail ?? 'tls.untrusted')}). If your computer's date and time are right, the site has a problem with its certificate; don't enter passwords or card numbers there until it is fixed.`,
  }),
  inconclusive: () => ({
    title: 'The checks could not finish',
    explanation: 'Some checks did not get an answer in time, so there is no clear conclusion. Try again in a moment.',
  }),
}

export const FIX_TEXTS: Record<FixId, (p: TextParams) => { title: string; explanation: string }> = {
  retry: () => ({ title: 'Check again', explanation: 'Run all the checks once more — useful after changing something or waiting a little.' }),
  'watch-site': (p) => ({
    title: 'Tell me when it is back',
    explanation: `Keep checking ${siteName(p)} every minute and let you know as soon as it works again.`,
  }),
  'flush-dns-cache': () => ({
    title: 'Forget remembered addresses',
    explanation: 'Your computer remembers addresses it looked up before. Clearing that memory makes it ask afresh, so an old, wrong address is not used again.',
  }),
  'switch-dns': () => ({
    title: 'Use a public address book',
    explanation: "Change this computer to look up addresses with a reliable public service (Google, Cloudflare or Quad9) instead of your provider's. Your current settings are saved, and you can switch back with one click.",
  }),
  'revert-dns': () => ({
    title: 'Go back to my previous settings',
    explanation: 'Undo the address book change NetMend made and restore exactly what you had before.',
  }),
  'new-browser-session': () => ({
    title: 'Open a fresh browser window',
    explanation: 'Close the browser completely and open it again, or use a private window. This drops anything the browser was holding on to.',
  }),
  'clear-site-data': (p) => ({
    title: `Clear ${siteName(p)}'s stored data in your browser`,
    explanation: 'Remove the saved files and cookies for this one site in your browser settings. You may have to sign in to it again.',
  }),
  'restart-router': () => ({
    title: 'Restart your router and modem',
    explanation: 'Unplug the router (and the modem, if it is a separate box), wait 30 seconds, plug the modem in first, then the router. Wait two minutes before checking again.',
  }),
  'contact-site-admin': (p) => ({
    title: `Let ${siteName(p)}'s owners know`,
    explanation: 'Send the site a short report of what NetMend saw (the error, who answered and when). It tells them exactly where to look.',
  }),
  'contact-isp': () => ({
    title: 'Contact your internet provider (or whoever runs this network)',
    explanation: 'Give them the report NetMend prepares: which part failed and when. It saves a long call.',
  }),
}

export const FINDING_TEXTS: Record<FindingCode, (p: TextParams) => string> = {
  'no-active-interface': () => 'No network connection is active: no Wi-Fi and no cable.',
  'no-default-gateway': () => 'The computer does not know which router leads to the internet.',
  'gateway-silent': () => 'Your router did not reply to any of our knocks.',
  'internet-unreachable': () => 'None of the well-known internet servers could be reached.',
  'web-ports-blocked': () => 'Connections to web servers are being blocked, while address lookups get through.',
  'captive-portal-detected': () => 'A test page was answered by something else (a sign-in page) instead of the real server.',
  'system-dns-via-local-stub': () =>
    'Your computer first asks a helper program on itself, which then asks your provider. That is normal.',
  'system-dns-unknown': (p) => `Could not find out which address book your computer uses${p.detail ? ` (${p.detail})` : ''}.`,
  'system-dns-silent': () => "Your provider's address book did not answer at all.",
  'system-dns-servfail': () => "Your provider's address book answered, but only to say it failed.",
  'system-dns-refused': () => "Your provider's address book refused to answer.",
  'system-dns-slow': () => "Your provider's address book is slow to answer, which makes every site slower to open.",
  'system-dns-partly-silent': () => "One of your provider's address books does not answer; the other ones do, so lookups can be slow now and then.",
  'system-dns-misses-site': (p) =>
    `Your provider's address book says ${siteName(p)} has no address, while public address books find it and the site works there.`,
  'public-dns-silent': () => 'Public address books (Google, Cloudflare, Quad9) could not be reached from this network.',
  'public-dns-disagrees': (p) => `Your provider's address book and public ones give different addresses for ${siteName(p)}.`,
  'system-dns-hijacks': () => "Your provider's address book gave an address for a name that does not exist.",
  'site-name-missing': (p) => `No address book knows the name ${siteName(p)}.`,
  'site-answers-differ': (p) => `${siteName(p)} behaves differently depending on which of its addresses is used.`,
  'stale-address-proven': (p) =>
    `The address your provider gives for ${siteName(p)} does not work, while the address public address books give does.`,
  'site-unreachable-at-address': (p) => `${siteName(p)} did not respond at ${p.count === 1 ? 'its address' : `${p.count ?? 'any'} of its addresses`}.`,
  'site-server-error': (p) => `${siteName(p)} answered with error ${p.status ?? ''}.`.replace(' .', '.'),
  'site-tls-failed': (p) => `The secure connection to ${siteName(p)} failed: ${describeFetchFailure(p.detail ?? 'tls.failed')}.`,
  'site-error-source': (p) =>
    p.errorSource
      ? `The error was produced by ${p.errorSource}${p.errorSourceIsCdn ? ', the delivery service in front of the site' : ', the site’s front server'}.`
      : 'The error was produced by the site’s own servers.',
  'site-page-not-found': (p) =>
    `${siteName(p)} answered, but said this page does not exist (error ${p.missingPageStatus ?? 404}). The site itself works; the page's address may be wrong, or the page was moved or removed.`,
}

export const CHECK_TITLES: Record<CheckId, string> = {
  'net.interfaces': 'Network connection (Wi-Fi or cable)',
  'net.gateway': 'Your router',
  'net.internet': 'Internet connection',
  'dns.system': "Your provider's address book (DNS)",
  'dns.public': 'Public address books (DNS)',
  'dns.hijack': 'Honest answers from your address book',
  'portal.captive': 'Sign-in pages (hotel, café, airport Wi-Fi)',
  'site.dns': "Looking up the site's address",
  'site.http': 'The site itself',
}

/** One-line check results; numbers and names are filled in by the check. */
export const CHECK_SUMMARIES = {
  interfacesUp: (names: string[]) => `Connected through ${names.join(', ')}`,
  interfacesNone: () => 'No active connection',
  gatewayAnswers: (address: string, latency?: number) => `Router ${address} answers${latency === undefined ? '' : ` (${latency} ms)`}`,
  gatewaySilent: (address: string) => `Router ${address} does not answer`,
  gatewayMissing: () => 'No router configured',
  internetReachable: (reached: number, total: number) => `Reached ${reached} of ${total} internet servers`,
  internetUnreachable: (total: number) => `None of ${total} internet servers could be reached`,
  resolversAnswer: (answered: number, total: number, fastestMs?: number) =>
    `${answered} of ${total} answered${fastestMs === undefined ? '' : `, fastest in ${Math.round(fastestMs)} ms`}`,
  resolversFail: (total: number, how: 'silent' | 'servfail' | 'refused') =>
    `${total === 1 ? 'It' : `All ${total}`} ${{ servfail: 'answered with a failure (SERVFAIL)', refused: 'refused to answer', silent: 'did not answer' }[how]}`,
  resolversUnknown: () => 'Could not find which address book this computer uses',
  resolverSlow: (latencyMs: number) => `Answers, but slowly (${Math.round(latencyMs)} ms)`,
  hijackNone: () => 'Made-up names are correctly reported as not existing',
  hijackFound: (address: string) => `A made-up name was answered with ${address}`,
  hijackUnknown: () => 'Could not be tested (no answers)',
  captiveClean: () => 'No sign-in page in the way',
  captiveFound: (where: string) => `Redirected to ${where}`,
  captiveUnknown: () => 'Could not be tested',
  siteFound: (count: number) => `Found ${count} address${count === 1 ? '' : 'es'}`,
  siteNameMissing: () => 'No address book knows this name',
  siteDifferent: () => "Your provider's answer differs from public ones",
  siteNotResolved: () => 'No address found',
  siteIsAddress: () => 'An address was given, nothing to look up',
  siteAnswers: (status: number, ms: number) => `Answered ${status} in ${ms} ms`,
  siteAtAddress: (address: string, outcome: { status: number } | { failure: string }) =>
    'status' in outcome
      ? outcome.status < 500
        ? `works at ${address} (${outcome.status})`
        : `error ${outcome.status} at ${address}`
      : `${describeFetchFailure(outcome.failure)} at ${address}`,
  siteMixed: (parts: string[]) => `Mixed: ${parts.join('; ')}`,
  siteFails: (parts: string[]) => parts.join('; ').replace(/^./, (first) => first.toUpperCase()),
  skippedNoNetwork: () => 'Skipped: no network connection',
  skippedNoSite: () => 'Skipped: no site given',
  skippedNoAddress: () => "Skipped: the site's address is unknown",
  skippedOutOfTime: () => 'Not finished in time',
  checkCrashed: () => 'Could not be run (an error in NetMend itself)',
} as const

/** What the app says after (or instead of) changing a setting on the computer. */
export const OS_FIX_TEXTS = {
  notAvailableYet: () => 'Not available yet on this system: NetMend cannot change this setting here yet.',
  switched: (provider: string) => `Now using ${provider}'s public address book. Keep it only if sites work again.`,
  reverted: () => 'Your previous settings are back, exactly as they were.',
  revertedUnconfirmed: () => 'Nobody confirmed the new settings in time, so your previous ones were put back.',
  autoRevertFailed: (why: string) =>
    `Nobody confirmed the new settings, but putting your previous ones back did not work: ${why} This computer still uses the public address book; press "Go back to my previous settings" to try again.`,
  failed: (detail: string) => `That did not work: ${detail}. Nothing was changed.`,
  busy: () => 'A check is already running; wait for it to finish or cancel it first.',
} as const

/** Short words for why a page could not be fetched, keyed by the probe's failure code. */
export const FETCH_FAILURE_TEXTS: Record<string, string> = {
  'http.timeout': 'no answer',
  'http.refused': 'connection refused',
  'http.unreachable': 'no route to it',
  'http.reset': 'connection cut off',
  'http.aborted': 'stopped',
  'http.protocol': 'garbled answer',
  'tls.untrusted': 'certificate not trusted',
  'tls.expired': 'certificate expired or not yet valid',
  'tls.name-mismatch': 'certificate made out for another site',
  'tls.failed': 'secure connection failed',
}

export const describeFetchFailure = (code: string): string => FETCH_FAILURE_TEXTS[code] ?? code

/** One-line messages for bad input, shown by the CLI and the app; never a stack trace. */
export const INPUT_ERROR_TEXTS: Record<string, (detail: string) => string> = {
  'target.empty': () => 'Please give the address of the site that fails, for example example.com.',
  'target.unsupported-scheme': (detail) => `"${detail}" addresses can't be checked; give a web address (http:// or https://) or a site name.`,
  'target.invalid': (detail) => `That doesn't look like a web address: ${detail}.`,
  'config.unreadable': (detail) => `The settings file can't be read (${detail}).`,
  'config.not-a-file': (detail) => `The settings file must be an ordinary file, and ${detail} is not one (a folder, a pipe or a device).`,
  'config.too-large': (detail) => {
    const [path, limit] = detail.split('|')
    return `The settings file ${path} is too large to be a NetMend settings file (more than ${limit} bytes).`
  },
  'config.not-json': (detail) => `The settings file is not valid JSON (${detail}).`,
  'config.invalid-field': (detail) => `The settings file has a wrong value: ${detail}.`,
  'cli.unknown-flag': (detail) => `Unknown option ${detail}. Run "netmend --help" for the list.`,
  'cli.missing-value': (detail) => `The option ${detail} needs a value.`,
  'cli.unknown-command': (detail) => `Unknown command "${detail}". Run "netmend --help" for the list.`,
  'cli.extra-argument': (detail) => `Unexpected extra argument "${detail}".`,
  'cli.missing-server': () => 'Say which address book to use, for example "netmend dns use cloudflare" or "netmend dns use 1.1.1.1".',
  'cli.unknown-dns-command': (detail) => `Unknown dns command "${detail}". Use "netmend dns show", "use", "revert" or "flush".`,
  'dns.unknown-server': (detail) => {
    const [given, names] = detail.split('|')
    return `${given} is neither an address like 1.1.1.1 nor a known address book (${names}).`
  },
  'dns.too-many-servers': (detail) => {
    const [given, limit] = detail.split('|')
    return `That is ${given} address books; choose at most ${limit}.`
  },
  'dns.bad-adapter': (detail) =>
    `${JSON.stringify(detail)} is not a connection name NetMend knows; run "netmend dns show" to see them (for example eth0, en0, or a number on Windows).`,
}

// ---------------------------------------------------------------------------------------------------------
// Changing DNS settings ("address books"): what people read in the CLI and the app.
// ---------------------------------------------------------------------------------------------------------

/**
 * Why a change of address book did not happen; keyed by the dns-settings error code. These are the app's
 * words (no terminal commands); the command line uses DNS_SETTINGS_CLI_ERROR_TEXTS below.
 */
export const DNS_SETTINGS_ERROR_TEXTS: Record<string, (detail: string) => string> = {
  'dns-settings.bad-address': (detail) => `"${detail}" is not the address of an address book (for example 1.1.1.1).`,
  'dns-settings.no-servers': () => 'No address book was chosen.',
  'dns-settings.unknown-resolver': (detail) => `"${detail}" is not one of the public address books NetMend knows, so nothing was changed.`,
  'dns-settings.unknown-adapter': (detail) => `There is no connection called "${detail}" on this computer any more.`,
  'dns-settings.unsafe-name': () =>
    'A connection on this computer has a name NetMend will not pass to a system command, so nothing was changed.',
  'dns-settings.refused': (detail) =>
    `The administrator step refused this (${detail}): it only ever changes the address books NetMend manages, in the way NetMend writes them. Nothing was changed.`,
  'dns-settings.unreadable': (detail) => `NetMend could not read this computer's current settings (${detail}).`,
  'dns-settings.unsupported': () => 'NetMend cannot change address books on this kind of system.',
  'dns-settings.no-adapter': () =>
    'No ordinary Wi-Fi or cable connection was found to change (VPN connections are left alone unless you name them).',
  'dns-settings.snapshot-failed': (detail) => `NetMend could not save a copy of your current settings first, so it changed nothing (${detail}).`,
  'dns-settings.apply-failed': (detail) => `The system refused the change (${detail}).`,
  'dns-settings.verification-failed': (detail) =>
    `The new address book did not answer (${detail}), so NetMend put your previous settings back.`,
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
}

/** The command line's words for the same failures: there, naming the command to run is the help. */
export const DNS_SETTINGS_CLI_ERROR_TEXTS: Record<string, (detail: string) => string> = {
  ...DNS_SETTINGS_ERROR_TEXTS,
  'dns-settings.unknown-adapter': (detail) => `There is no connection called "${detail}" here; "netmend dns show" lists them.`,
  'dns-settings.rollback-failed': (detail) =>
    `Putting your previous settings back did not fully work (${detail}). Run "netmend dns revert" again, or see "What NetMend changes on your computer" in the README to undo it by hand.`,
  'dns-settings.elevation-unavailable': () =>
    'This computer has no way to ask for the administrator password from here; run the command with sudo instead.',
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
}

/** The sentence the system's own password dialog shows next to its question (macOS lets NetMend add one). */
export const ADMIN_PROMPT_TEXTS = {
  macos: () => 'NetMend wants to change which address books (DNS servers) this Mac uses.',
} as const

export const DNS_SETTINGS_TEXTS = {
  adminNeeded: () => 'Changing this needs administrator rights: your computer will ask for your password.',
  listTitle: () => 'Address books (DNS servers) this computer uses:',
  none: () => 'none',
  source: (source: string) =>
    ({ manual: 'typed in by hand', automatic: 'given by your network', file: 'written in the settings file', unknown: 'origin unknown' })[source] ?? source,
  vpn: () => 'VPN or virtual: left alone',
  changedByNetMend: () => 'NetMend changed these settings. "netmend dns revert" puts back exactly what you had before.',
  notChanged: () => 'NetMend has not changed these settings.',
  switched: (adapters: string[], servers: string[]) => `Now using ${servers.join(', ')} on ${adapters.join(', ')}.`,
  checked: (answered: string[]) => `Checked: ${answered.join(', ')}; lookups through this computer work.`,
  howToUndo: () => 'To go back to your previous settings: netmend dns revert',
  reverted: (adapters: string[]) => `Back to your previous settings on ${adapters.join(', ')}.`,
  nothingToRevert: () => 'NetMend had not changed anything, so there is nothing to undo.',
  flushed: (method: string) => `Cleared the addresses this computer remembered (${method}).`,
  nothingToFlush: () => 'This computer does not keep a memory of looked-up addresses, so there was nothing to clear.',
  recovered: () => 'An earlier change was interrupted before it was finished; your previous settings have been put back.',
  notRecovered: (why: string) => `An earlier change was interrupted and could not be undone yet: ${why}`,
  leftAsItWas: () => 'Your settings were left as they were.',
} as const
