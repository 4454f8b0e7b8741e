// How a diagnosis is told: verdicts, findings, fixes, the checks' titles and one-line results. Written for
// someone who has never heard of DNS ("address book"); the engine decides what happened, this says it.
import type { CheckId, CheckSummary, DiagnosisReport, FetchSummary, FindingCode, FindingReport, FixId, FixReport, ServerErrorStatus, TextParams, VerdictCode } from '../diagnosis'
import type { HttpFailureCode } from '../evidence'
import { SERVER_ERROR_STATUSES } from '../diagnosis'
import { clockOffDe, clockOffEn, clockStepsDe, clockStepsEn } from './clock-steps'
import { hostsStepsDe, hostsStepsEn } from './hosts-file-steps'
import { proxyStepsDe, proxyStepsEn } from './proxy-steps'
import { sayByCode, type InEveryLanguage, type TextsByCode } from './shape'

type Told = { title: string; explanation: string }

export interface DiagnosisTexts {
  verdicts: Record<VerdictCode, (p: TextParams) => Told>
  fixes: Record<FixId, (p: TextParams) => Told>
  findings: Record<FindingCode, (p: TextParams) => string>
  checkTitles: Record<CheckId, string>
  summaries: TextsByCode<CheckSummary>
  /** Short words for why a page could not be fetched. */
  fetchFailures: Record<HttpFailureCode, string>
  /** What each server error means, and whose computer it comes from. */
  serverErrors: Record<ServerErrorStatus, (p: TextParams) => string>
}

const isKnownServerError = (status: number | undefined): status is ServerErrorStatus =>
  status !== undefined && (SERVER_ERROR_STATUSES as readonly number[]).includes(status)

// ------------------------------------------------------------------------------------------------
// English (the source)

const siteName = (p: TextParams): string => p.site ?? 'the site'
const SiteName = (p: TextParams): string => p.site ?? 'The site'

const ADDRESS_BOOK =
  'Computers find websites the way you find a phone number: they look the name up in an address book, called DNS. Your internet provider runs one for you.'

const NOT_YOUR_SIDE = 'Nothing on your computer or your network will fix this — it is up to the people who run the site.'

function errorPageOrigin(p: TextParams): string {
  if (p.errorSource && p.errorSourceIsCdn) {
    return `The error page came from ${p.errorSource}, a delivery service that stands in front of ${siteName(p)}: it answered you, but could not get a proper answer from the site's own computers behind it.`
  }
  if (p.errorSource) return `The error page came from the site's own front server (${p.errorSource}), which passes requests on to the computers behind it.`
  return `The error page came from the site's own servers.`
}

const PROXY_EN =
  'Some computers do not fetch web pages themselves: they send every request to a go-between, called a proxy, which fetches the page for them. Workplaces and schools often set one up.'
const WORK_PROXY_EN = 'If this computer belongs to your work or school, ask its IT people before changing anything.'
const proxyEn = (p: TextParams): string => (p.proxy ? `the proxy ${p.proxy}` : 'a proxy')

const FETCH_FAILURES_EN: Record<HttpFailureCode, string> = {
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
  'http.redirect-loop': 'sent round in a circle of redirects',
  'http.too-many-redirects': 'too many redirects',
  'http.redirect-unresolved': 'redirected to a name that could not be found',
}

// Who is at fault, error by error. The 52x errors and 530 come from a delivery service (most often Cloudflare)
// about the site's own server behind it: the delivery service works, the site's server does not.
const deliveryServiceEn = (p: TextParams): string => (p.errorSource && p.errorSourceIsCdn ? p.errorSource : 'the delivery service in front of the site')
const SERVER_ERRORS_EN: Record<ServerErrorStatus, (p: TextParams) => string> = {
  500: () => "The site's own server ran into an error of its own while building this page (500 Internal Server Error).",
  501: () => "The site's own server does not know how to answer this kind of request (501 Not Implemented): a gap in the site's setup.",
  502: () => "The site's front server got no usable answer from the computers behind it (502 Bad Gateway).",
  503: () => 'The site says it cannot serve anyone right now: it is overloaded or down for maintenance (503 Service Unavailable).',
  504: () => 'The computers behind the site\'s front server took too long to answer (504 Gateway Timeout).',
  505: () => "The site's server refuses the way browsers write their requests (505 HTTP Version Not Supported): a fault in the site's setup.",
  507: () => "The site's server has run out of storage space (507 Insufficient Storage).",
  508: () => "The site's server went round in a circle while building the page and gave up (508 Loop Detected).",
  520: (p) => `${capitalized(deliveryServiceEn(p))} got an empty or garbled answer from the site's own server (520).`,
  521: (p) => `The site's own server turned away ${deliveryServiceEn(p)} (521): it is down, or it blocks the delivery service.`,
  522: (p) => `${capitalized(deliveryServiceEn(p))} could not get a connection to the site's own server in time (522): that server is down or overloaded.`,
  523: (p) => `${capitalized(deliveryServiceEn(p))} finds no way to reach the site's own server (523): its address is wrong or its network is down.`,
  524: (p) => `The site's own server took the request but did not finish the answer in time for ${deliveryServiceEn(p)} (524).`,
  525: (p) => `The secure connection between ${deliveryServiceEn(p)} and the site's own server failed (525).`,
  526: (p) => `The site's own server showed ${deliveryServiceEn(p)} a certificate that is not valid (526).`,
  527: (p) => `The link between ${deliveryServiceEn(p)} and the site's own server broke (527).`,
  530: (p) => `${capitalized(deliveryServiceEn(p))} could not reach the site's own server, usually because the site is set up wrongly there (530).`,
}

const answerWorks = (fetch: { status: number; works?: boolean }): boolean => fetch.works ?? fetch.status < 500

const fetchAtAddressEn = (fetch: FetchSummary): string =>
  'status' in fetch
    ? answerWorks(fetch)
      ? `works at ${fetch.address} (${fetch.status})`
      : `error ${fetch.status} at ${fetch.address}`
    : `${FETCH_FAILURES_EN[fetch.failure]} at ${fetch.address}`

