// Every code has words in every language, and the words are really translated. The types already refuse a
// missing text; this walks them all to catch what types cannot: an empty sentence, a hole where a
// particular should be ("undefined", "NaN"), or a German text left in English.
import { describe, expect, it } from 'vitest'
import { cliTexts } from '../../../src/main/cli/texts'
import { shellTexts } from '../../../src/main/electron/texts'
import { rendererTexts } from '../../../src/renderer/src/texts'
import { HELP_TEXTS } from '../../../src/renderer/src/texts/help'
import { CHECK_IDS, FINDING_CODES, FIX_IDS, VERDICT_CODES, type CheckSummary, type CheckSummaryCode, type TextParams } from '../../../src/shared/diagnosis'
import type { DnsOutcome } from '../../../src/shared/dns-outcome'
import { DNS_SETTINGS_ERROR_CODES, INPUT_ERROR_CODES } from '../../../src/shared/errors'
import { LANGUAGES, type Language } from '../../../src/shared/language'
import { DIAGNOSIS_TEXTS } from '../../../src/shared/texts/diagnosis'
import { DNS_SETTINGS_TEXTS } from '../../../src/shared/texts/dns-settings'
import { INPUT_ERROR_TEXTS } from '../../../src/shared/texts/input-errors'
import { REPORT_TEXTS } from '../../../src/shared/texts/reports'
import { sayByCode } from '../../../src/shared/texts/shape'
import { WATCH_TEXTS } from '../../../src/shared/texts/watch'

// Typed by code: a new summary or outcome code without a sample here does not compile either.
const SUMMARIES: { [C in CheckSummaryCode]: Extract<CheckSummary, { code: C }> } = {
  'interfaces-up': { code: 'interfaces-up', names: ['eth0', 'wlan0'] },
  'interfaces-none': { code: 'interfaces-none' },
  'gateway-answers': { code: 'gateway-answers', address: '192.0.2.1' },
  'gateway-silent': { code: 'gateway-silent', address: '192.0.2.1' },
  'gateway-missing': { code: 'gateway-missing' },
  'internet-reachable': { code: 'internet-reachable', reached: 2, total: 3 },
  'internet-unreachable': { code: 'internet-unreachable', total: 3 },
  'resolvers-answer': { code: 'resolvers-answer', answered: 1, total: 2, fastestMs: 12.4 },
  'resolvers-fail': { code: 'resolvers-fail', total: 2, how: 'servfail' },
  'resolvers-slow': { code: 'resolvers-slow', latencyMs: 812.2 },
  'resolvers-unknown': { code: 'resolvers-unknown' },
  'hijack-none': { code: 'hijack-none' },
  'hijack-found': { code: 'hijack-found', address: '203.0.113.66' },
  'hijack-unknown': { code: 'hijack-unknown' },
  'captive-clean': { code: 'captive-clean' },
  'captive-found': { code: 'captive-found', host: null },
  'captive-unknown': { code: 'captive-unknown' },
  'site-found': { code: 'site-found', count: 2 },
  'site-name-missing': { code: 'site-name-missing' },
  'site-different': { code: 'site-different' },
  'site-not-resolved': { code: 'site-not-resolved' },
  'site-is-address': { code: 'site-is-address' },
  'site-answers': { code: 'site-answers', status: 200, ms: 35 },
  'site-mixed': { code: 'site-mixed', fetches: [{ address: '203.0.113.80', status: 200 }, { address: '203.0.113.81', failure: 'http.refused' }] },
  'site-fails': { code: 'site-fails', fetches: [{ address: '203.0.113.80', status: 502 }, { address: '203.0.113.81', failure: 'tls.expired' }] },
  'hosts-not-listed': { code: 'hosts-not-listed' },
  'hosts-listed-works': { code: 'hosts-listed-works', address: '203.0.113.80' },
  'hosts-listed-fails': { code: 'hosts-listed-fails', address: '203.0.113.81' },
  'hosts-unreadable': { code: 'hosts-unreadable' },
  'proxy-none': { code: 'proxy-none' },
  'proxy-not-used': { code: 'proxy-not-used' },
  'proxy-pac-failed': { code: 'proxy-pac-failed' },
  'proxy-works': { code: 'proxy-works', proxy: '203.0.113.30:8888' },
  'proxy-fails': { code: 'proxy-fails', proxy: '203.0.113.30:8888' },
  'clock-right': { code: 'clock-right' },
  'clock-wrong': { code: 'clock-wrong', minutes: -4320 },
  'clock-unknown': { code: 'clock-unknown' },
  'skipped-no-network': { code: 'skipped-no-network' },
  'skipped-no-site': { code: 'skipped-no-site' },
  'skipped-no-address': { code: 'skipped-no-address' },
  'out-of-time': { code: 'out-of-time' },
  crashed: { code: 'crashed', error: 'TypeError: boom' },
}