const en: DiagnosisTexts = {
  verdicts: {
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
      title: `${SiteName(p)} does not exist`,
      explanation: `No address book anywhere knows the name ${siteName(p)}. Check the spelling. If it is right, the site's name may have expired or been removed; only its owners can fix that.`,
    }),
    'site-unreachable': (p) => ({
      title: `${SiteName(p)} is not answering`,
      explanation: `Your internet works and the site's address was found, but the site's computers do not respond. The site is probably down. ${NOT_YOUR_SIDE}`,
    }),
    'site-bad-gateway': (p) => ({
      title: `${SiteName(p)} is broken on its side (502 Bad Gateway)`,
      explanation: `Big websites have a front door that takes your request and passes it to the computers that build the page. Here the front door answered, but the computers behind it did not. ${errorPageOrigin(p)} ${NOT_YOUR_SIDE}`,
    }),
    'site-unavailable': (p) => ({
      title: `${SiteName(p)} is temporarily unavailable (503)`,
      explanation: `The site answered that it cannot serve anyone right now — it is overloaded or down for maintenance. ${errorPageOrigin(p)} ${NOT_YOUR_SIDE}`,
    }),
    'site-gateway-timeout': (p) => ({
      title: `${SiteName(p)} is too slow to answer (504 Gateway Timeout)`,
      explanation: `The site's front door took your request, but the computers behind it took too long to reply, so it gave up. ${errorPageOrigin(p)} ${NOT_YOUR_SIDE}`,
    }),
    'site-error': (p) => ({
      title: `${SiteName(p)} has an error on its side (${p.status ?? 'server error'})`,
      explanation: `${isKnownServerError(p.status) ? SERVER_ERRORS_EN[p.status](p) : 'The site answered with an error of its own.'} ${errorPageOrigin(p)} ${NOT_YOUR_SIDE}`,
    }),
    'tls-error': (p) => ({
      title: `${SiteName(p)}'s security certificate is not valid`,
      explanation: `Before showing a secure page, your computer checks the site's certificate — its proof of identity. This one failed the check (${FETCH_FAILURES_EN[p.tlsFailure ?? 'tls.untrusted']}). If your computer's date and time are right, the site has a problem with its certificate; don't enter passwords or card numbers there until it is fixed.`,
    }),
    inconclusive: () => ({
      title: 'The checks could not finish',
      explanation: 'Some checks did not get an answer in time, so there is no clear conclusion. Try again in a moment.',
    }),
    'site-firewall-blocked': (p) => ({
      title: `${SiteName(p)}'s security service is blocking you`,
      explanation: `Many sites stand behind a security service that turns away connections it finds suspicious. ${p.firewall ?? 'The one in front of ' + siteName(p)} refused this connection: your network works, and the site is up, but it will not let this connection in. It sometimes happens to a whole network, or to shared and VPN connections. Tell the site what happened, or try from another network (for example your phone's mobile data).`,
    }),
    'site-rate-limited': (p) => ({
      title: `${SiteName(p)} asks you to slow down`,
      explanation: `${SiteName(p)} is limiting how often it can be asked for pages, and this connection has reached the limit (error 429). ${p.retryAfterSeconds !== undefined ? `It asked to wait ${waitEn(p.retryAfterSeconds)} before trying again.` : 'Waiting a few minutes usually lifts it.'} Nothing is broken on your side.`,
    }),
    'provider-blocks-site': (p) => ({
      title: `${SiteName(p)} is blocked on the way to you`,
      explanation: `${SiteName(p)} works, but ${p.blockedBy === 'legal-notice' ? 'an answer came back saying it is not available for legal reasons (error 451)' : "your internet provider's address book leads to a block page instead of the site"}. Internet providers block sites when a law, a court or their own rules require it, and sites sometimes block whole countries. ${p.blockedBy === 'legal-notice' ? '' : 'A public address book leads to the site itself; whether to use one for this is your choice. '}Your provider can tell you why the site is blocked.`,
    }),
    'site-redirect-broken': (p) => ({
      title: `${SiteName(p)} sends your browser nowhere`,
      explanation: `When a page moves, the site tells the browser where it went, and the browser follows. Here ${p.redirectFailure === 'http.redirect-unresolved' ? 'the site sends the browser to a name that does not exist' : 'the site sends the browser round in a circle, and it never arrives at a page'}. ${NOT_YOUR_SIDE}`,
    }),
    'site-dns-broken': (p) => ({
      title: `${SiteName(p)}'s own address entry is broken`,
      explanation: `${ADDRESS_BOOK} Every address book, yours and the public ones, fails when asked for ${siteName(p)}, while they find other sites normally. The fault is in how the site's name is set up, which only its owners can repair; changing your address book would not help.`,
    }),
    'hosts-file-stale': (p) => ({
      title: `This computer has an old address for ${siteName(p)} written in its hosts file`,
      explanation: `${ADDRESS_BOOK} Before asking it, your computer reads a short list of its own, the "hosts file", where a name can be written down together with an address — and whatever is written there wins. For ${siteName(p)} that list says ${p.hostsAddress ?? 'an address'}, and the site does not work there, while the address the address books give works normally. Someone (or some program) wrote that line, perhaps long ago; removing it opens the site again.`,
    }),
    'proxy-unreachable': (p) => ({
      title: 'The proxy this computer is set to use is not working',
      explanation: `${PROXY_EN} This computer is set to send web pages through ${proxyEn(p)}, and that proxy does not answer, or cannot pass your request on — while ${siteName(p)} opens normally without it. ${WORK_PROXY_EN}`,
    }),
    'proxy-sign-in': (p) => ({
      title: 'The proxy this computer uses wants you to sign in',
      explanation: `${PROXY_EN} This computer sends web pages through ${proxyEn(p)}, and it asks for a user name and password before it lets anything through. Your browser should ask you for them; if you do not know them, ask whoever runs this network.`,
    }),
    'proxy-blocks-site': (p) => ({
      title: `The proxy this computer uses does not let ${siteName(p)} through`,
      explanation: `${PROXY_EN} This computer sends web pages through ${proxyEn(p)}, and that proxy refuses ${siteName(p)}, while the site opens normally without it. Whoever runs the proxy decides what it lets through. ${WORK_PROXY_EN}`,
    }),
    'clock-wrong': (p) => ({
      title: "Your computer's clock is wrong",
      explanation: `Before a secure page is shown, your computer checks the site's certificate — its ID card — and an ID card is only valid between two dates. This computer's clock ${clockOffEn(p)} compared with the servers on the internet, so the certificate of ${siteName(p)} looks expired or not yet valid, though it is fine. Setting the clock right fixes this, for every secure site.`,
    }),
  },
  fixes: {
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
    'try-another-network': (p) => ({
      title: 'Try from another network',
      explanation: `Open ${siteName(p)} over another connection, for example your phone's mobile data. If it opens there, the block is on this network's connection only.`,
    }),
    'remove-hosts-line': (p) => ({
      title: `Remove the old line for ${siteName(p)} from the hosts file`,
      explanation: `NetMend does not change this file itself; it takes a minute by hand. ${hostsStepsEn(p, siteName(p))}`,
    }),
    'check-proxy-settings': (p) => ({
      title: 'Switch off or correct the proxy setting',
      explanation: `NetMend does not change this setting itself. ${proxyStepsEn(p)}`,
    }),
    'set-clock': (p) => ({
      title: "Set your computer's clock right",
      explanation: `NetMend does not change the clock itself. ${clockStepsEn(p)}`,
    }),
  },
  findings: {
    'no-active-interface': () => 'No network connection is active: no Wi-Fi and no cable.',
    'no-default-gateway': () => 'The computer does not know which router leads to the internet.',
    'gateway-silent': () => 'Your router did not reply to any of our knocks.',
    'internet-unreachable': () => 'None of the well-known internet servers could be reached.',
    'web-ports-blocked': () => 'Connections to web servers are being blocked, while address lookups get through.',
    'captive-portal-detected': () => 'A test page was answered by something else (a sign-in page) instead of the real server.',
    'system-dns-via-local-stub': () => 'Your computer first asks a helper program on itself, which then asks your provider. That is normal.',
    'system-dns-unknown': () => 'Could not find out which address book your computer uses.',
    'system-dns-silent': () => "Your provider's address book did not answer at all.",
    'system-dns-servfail': () => "Your provider's address book answered, but only to say it failed.",
    'system-dns-refused': () => "Your provider's address book refused to answer.",
    'system-dns-slow': () => "Your provider's address book is slow to answer, which makes every site slower to open.",
    'system-dns-partly-silent': () => "One of your provider's address books does not answer; the other ones do, so lookups can be slow now and then.",
    'system-dns-misses-site': (p) => `Your provider's address book says ${siteName(p)} has no address, while public address books find it and the site works there.`,
    'public-dns-silent': () => 'Public address books (Google, Cloudflare, Quad9) could not be reached from this network.',
    'public-dns-disagrees': (p) => `Your provider's address book and public ones give different addresses for ${siteName(p)}.`,
    'system-dns-hijacks': () => "Your provider's address book gave an address for a name that does not exist.",
    'site-name-missing': (p) => `No address book knows the name ${siteName(p)}.`,
    'site-answers-differ': (p) => `${SiteName(p)} behaves differently depending on which of its addresses is used.`,
    'stale-address-proven': (p) => `The address your provider gives for ${siteName(p)} does not work, while the address public address books give does.`,
    'site-unreachable-at-address': (p) =>
      `${SiteName(p)} did not respond at ${p.count === undefined ? 'any of its addresses' : p.count === 1 ? 'its address' : `${p.count} of its addresses`}.`,
    'site-server-error': (p) => `${SiteName(p)} answered with ${p.status === undefined ? 'an error' : `error ${p.status}`}.`,
    'site-tls-failed': (p) => `The secure connection to ${siteName(p)} failed: ${FETCH_FAILURES_EN[p.tlsFailure ?? 'tls.failed']}.`,
    'site-error-source': (p) =>
      p.errorSource
        ? `The error was produced by ${p.errorSource}${p.errorSourceIsCdn ? ', the delivery service in front of the site' : ', the site’s front server'}.`
        : 'The error was produced by the site’s own servers.',
    'site-page-not-found': (p) =>
      `${SiteName(p)} answered, but said this page does not exist (error ${p.missingPageStatus ?? 404}). The site itself works; the page's address may be wrong, or the page was moved or removed.`,
    'site-redirected': (p) => `${SiteName(p)} sent the browser on to ${p.finalUrl ?? 'another page'}.`,
    'site-only-plain-http': (p) =>
      `${SiteName(p)} opens only without encryption (http): the secure way failed (${FETCH_FAILURES_EN[p.httpsFailure ?? 'tls.failed']}). Do not enter passwords there.`,
    'site-dns-failing': (p) => `Every address book fails when asked for ${siteName(p)}, while they answer for other names.`,
    'provider-block-page': (p) => `At the address your provider gives for ${siteName(p)}, a block page answers; at the address public address books give, the site itself does.`,
    'hosts-file-names-site': (p) => `This computer's hosts file names ${siteName(p)} (${p.hostsAddress ?? 'an address'}); the site works there.`,
    'hosts-file-address-fails': (p) => `This computer's hosts file sends ${siteName(p)} to ${p.hostsAddress ?? 'an address'}, and the site does not work there.`,
    'proxy-in-use': (p) => `This computer sends web pages through ${proxyEn(p)}.`,
    'proxy-failing': (p) => `${capitalized(proxyEn(p))} is the part that fails: ${siteName(p)} opens without it.`,
    'clock-off': (p) => `This computer's clock ${clockOffEn(p)} compared with the servers that answered.`,
  },
  checkTitles: {
    'net.interfaces': 'Network connection (Wi-Fi or cable)',
    'net.gateway': 'Your router',
    'net.internet': 'Internet connection',
    'dns.system': "Your provider's address book (DNS)",
    'dns.public': 'Public address books (DNS)',
    'dns.hijack': 'Honest answers from your address book',
    'portal.captive': 'Sign-in pages (hotel, café, airport Wi-Fi)',
    'site.dns': "Looking up the site's address",
    'site.http': 'The site itself',
    'site.hosts': "This computer's own list of addresses (hosts file)",
    'site.proxy': 'Go-between for web pages (proxy)',
    'net.clock': "Your computer's clock",
  },
  summaries: {
    'interfaces-up': ({ names }) => `Connected through ${names.join(', ')}`,
    'interfaces-none': () => 'No active connection',
    'gateway-answers': ({ address }) => `Router ${address} answers`,
    'gateway-silent': ({ address }) => `Router ${address} does not answer`,
    'gateway-missing': () => 'No router configured',
    'internet-reachable': ({ reached, total }) => `Reached ${reached} of ${total} internet servers`,
    'internet-unreachable': ({ total }) => `None of ${total} internet servers could be reached`,
    'resolvers-answer': ({ answered, total, fastestMs }) =>
      `${answered} of ${total} answered${fastestMs === undefined ? '' : `, fastest in ${Math.round(fastestMs)} ms`}`,
    'resolvers-fail': ({ total, how }) =>
      `${total === 1 ? 'It' : `All ${total}`} ${{ servfail: 'answered with a failure (SERVFAIL)', refused: 'refused to answer', silent: 'did not answer' }[how]}`,
    'resolvers-unknown': () => 'Could not find which address book this computer uses',
    'resolvers-slow': ({ latencyMs }) => `Answers, but slowly (${Math.round(latencyMs)} ms)`,
    'hijack-none': () => 'Made-up names are correctly reported as not existing',
    'hijack-found': ({ address }) => `A made-up name was answered with ${address}`,
    'hijack-unknown': () => 'Could not be tested (no answers)',
    'captive-clean': () => 'No sign-in page in the way',
    'captive-found': ({ host }) => `Redirected to ${host ?? 'another page'}`,
    'captive-unknown': () => 'Could not be tested',
    'site-found': ({ count }) => `Found ${count} address${count === 1 ? '' : 'es'}`,
    'site-name-missing': () => 'No address book knows this name',
    'site-different': () => "Your provider's answer differs from public ones",
    'site-not-resolved': () => 'No address found',
    'site-is-address': () => 'An address was given, nothing to look up',
    'site-answers': ({ status, ms }) => `Answered ${status} in ${ms} ms`,
    'site-mixed': ({ fetches }) => `Mixed: ${fetches.map(fetchAtAddressEn).join('; ')}`,
    'site-fails': ({ fetches }) => capitalized(fetches.map(fetchAtAddressEn).join('; ')),
    'hosts-not-listed': () => 'The site is not in it',
    'hosts-listed-works': ({ address }) => `Lists the site at ${address}, which works`,
    'hosts-listed-fails': ({ address }) => `Lists the site at ${address}, which does not work`,
    'hosts-unreadable': () => 'Could not be read',
    'proxy-none': () => 'None set: pages are fetched directly',
    'proxy-not-used': () => 'Set, but not used for this site',
    'proxy-pac-failed': () => 'The automatic proxy script could not be read or run',
    'proxy-works': ({ proxy }) => `Pages through ${proxy} work`,
    'proxy-fails': ({ proxy }) => `Pages through ${proxy} fail`,
    'clock-right': () => 'Agrees with the servers that answered',
    'clock-wrong': ({ minutes }) => `Off by ${Math.abs(minutes)} minutes compared with the servers that answered`,
    'clock-unknown': () => 'No server told its time',
    'skipped-no-network': () => 'Skipped: no network connection',
    'skipped-no-site': () => 'Skipped: no site given',
    'skipped-no-address': () => "Skipped: the site's address is unknown",
    'out-of-time': () => 'Not finished in time',
    crashed: () => 'Could not be run (an error in NetMend itself)',
  },
  fetchFailures: FETCH_FAILURES_EN,
  serverErrors: SERVER_ERRORS_EN,
}