const OUTCOMES: { [C in DnsOutcome['code']]: Extract<DnsOutcome, { code: C }> } = {
  switched: { code: 'switched', servers: ['1.1.1.1'], adapters: ['Wi-Fi'] },
  reverted: { code: 'reverted', adapters: ['Wi-Fi'] },
  'nothing-to-revert': { code: 'nothing-to-revert' },
  flushed: { code: 'flushed', method: 'resolvectl flush-caches' },
  'nothing-to-flush': { code: 'nothing-to-flush' },
}

// The particulars verdicts, findings and fixes are told with, in the combinations the engine produces.
const PARAMS: TextParams[] = [
  {},
  { site: 'shop.example' },
  { site: 'shop.example', status: 502, errorSource: 'Cloudflare', errorSourceIsCdn: true },
  { site: 'shop.example', status: 503, errorSource: 'nginx', errorSourceIsCdn: false },
  { site: 'shop.example', count: 1 },
  { site: 'shop.example', count: 3 },
  { site: 'shop.example', tlsFailure: 'tls.name-mismatch' },
  { site: 'shop.example', missingPageStatus: 410 },
  { site: 'shop.example', hostsFile: '/etc/hosts', hostsAddress: '203.0.113.81', os: 'linux' },
  { site: 'shop.example', hostsFile: 'C:\\Windows\\System32\\drivers\\etc\\hosts', hostsAddress: '203.0.113.81', os: 'windows' },
  { site: 'shop.example', hostsFile: '/etc/hosts', hostsAddress: '2001:db8::81', os: 'macos' },
  { site: 'shop.example', proxy: '203.0.113.30:8888', proxySource: 'environment' },
  { site: 'shop.example', proxy: 'proxy.corp.example:3128', proxySource: 'windows-internet-settings' },
  { site: 'shop.example', proxy: '[2001:db8::30]:8080', proxySource: 'kde' },
  { site: 'shop.example', tlsFailure: 'tls.expired', clockMinutes: -4320, os: 'windows' },
  { site: 'shop.example', tlsFailure: 'tls.expired', clockMinutes: 7, os: 'macos' },
]