function waitEn(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`
  if (seconds < 5400) return `about ${Math.round(seconds / 60)} minutes`
  return `about ${Math.round(seconds / 3600)} hours`
}

// ------------------------------------------------------------------------------------------------
// German

const websiteDe = (p: TextParams): string => p.site ?? 'die Website'
const WebsiteDe = (p: TextParams): string => p.site ?? 'Die Website'

const ADDRESS_BOOK_DE =
  'Computer finden Websites so, wie Sie eine Telefonnummer finden: Sie schlagen den Namen in einem Adressbuch nach, das DNS heißt. Ihr Internetanbieter betreibt eines für Sie.'

const NOT_YOUR_SIDE_DE = 'Nichts an Ihrem Computer oder in Ihrem Netzwerk kann das beheben – das liegt bei den Betreibern der Website.'

function errorPageOriginDe(p: TextParams): string {
  if (p.errorSource && p.errorSourceIsCdn) {
    return `Die Fehlerseite kam von ${p.errorSource}, einem Auslieferungsdienst, der vor ${websiteDe(p)} steht: Er hat Ihnen geantwortet, aber von den eigenen Computern der Website dahinter keine richtige Antwort bekommen.`
  }
  if (p.errorSource) return `Die Fehlerseite kam vom Eingangsserver der Website selbst (${p.errorSource}), der Anfragen an die Computer dahinter weiterreicht.`
  return 'Die Fehlerseite kam von den eigenen Servern der Website.'
}

const PROXY_DE =
  'Manche Computer holen Webseiten nicht selbst: Sie schicken jede Anfrage an einen Vermittler, einen sogenannten Proxy, der die Seite für sie holt. Firmen und Schulen richten oft einen ein.'
const WORK_PROXY_DE = 'Wenn dieser Computer Ihrer Firma oder Schule gehört, fragen Sie deren IT, bevor Sie etwas ändern.'
const proxyDe = (p: TextParams): string => (p.proxy ? `den Proxy ${p.proxy}` : 'einen Proxy')

const FETCH_FAILURES_DE: Record<HttpFailureCode, string> = {
  'http.timeout': 'keine Antwort',
  'http.refused': 'Verbindung abgelehnt',
  'http.unreachable': 'kein Weg dorthin',
  'http.reset': 'Verbindung abgebrochen',
  'http.aborted': 'gestoppt',
  'http.protocol': 'unverständliche Antwort',
  'tls.untrusted': 'Zertifikat nicht vertrauenswürdig',
  'tls.expired': 'Zertifikat abgelaufen oder noch nicht gültig',
  'tls.name-mismatch': 'Zertifikat für eine andere Website ausgestellt',
  'tls.failed': 'sichere Verbindung fehlgeschlagen',
  'http.redirect-loop': 'im Kreis weitergeleitet',
  'http.too-many-redirects': 'zu viele Weiterleitungen',
  'http.redirect-unresolved': 'weitergeleitet zu einem Namen, der sich nicht finden ließ',
}

const deliveryServiceDe = (p: TextParams): string => (p.errorSource && p.errorSourceIsCdn ? p.errorSource : 'der Auslieferungsdienst vor der Website')
const SERVER_ERRORS_DE: Record<ServerErrorStatus, (p: TextParams) => string> = {
  500: () => 'Der eigene Server der Website ist beim Erstellen dieser Seite auf einen Fehler gestoßen (500 Internal Server Error).',
  501: () => 'Der eigene Server der Website kann diese Art von Anfrage nicht beantworten (501 Not Implemented): eine Lücke in der Einrichtung der Website.',
  502: () => 'Der Eingangsserver der Website hat von den Computern dahinter keine brauchbare Antwort bekommen (502 Bad Gateway).',
  503: () => 'Die Website meldet, dass sie gerade niemanden bedienen kann: Sie ist überlastet oder wird gewartet (503 Service Unavailable).',
  504: () => 'Die Computer hinter dem Eingangsserver der Website haben zu lange für eine Antwort gebraucht (504 Gateway Timeout).',
  505: () => 'Der Server der Website lehnt die Art ab, wie Browser ihre Anfragen schreiben (505 HTTP Version Not Supported): ein Fehler in der Einrichtung der Website.',
  507: () => 'Dem Server der Website ist der Speicherplatz ausgegangen (507 Insufficient Storage).',
  508: () => 'Der Server der Website hat sich beim Erstellen der Seite im Kreis gedreht und aufgegeben (508 Loop Detected).',
  520: (p) => `${capitalized(deliveryServiceDe(p))} hat vom eigenen Server der Website eine leere oder unverständliche Antwort bekommen (520).`,
  521: (p) => `Der eigene Server der Website hat ${deliveryServiceDe(p).replace(/^der /, 'den ')} abgewiesen (521): Er ist ausgefallen oder sperrt den Auslieferungsdienst aus.`,
  522: (p) => `${capitalized(deliveryServiceDe(p))} hat nicht rechtzeitig eine Verbindung zum eigenen Server der Website bekommen (522): Dieser Server ist ausgefallen oder überlastet.`,
  523: (p) => `${capitalized(deliveryServiceDe(p))} findet keinen Weg zum eigenen Server der Website (523): Seine Adresse ist falsch oder sein Netzwerk ist ausgefallen.`,
  524: (p) => `Der eigene Server der Website hat die Anfrage angenommen, die Antwort aber nicht rechtzeitig für ${deliveryServiceDe(p).replace(/^der /, 'den ')} fertiggestellt (524).`,
  525: (p) => `Die sichere Verbindung zwischen ${deliveryServiceDe(p).replace(/^der /, 'dem ')} und dem eigenen Server der Website ist fehlgeschlagen (525).`,
  526: (p) => `Der eigene Server der Website hat ${deliveryServiceDe(p).replace(/^der /, 'dem ')} ein ungültiges Zertifikat gezeigt (526).`,
  527: (p) => `Die Verbindung zwischen ${deliveryServiceDe(p).replace(/^der /, 'dem ')} und dem eigenen Server der Website ist abgerissen (527).`,
  530: (p) => `${capitalized(deliveryServiceDe(p))} konnte den eigenen Server der Website nicht erreichen, meist weil die Website dort falsch eingerichtet ist (530).`,
}

const fetchAtAddressDe = (fetch: FetchSummary): string =>
  'status' in fetch
    ? answerWorks(fetch)
      ? `funktioniert unter ${fetch.address} (${fetch.status})`
      : `Fehler ${fetch.status} unter ${fetch.address}`
    : `${FETCH_FAILURES_DE[fetch.failure]} unter ${fetch.address}`

const de = {
  verdicts: {
    ok: (p) => ({
      title: p.site ? (p.missingPageStatus ? `${websiteDe(p)} antwortet, aber nicht mit dieser Seite` : `${websiteDe(p)} funktioniert von hier aus`) : 'Ihre Verbindung funktioniert',
      explanation: p.site
        ? p.missingPageStatus
          ? `Ihr Netzwerk, Ihre Internetverbindung und das Nachschlagen von Adressen funktionieren, und ${websiteDe(p)} hat geantwortet – aber mit der Meldung, dass es die gewünschte Seite nicht gibt (Fehler ${p.missingPageStatus}). Prüfen Sie die Adresse der Seite oder beginnen Sie auf der Startseite der Website; wenn ein Link Sie hierher gebracht hat, wurde die Seite vielleicht verschoben oder entfernt.`
          : `Ihr Netzwerk, Ihre Internetverbindung und das Nachschlagen von Adressen funktionieren, und ${websiteDe(p)} hat ganz normal geantwortet. Wenn es in Ihrem Browser trotzdem nicht klappt, hält der Browser vielleicht noch alte Daten fest.`
        : 'Ihr Netzwerk, Ihre Internetverbindung und das Nachschlagen von Adressen funktionieren.',
    }),
    'no-network': () => ({
      title: 'Sie sind mit keinem Netzwerk verbunden',
      explanation: 'Dieser Computer hat gerade keine funktionierende WLAN- oder Kabelverbindung. Prüfen Sie, ob das WLAN eingeschaltet und verbunden ist oder ob das Netzwerkkabel steckt.',
    }),
    'gateway-unreachable': () => ({
      title: 'Ihr Router antwortet nicht',
      explanation: 'Ihr Computer ist verbunden, aber der Router (das Gerät, das Ihre Wohnung oder Ihr Büro mit dem Internet verbindet) meldet sich nicht. Meist hilft es, den Router neu zu starten.',
    }),
    'no-internet': () => ({
      title: 'Ihr Router antwortet, das Internet aber nicht',
      explanation: 'Ihr Computer erreicht Ihren Router, aber nichts dahinter. Das Problem liegt zwischen Ihrem Router und Ihrem Internetanbieter: am Modem, an der Leitung oder beim Anbieter selbst.',
    }),
    'captive-portal': () => ({
      title: 'Dieses Netzwerk möchte, dass Sie sich zuerst anmelden',
      explanation: 'Netzwerke in Hotels, Cafés, Flughäfen und Zügen geben das Internet oft erst frei, wenn Sie auf einer Anmeldeseite den Bedingungen zustimmen. Öffnen Sie eine beliebige Website in Ihrem Browser, damit diese Seite erscheint.',
    }),
    'firewall-blocked': () => ({
      title: 'Dieses Netzwerk sperrt Websites',
      explanation: 'Adressen lassen sich nachschlagen, aber Verbindungen zu Websites werden unterbunden. Eine Firewall – in diesem Netzwerk oder ein Sicherheitsprogramm auf diesem Computer – blockiert den Zugriff auf Websites.',
    }),
    'dns-blocked': () => ({
      title: 'Das Adressbuch Ihres Anbieters ist ausgefallen, und andere sind gesperrt',
      explanation: `${ADDRESS_BOOK_DE} Das Ihres Anbieters antwortet nicht, und dieses Netzwerk hindert Ihren Computer außerdem daran, ein anderes Adressbuch zu fragen. Das können nur der Betreiber des Netzwerks oder Ihr Internetanbieter beheben.`,
    }),
    'dns-system-failing': () => ({
      title: 'Das Adressbuch Ihres Internetanbieters funktioniert nicht',
      explanation: `${ADDRESS_BOOK_DE} Das Ihres Anbieters versagt, während öffentliche Adressbücher normal antworten. Ein Wechsel zu einem öffentlichen Adressbuch behebt das, und Sie können jederzeit zurückwechseln.`,
    }),
    'dns-stale': (p) => ({
      title: `Das Adressbuch Ihres Anbieters hat eine veraltete Adresse für ${websiteDe(p)}`,
      explanation: `${ADDRESS_BOOK_DE} Das Ihres Anbieters verweist noch dorthin, wo ${websiteDe(p)} früher war, und dieser alte Ort funktioniert nicht mehr; öffentliche Adressbücher kennen die neue Adresse, und dort funktioniert die Website. Das passiert oft kurz nach dem Umzug einer Website.`,
    }),
    'dns-system-missing-site': (p) => ({
      title: `Laut dem Adressbuch Ihres Anbieters gibt es ${websiteDe(p)} nicht – dabei gibt es sie`,
      explanation: `${ADDRESS_BOOK_DE} Das Ihres Anbieters antwortet, dass es keine solche Website gibt, während öffentliche Adressbücher ${websiteDe(p)} finden und die Website dort normal öffnet. Entweder sperrt Ihr Anbieter diese Website absichtlich, oder sein Adressbuch erinnert sich an eine alte Antwort „diesen Namen gibt es nicht“. Ein Wechsel zu einem öffentlichen Adressbuch öffnet die Website meist wieder, und Sie können jederzeit zurückwechseln.`,
    }),
    'dns-hijack': () => ({
      title: 'Das Adressbuch Ihres Anbieters erfindet Antworten',
      explanation: `${ADDRESS_BOOK_DE} Fragt man es nach einem Namen, den es gar nicht gibt, antwortet das Ihres Anbieters trotzdem (meist, um Ihnen eine eigene Such- oder Werbeseite zu zeigen). Das kann Apps stören und Tippfehler verdecken. Ein öffentliches Adressbuch antwortet ehrlich.`,
    }),
    'site-nxdomain': (p) => ({
      title: `${WebsiteDe(p)} gibt es nicht`,
      explanation: `Kein Adressbuch kennt den Namen ${websiteDe(p)}. Prüfen Sie die Schreibweise. Wenn sie stimmt, ist der Name der Website vielleicht abgelaufen oder gelöscht worden; das können nur ihre Betreiber ändern.`,
    }),
    'site-unreachable': (p) => ({
      title: `${WebsiteDe(p)} antwortet nicht`,
      explanation: `Ihr Internet funktioniert und die Adresse der Website wurde gefunden, aber die Computer der Website reagieren nicht. Die Website ist wahrscheinlich ausgefallen. ${NOT_YOUR_SIDE_DE}`,
    }),
    'site-bad-gateway': (p) => ({
      title: `${WebsiteDe(p)} hat ein Problem bei sich (502 Bad Gateway)`,
      explanation: `Große Websites haben eine Eingangstür, die Ihre Anfrage annimmt und an die Computer weitergibt, die die Seite erstellen. Hier hat die Eingangstür geantwortet, die Computer dahinter aber nicht. ${errorPageOriginDe(p)} ${NOT_YOUR_SIDE_DE}`,
    }),
    'site-unavailable': (p) => ({
      title: `${WebsiteDe(p)} ist vorübergehend nicht verfügbar (503)`,
      explanation: `Die Website hat geantwortet, dass sie gerade niemanden bedienen kann – sie ist überlastet oder wird gewartet. ${errorPageOriginDe(p)} ${NOT_YOUR_SIDE_DE}`,
    }),
    'site-gateway-timeout': (p) => ({
      title: `${WebsiteDe(p)} antwortet zu langsam (504 Gateway Timeout)`,
      explanation: `Die Eingangstür der Website hat Ihre Anfrage angenommen, aber die Computer dahinter haben zu lange für eine Antwort gebraucht, deshalb hat sie aufgegeben. ${errorPageOriginDe(p)} ${NOT_YOUR_SIDE_DE}`,
    }),
    'site-error': (p) => ({
      title: `${WebsiteDe(p)} hat einen Fehler bei sich (${p.status ?? 'Serverfehler'})`,
      explanation: `${isKnownServerError(p.status) ? SERVER_ERRORS_DE[p.status](p) : 'Die Website hat mit einem eigenen Fehler geantwortet.'} ${errorPageOriginDe(p)} ${NOT_YOUR_SIDE_DE}`,
    }),
    'tls-error': (p) => ({
      title: `Das Sicherheitszertifikat von ${websiteDe(p)} ist ungültig`,
      explanation: `Bevor eine sichere Seite angezeigt wird, prüft Ihr Computer das Zertifikat der Website – ihren Ausweis. Dieses hat die Prüfung nicht bestanden (${FETCH_FAILURES_DE[p.tlsFailure ?? 'tls.untrusted']}). Wenn Datum und Uhrzeit Ihres Computers stimmen, hat die Website ein Problem mit ihrem Zertifikat; geben Sie dort keine Passwörter oder Kartennummern ein, bis es behoben ist.`,
    }),
    inconclusive: () => ({
      title: 'Die Prüfungen konnten nicht abgeschlossen werden',
      explanation: 'Einige Prüfungen haben nicht rechtzeitig eine Antwort bekommen, deshalb gibt es kein klares Ergebnis. Versuchen Sie es gleich noch einmal.',
    }),    'site-firewall-blocked': (p) => ({
      title: `Der Sicherheitsdienst von ${websiteDe(p)} sperrt Sie aus`,
      explanation: `Viele Websites stehen hinter einem Sicherheitsdienst, der Verbindungen abweist, die ihm verdächtig vorkommen. ${p.firewall ?? `Der Dienst vor ${websiteDe(p)}`} hat diese Verbindung abgewiesen: Ihr Netzwerk funktioniert und die Website läuft, aber sie lässt diese Verbindung nicht herein. Das trifft manchmal ein ganzes Netzwerk oder geteilte und VPN-Verbindungen. Sagen Sie der Website Bescheid, was passiert ist, oder versuchen Sie es über ein anderes Netzwerk (zum Beispiel die mobilen Daten Ihres Handys).`,
    }),
    'site-rate-limited': (p) => ({
      title: `${WebsiteDe(p)} bittet Sie, langsamer zu machen`,
      explanation: `${WebsiteDe(p)} begrenzt, wie oft Seiten abgerufen werden dürfen, und diese Verbindung hat die Grenze erreicht (Fehler 429). ${p.retryAfterSeconds !== undefined ? `Sie bittet, ${waitDe(p.retryAfterSeconds)} zu warten, bevor Sie es erneut versuchen.` : 'Meist ist die Sperre nach ein paar Minuten Warten vorbei.'} Auf Ihrer Seite ist nichts kaputt.`,
    }),
    'provider-blocks-site': (p) => ({
      title: `${WebsiteDe(p)} wird auf dem Weg zu Ihnen gesperrt`,
      explanation: `${WebsiteDe(p)} funktioniert, aber ${p.blockedBy === 'legal-notice' ? 'es kam die Antwort, dass sie aus rechtlichen Gründen nicht verfügbar ist (Fehler 451)' : 'das Adressbuch Ihres Internetanbieters führt zu einer Sperrseite statt zur Website'}. Internetanbieter sperren Websites, wenn ein Gesetz, ein Gericht oder ihre eigenen Regeln es verlangen, und Websites sperren manchmal ganze Länder aus. ${p.blockedBy === 'legal-notice' ? '' : 'Ein öffentliches Adressbuch führt zur Website selbst; ob Sie dafür eines verwenden, entscheiden Sie. '}Ihr Anbieter kann Ihnen sagen, warum die Website gesperrt ist.`,
    }),
    'site-redirect-broken': (p) => ({
      title: `${WebsiteDe(p)} schickt Ihren Browser ins Leere`,
      explanation: `Wenn eine Seite umzieht, sagt die Website dem Browser, wohin, und der Browser folgt. Hier ${p.redirectFailure === 'http.redirect-unresolved' ? 'schickt die Website den Browser zu einem Namen, den es nicht gibt' : 'schickt die Website den Browser im Kreis, und er kommt nie bei einer Seite an'}. ${NOT_YOUR_SIDE_DE}`,
    }),
    'site-dns-broken': (p) => ({
      title: `Der Adresseintrag von ${websiteDe(p)} ist kaputt`,
      explanation: `${ADDRESS_BOOK_DE} Jedes Adressbuch, Ihres und die öffentlichen, scheitert an ${websiteDe(p)}, während es andere Websites normal findet. Der Fehler liegt darin, wie der Name der Website eingerichtet ist, und nur ihre Betreiber können ihn beheben; ein anderes Adressbuch würde nicht helfen.`,
    }),
    'hosts-file-stale': (p) => ({
      title: `In der Hosts-Datei dieses Computers steht eine alte Adresse für ${websiteDe(p)}`,
      explanation: `${ADDRESS_BOOK_DE} Bevor er dort nachfragt, liest Ihr Computer eine kurze eigene Liste, die „Hosts-Datei“, in der ein Name mit einer Adresse eingetragen sein kann – und was dort steht, hat Vorrang. Für ${websiteDe(p)} steht dort ${p.hostsAddress ?? 'eine Adresse'}, und dort funktioniert die Website nicht, während sie unter der Adresse aus den Adressbüchern normal funktioniert. Jemand (oder ein Programm) hat diese Zeile eingetragen, vielleicht vor langer Zeit; wenn Sie sie entfernen, öffnet sich die Website wieder.`,
    }),
    'proxy-unreachable': (p) => ({
      title: 'Der Proxy, den dieser Computer verwenden soll, funktioniert nicht',
      explanation: `${PROXY_DE} Dieser Computer ist so eingestellt, dass er Webseiten über ${proxyDe(p)} holt, und dieser Proxy antwortet nicht oder kann Ihre Anfrage nicht weitergeben – während ${websiteDe(p)} ohne ihn normal funktioniert. ${WORK_PROXY_DE}`,
    }),
    'proxy-sign-in': (p) => ({
      title: 'Der Proxy dieses Computers verlangt eine Anmeldung',
      explanation: `${PROXY_DE} Dieser Computer holt Webseiten über ${proxyDe(p)}, und dieser verlangt einen Benutzernamen und ein Passwort, bevor er etwas durchlässt. Ihr Browser sollte Sie danach fragen; wenn Sie die Angaben nicht kennen, fragen Sie, wer dieses Netzwerk betreut.`,
    }),
    'proxy-blocks-site': (p) => ({
      title: `Der Proxy dieses Computers lässt ${websiteDe(p)} nicht durch`,
      explanation: `${PROXY_DE} Dieser Computer holt Webseiten über ${proxyDe(p)}, und dieser Proxy weist ${websiteDe(p)} ab, während die Website ohne ihn normal funktioniert. Was der Proxy durchlässt, entscheidet, wer ihn betreibt. ${WORK_PROXY_DE}`,
    }),
    'clock-wrong': (p) => ({
      title: 'Die Uhr Ihres Computers geht falsch',
      explanation: `Bevor eine sichere Seite angezeigt wird, prüft Ihr Computer das Zertifikat der Website – ihren Ausweis –, und ein Ausweis gilt nur zwischen zwei Daten. Die Uhr dieses Computers ${clockOffDe(p)}, verglichen mit den Servern im Internet; deshalb wirkt das Zertifikat von ${websiteDe(p)} abgelaufen oder noch nicht gültig, obwohl es in Ordnung ist. Wenn Sie die Uhr richtig stellen, ist das behoben – für alle sicheren Websites.`,
    }),
  },
  fixes: {
    retry: () => ({ title: 'Erneut prüfen', explanation: 'Alle Prüfungen noch einmal ausführen – sinnvoll, nachdem Sie etwas geändert oder kurz gewartet haben.' }),
    'watch-site': (p) => ({
      title: 'Bescheid geben, sobald es wieder geht',
      explanation: `${WebsiteDe(p)} jede Minute prüfen und Ihnen Bescheid geben, sobald es wieder funktioniert.`,
    }),
    'flush-dns-cache': () => ({
      title: 'Gemerkte Adressen vergessen',
      explanation: 'Ihr Computer merkt sich Adressen, die er schon einmal nachgeschlagen hat. Wird dieser Speicher geleert, fragt er neu nach, und eine alte, falsche Adresse wird nicht wieder benutzt.',
    }),
    'switch-dns': () => ({
      title: 'Ein öffentliches Adressbuch verwenden',
      explanation: 'Diesen Computer Adressen bei einem zuverlässigen öffentlichen Dienst (Google, Cloudflare oder Quad9) nachschlagen lassen statt bei Ihrem Anbieter. Ihre jetzigen Einstellungen werden gesichert, und Sie können mit einem Klick zurückwechseln.',
    }),
    'revert-dns': () => ({
      title: 'Zurück zu meinen vorherigen Einstellungen',
      explanation: 'Die Änderung am Adressbuch, die NetMend vorgenommen hat, rückgängig machen und genau das wiederherstellen, was Sie vorher hatten.',
    }),
    'new-browser-session': () => ({
      title: 'Ein frisches Browserfenster öffnen',
      explanation: 'Schließen Sie den Browser ganz und öffnen Sie ihn wieder, oder nutzen Sie ein privates Fenster. Dabei vergisst der Browser alles, woran er festgehalten hat.',
    }),
    'clear-site-data': (p) => ({
      title: `Gespeicherte Daten von ${websiteDe(p)} im Browser löschen`,
      explanation: 'Entfernen Sie in den Einstellungen Ihres Browsers die gespeicherten Dateien und Cookies dieser einen Website. Eventuell müssen Sie sich dort danach neu anmelden.',
    }),
    'restart-router': () => ({
      title: 'Router und Modem neu starten',
      explanation: 'Ziehen Sie den Stecker des Routers (und des Modems, falls es ein eigenes Gerät ist), warten Sie 30 Sekunden, stecken Sie zuerst das Modem wieder ein, dann den Router. Warten Sie zwei Minuten, bevor Sie erneut prüfen.',
    }),
    'contact-site-admin': (p) => ({
      title: `Den Betreibern von ${websiteDe(p)} Bescheid geben`,
      explanation: 'Schicken Sie der Website einen kurzen Bericht über das, was NetMend gesehen hat (den Fehler, wer geantwortet hat und wann). Dann wissen die Betreiber genau, wo sie suchen müssen.',
    }),
    'contact-isp': () => ({
      title: 'Ihren Internetanbieter kontaktieren (oder wer sonst dieses Netzwerk betreibt)',
      explanation: 'Geben Sie den Bericht weiter, den NetMend vorbereitet: welcher Teil ausgefallen ist und wann. Das erspart ein langes Telefonat.',
    }),    'try-another-network': (p) => ({
      title: 'Über ein anderes Netzwerk versuchen',
      explanation: `Öffnen Sie ${websiteDe(p)} über eine andere Verbindung, zum Beispiel die mobilen Daten Ihres Handys. Klappt es dort, gilt die Sperre nur für die Verbindung dieses Netzwerks.`,
    }),
    'remove-hosts-line': (p) => ({
      title: `Die alte Zeile für ${websiteDe(p)} aus der Hosts-Datei entfernen`,
      explanation: `NetMend ändert diese Datei nicht selbst; von Hand dauert es eine Minute. ${hostsStepsDe(p, websiteDe(p))}`,
    }),
    'check-proxy-settings': (p) => ({
      title: 'Die Proxy-Einstellung ausschalten oder korrigieren',
      explanation: `NetMend ändert diese Einstellung nicht selbst. ${proxyStepsDe(p)}`,
    }),
    'set-clock': (p) => ({
      title: 'Die Uhr Ihres Computers richtig stellen',
      explanation: `NetMend stellt die Uhr nicht selbst. ${clockStepsDe(p)}`,
    }),
  },
  findings: {
    'no-active-interface': () => 'Keine Netzwerkverbindung ist aktiv: kein WLAN und kein Kabel.',
    'no-default-gateway': () => 'Der Computer weiß nicht, welcher Router ins Internet führt.',
    'gateway-silent': () => 'Ihr Router hat auf keines unserer Anklopfen geantwortet.',
    'internet-unreachable': () => 'Keiner der bekannten Internet-Server war erreichbar.',
    'web-ports-blocked': () => 'Verbindungen zu Webservern werden blockiert, während das Nachschlagen von Adressen durchkommt.',
    'captive-portal-detected': () => 'Eine Testseite wurde von etwas anderem beantwortet (einer Anmeldeseite) statt vom echten Server.',
    'system-dns-via-local-stub': () => 'Ihr Computer fragt zuerst ein Hilfsprogramm auf sich selbst, das dann Ihren Anbieter fragt. Das ist normal.',
    'system-dns-unknown': () => 'Es ließ sich nicht herausfinden, welches Adressbuch Ihr Computer verwendet.',
    'system-dns-silent': () => 'Das Adressbuch Ihres Anbieters hat überhaupt nicht geantwortet.',
    'system-dns-servfail': () => 'Das Adressbuch Ihres Anbieters hat geantwortet, aber nur, um ein Versagen zu melden.',
    'system-dns-refused': () => 'Das Adressbuch Ihres Anbieters hat die Antwort verweigert.',
    'system-dns-slow': () => 'Das Adressbuch Ihres Anbieters antwortet langsam, dadurch öffnet sich jede Website langsamer.',
    'system-dns-partly-silent': () => 'Eines der Adressbücher Ihres Anbieters antwortet nicht, die anderen schon – deshalb kann das Nachschlagen ab und zu dauern.',
    'system-dns-misses-site': (p) => `Laut dem Adressbuch Ihres Anbieters hat ${websiteDe(p)} keine Adresse, während öffentliche Adressbücher sie finden und die Website dort funktioniert.`,
    'public-dns-silent': () => 'Öffentliche Adressbücher (Google, Cloudflare, Quad9) waren von diesem Netzwerk aus nicht erreichbar.',
    'public-dns-disagrees': (p) => `Das Adressbuch Ihres Anbieters und öffentliche Adressbücher nennen unterschiedliche Adressen für ${websiteDe(p)}.`,
    'system-dns-hijacks': () => 'Das Adressbuch Ihres Anbieters hat eine Adresse für einen Namen geliefert, den es nicht gibt.',
    'site-name-missing': (p) => `Kein Adressbuch kennt den Namen ${websiteDe(p)}.`,
    'site-answers-differ': (p) => `${WebsiteDe(p)} verhält sich unterschiedlich, je nachdem, welche Adresse benutzt wird.`,
    'stale-address-proven': (p) => `Die Adresse, die Ihr Anbieter für ${websiteDe(p)} angibt, funktioniert nicht, die aus öffentlichen Adressbüchern dagegen schon.`,
    'site-unreachable-at-address': (p) =>
      p.count === undefined
        ? `${WebsiteDe(p)} hat unter keiner der gefundenen Adressen reagiert.`
        : p.count === 1
          ? `${WebsiteDe(p)} hat unter der gefundenen Adresse nicht reagiert.`
          : `${WebsiteDe(p)} hat unter ${p.count} der gefundenen Adressen nicht reagiert.`,
    'site-server-error': (p) => `${WebsiteDe(p)} hat mit ${p.status === undefined ? 'einem Fehler' : `Fehler ${p.status}`} geantwortet.`,
    'site-tls-failed': (p) => `Die sichere Verbindung zu ${websiteDe(p)} ist fehlgeschlagen: ${FETCH_FAILURES_DE[p.tlsFailure ?? 'tls.failed']}.`,
    'site-error-source': (p) =>
      p.errorSource
        ? `Der Fehler kam von ${p.errorSource}${p.errorSourceIsCdn ? ', dem Auslieferungsdienst vor der Website' : ', dem Eingangsserver der Website'}.`
        : 'Der Fehler kam von den eigenen Servern der Website.',
    'site-page-not-found': (p) =>
      `${WebsiteDe(p)} hat geantwortet, meldet aber, dass es diese Seite nicht gibt (Fehler ${p.missingPageStatus ?? 404}). Die Website selbst funktioniert; die Adresse der Seite ist vielleicht falsch, oder die Seite wurde verschoben oder entfernt.`,
    'site-redirected': (p) => `${WebsiteDe(p)} hat den Browser weitergeschickt zu ${p.finalUrl ?? 'einer anderen Seite'}.`,
    'site-only-plain-http': (p) =>
      `${WebsiteDe(p)} öffnet sich nur unverschlüsselt (http): Der sichere Weg ist gescheitert (${FETCH_FAILURES_DE[p.httpsFailure ?? 'tls.failed']}). Geben Sie dort keine Passwörter ein.`,
    'site-dns-failing': (p) => `Jedes Adressbuch scheitert an ${websiteDe(p)}, während es andere Namen beantwortet.`,
    'provider-block-page': (p) => `Unter der Adresse, die Ihr Anbieter für ${websiteDe(p)} angibt, antwortet eine Sperrseite; unter der Adresse aus öffentlichen Adressbüchern die Website selbst.`,
    'hosts-file-names-site': (p) => `Die Hosts-Datei dieses Computers nennt ${websiteDe(p)} (${p.hostsAddress ?? 'eine Adresse'}); dort funktioniert die Website.`,
    'hosts-file-address-fails': (p) => `Die Hosts-Datei dieses Computers schickt ${websiteDe(p)} zu ${p.hostsAddress ?? 'einer Adresse'}, und dort funktioniert die Website nicht.`,
    'proxy-in-use': (p) => `Dieser Computer holt Webseiten über ${proxyDe(p)}.`,
    'proxy-failing': (p) => `Der Proxy${p.proxy ? ` ${p.proxy}` : ''} ist der Teil, der versagt: ${websiteDe(p)} funktioniert ohne ihn.`,
    'clock-off': (p) => `Die Uhr dieses Computers ${clockOffDe(p)}, verglichen mit den Servern, die geantwortet haben.`,
  },
  checkTitles: {
    'net.interfaces': 'Netzwerkverbindung (WLAN oder Kabel)',
    'net.gateway': 'Ihr Router',
    'net.internet': 'Internetverbindung',
    'dns.system': 'Das Adressbuch Ihres Anbieters (DNS)',
    'dns.public': 'Öffentliche Adressbücher (DNS)',
    'dns.hijack': 'Ehrliche Antworten Ihres Adressbuchs',
    'portal.captive': 'Anmeldeseiten (Hotel, Café, WLAN am Flughafen)',
    'site.dns': 'Die Adresse der Website nachschlagen',
    'site.http': 'Die Website selbst',
    'site.hosts': 'Die eigene Adressliste dieses Computers (Hosts-Datei)',
    'site.proxy': 'Vermittler für Webseiten (Proxy)',
    'net.clock': 'Die Uhr Ihres Computers',
  },
  summaries: {
    'interfaces-up': ({ names }) => `Verbunden über ${names.join(', ')}`,
    'interfaces-none': () => 'Keine aktive Verbindung',
    'gateway-answers': ({ address }) => `Router ${address} antwortet`,
    'gateway-silent': ({ address }) => `Router ${address} antwortet nicht`,
    'gateway-missing': () => 'Kein Router eingerichtet',
    'internet-reachable': ({ reached, total }) => `${reached} von ${total} Internet-Servern erreicht`,
    'internet-unreachable': ({ total }) => `Keiner der ${total} Internet-Server war erreichbar`,
    'resolvers-answer': ({ answered, total, fastestMs }) =>
      `${answered} von ${total} ${answered === 1 ? 'hat' : 'haben'} geantwortet${fastestMs === undefined ? '' : `, am schnellsten in ${Math.round(fastestMs)} ms`}`,
    'resolvers-fail': ({ total, how }) =>
      total === 1
        ? `Es ${{ servfail: 'meldete einen Fehler (SERVFAIL)', refused: 'verweigerte die Antwort', silent: 'antwortete nicht' }[how]}`
        : `Alle ${total} ${{ servfail: 'meldeten einen Fehler (SERVFAIL)', refused: 'verweigerten die Antwort', silent: 'antworteten nicht' }[how]}`,
    'resolvers-unknown': () => 'Es ließ sich nicht herausfinden, welches Adressbuch dieser Computer verwendet',
    'resolvers-slow': ({ latencyMs }) => `Antwortet, aber langsam (${Math.round(latencyMs)} ms)`,
    'hijack-none': () => 'Erfundene Namen werden korrekt als nicht vorhanden gemeldet',
    'hijack-found': ({ address }) => `Ein erfundener Name wurde mit ${address} beantwortet`,
    'hijack-unknown': () => 'Ließ sich nicht prüfen (keine Antworten)',
    'captive-clean': () => 'Keine Anmeldeseite im Weg',
    'captive-found': ({ host }) => (host ? `Umgeleitet zu ${host}` : 'Umgeleitet zu einer anderen Seite'),
    'captive-unknown': () => 'Ließ sich nicht prüfen',
    'site-found': ({ count }) => (count === 1 ? '1 Adresse gefunden' : `${count} Adressen gefunden`),
    'site-name-missing': () => 'Kein Adressbuch kennt diesen Namen',
    'site-different': () => 'Die Antwort Ihres Anbieters weicht von den öffentlichen ab',
    'site-not-resolved': () => 'Keine Adresse gefunden',
    'site-is-address': () => 'Eine Adresse wurde angegeben, es gibt nichts nachzuschlagen',
    'site-answers': ({ status, ms }) => `Antwort ${status} in ${ms} ms`,
    'site-mixed': ({ fetches }) => `Gemischt: ${fetches.map(fetchAtAddressDe).join('; ')}`,
    'site-fails': ({ fetches }) => capitalized(fetches.map(fetchAtAddressDe).join('; ')),
    'hosts-not-listed': () => 'Die Website steht nicht darin',
    'hosts-listed-works': ({ address }) => `Nennt die Website unter ${address}, dort funktioniert sie`,
    'hosts-listed-fails': ({ address }) => `Nennt die Website unter ${address}, dort funktioniert sie nicht`,
    'hosts-unreadable': () => 'Konnte nicht gelesen werden',
    'proxy-none': () => 'Keiner eingestellt: Seiten werden direkt geholt',
    'proxy-not-used': () => 'Eingestellt, aber für diese Website nicht verwendet',
    'proxy-pac-failed': () => 'Das automatische Proxy-Skript ließ sich nicht laden oder ausführen',
    'proxy-works': ({ proxy }) => `Seiten über ${proxy} funktionieren`,
    'proxy-fails': ({ proxy }) => `Seiten über ${proxy} schlagen fehl`,
    'clock-right': () => 'Stimmt mit den Servern überein, die geantwortet haben',
    'clock-wrong': ({ minutes }) => `Weicht um ${Math.abs(minutes)} Minuten von den Servern ab, die geantwortet haben`,
    'clock-unknown': () => 'Kein Server hat seine Uhrzeit genannt',
    'skipped-no-network': () => 'Übersprungen: keine Netzwerkverbindung',
    'skipped-no-site': () => 'Übersprungen: keine Website angegeben',
    'skipped-no-address': () => 'Übersprungen: die Adresse der Website ist unbekannt',
    'out-of-time': () => 'Nicht rechtzeitig fertig geworden',
    crashed: () => 'Konnte nicht ausgeführt werden (ein Fehler in NetMend selbst)',
  },
  fetchFailures: FETCH_FAILURES_DE,
  serverErrors: SERVER_ERRORS_DE,
} satisfies DiagnosisTexts

function waitDe(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? 'eine Sekunde' : `${seconds} Sekunden`
  if (seconds < 5400) return `etwa ${Math.round(seconds / 60)} Minuten`
  return `etwa ${Math.round(seconds / 3600)} Stunden`
}

function capitalized(text: string): string {
  return text.replace(/^./, (first) => first.toUpperCase())
}

export const DIAGNOSIS_TEXTS: InEveryLanguage<DiagnosisTexts> = { en, de }

/** A diagnosis told in words: what the CLI prints, the window shows and the reports quote. */
export const describeVerdict = (report: DiagnosisReport, texts: DiagnosisTexts): Told => texts.verdicts[report.verdict.code](report.params)
export const describeFix = (fix: FixReport, report: DiagnosisReport, texts: DiagnosisTexts): Told => texts.fixes[fix.id](report.params)
export const describeFinding = (finding: FindingReport, report: DiagnosisReport, texts: DiagnosisTexts): string => texts.findings[finding.code](report.params)
export const describeCheckSummary = (summary: CheckSummary, texts: DiagnosisTexts): string => sayByCode(texts.summaries, summary)