const HOLES = /undefined|null|NaN|\[object|\$\{|\.\.(?!\.)| {2}/

function expectWords(text: string): void {
  expect(text.trim().length).toBeGreaterThan(1)
  expect(text).not.toMatch(HOLES)
}

/** Every sentence a language has, by path: strings, lists, and functions called with sample particulars. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${path}[${index}]`))
  if (typeof value === 'function') {
    // Particulars a person could see, as text and as numbers: enough to tell the languages apart.
    const samples: unknown[][] = [['shop.example', 'Wi-Fi', 'eth0'], [3, 5, 9]]
    return samples.flatMap((args, index) => {
      try {
        const said = (value as (...args: unknown[]) => unknown)(...args)
        return typeof said === 'string' ? [[`${path}(${index})`, said] as [string, string]] : []
      } catch {
        return []
      }
    })
  }
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key))
  return []
}

// The window's own words; the shared domains it carries are walked code by code above.
function windowOwn(language: Language) {
  const { diagnosis: _diagnosis, inputErrors: _inputErrors, dnsSettings: _dnsSettings, ...own } = rendererTexts(language)
  return own
}

const everything = (language: Language) => ({
  window: windowOwn(language),
  cli: cliTexts(language).cli,
  shell: shellTexts(language),
  help: HELP_TEXTS[language],
  reports: REPORT_TEXTS[language],
  watch: WATCH_TEXTS[language],
})

// Texts that are the same in both languages on purpose: names, addresses, formats made of particulars.
const SAME_IN_EVERY_LANGUAGE = [
  /^window\.app\.name$/,
  /^window\.address\.placeholder$/,
  /^window\.verdictCard\.severity\.problem$/,
  /^window\.evidence\.columns\.(router|server)$/,
  /^window\.evidence\.managers\.(?!unknown)/,
  /^window\.evidence\.(publicResolver|failure)\(/,
  /^reports\.dnsAnswered\(/,
]

describe.each(LANGUAGES)('every code has words in %s', (language) => {
  const diagnosis = DIAGNOSIS_TEXTS[language]

  it.each(VERDICT_CODES)('verdict %s', (code) => {
    for (const params of PARAMS) {
      const { title, explanation } = diagnosis.verdicts[code](params)
      expectWords(title)
      expectWords(explanation)
    }
  })

  it.each(FIX_IDS)('fix %s', (id) => {
    for (const params of PARAMS) Object.values(diagnosis.fixes[id](params)).forEach(expectWords)
  })

  it.each(FINDING_CODES)('finding %s', (code) => {
    for (const params of PARAMS) expectWords(diagnosis.findings[code](params))
  })

  it.each(CHECK_IDS)('check title %s', (id) => expectWords(diagnosis.checkTitles[id]))

  it.each(Object.values(SUMMARIES))('check summary $code', (summary) => expectWords(sayByCode(diagnosis.summaries, summary)))

  it.each(Object.values(OUTCOMES))('DNS outcome $code', (outcome) => expectWords(sayByCode(DNS_SETTINGS_TEXTS[language].outcomes, outcome)))

  it.each(DNS_SETTINGS_ERROR_CODES)('DNS settings failure %s, in the app and on the command line', (code) => {
    expectWords(DNS_SETTINGS_TEXTS[language].errors[code]('eth0'))
    expectWords(cliTexts(language).dnsErrors[code]('eth0'))
  })

  it.each(INPUT_ERROR_CODES)('bad input %s', (code) => expectWords(INPUT_ERROR_TEXTS[language].input[code]('"shop example"|google, cloudflare')))

  it('every other sentence of the window, the command line, the shell and the reports', () => {
    // Called with made-up particulars, so only what no particular can cause is checked here.
    for (const [path, text] of leaves(everything(language))) {
      expect(text.trim(), path).not.toBe('')
      expect(text, path).not.toMatch(/\$\{|\[object/)
    }
  })
})

describe('German is a complete translation', () => {
  const english = new Map(leaves(everything('en')))
  const german = new Map(leaves(everything('de')))

  it('has exactly the texts English has', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it('says every sentence in German, not in English', () => {
    const untranslated = [...german].filter(([path, text]) => text === english.get(path) && !SAME_IN_EVERY_LANGUAGE.some((same) => same.test(path)))
    expect(untranslated.map(([path, text]) => `${path}: ${text}`)).toEqual([])
  })

  it.each(VERDICT_CODES)('verdict %s differs from English for every set of particulars', (code) => {
    for (const params of PARAMS) expect(DIAGNOSIS_TEXTS.de.verdicts[code](params)).not.toEqual(DIAGNOSIS_TEXTS.en.verdicts[code](params))
  })

  it.each(Object.values(SUMMARIES))('check summary $code is German', (summary) => {
    expect(sayByCode(DIAGNOSIS_TEXTS.de.summaries, summary)).not.toBe(sayByCode(DIAGNOSIS_TEXTS.en.summaries, summary))
  })

  it('explains DNS with the same picture as English: an address book', () => {
    expect(DIAGNOSIS_TEXTS.en.verdicts['dns-system-failing']({}).explanation).toMatch(/address book/)
    expect(DIAGNOSIS_TEXTS.de.verdicts['dns-system-failing']({}).explanation).toMatch(/Adressbuch/)
  })
})
