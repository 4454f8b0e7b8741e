// The app as a person whose computer speaks German sees it, with the real engine in a lab world: every
// main screen in German, and no English sentence left on any of them (checked against every English text).
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { rendererTexts, type RendererTexts } from '../../src/renderer/src/texts'
import { REPORT_TEXTS } from '../../src/shared/texts/reports'
import { LAB } from '../lab/lab'
import { browserSuiteUnavailableReason } from './availability'
import { screenshotPath } from './screenshots'
import { appsInWorlds } from './bridge/app-in-world'

const SITE = `http://${LAB.siteName}/`
const unavailable = browserSuiteUnavailableReason()
if (unavailable) console.log(`skipped suite tests/e2e/german.test.ts: ${unavailable}`)

const WAIT = { timeout: 15_000, interval: 100 }
const MARK = '\u0001'

/** Pieces of English sentences, three words or longer, with every particular cut out. */
function englishFragments(): string[] {
  const found = new Set<string>()
  const add = (text: string): void => {
    for (const piece of text.split(MARK)) {
      const fragment = piece.trim().replace(/^[\s,.:;–—(]+|[\s,.:;–—(]+$/g, '')
      if (fragment.split(/\s+/).length >= 3) found.add(fragment)
    }
  }
  const walk = (value: unknown): void => {
    if (typeof value === 'string') add(value)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (typeof value === 'function') {
      try {
        const said = (value as (...args: unknown[]) => unknown)(MARK, MARK, MARK, MARK)
        if (typeof said === 'string') add(said)
        else walk(said)
      } catch {
        // A text that needs its real particulars; the ones with plain words are enough for this check.
      }
    } else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk)
  }
  walk(rendererTexts('en'))
  walk(REPORT_TEXTS.en)
  return [...found]
}

/** What a person can read on the page, and what a screen reader says besides. */
async function everythingSaid(page: Page): Promise<string> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((element) =>
      ['aria-label', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
    )
    return [document.body.textContent ?? '', ...labels].join('\n')
  })
}

const ENGLISH = englishFragments()

describe.skipIf(unavailable)('the desktop app in German', () => {
  const open = appsInWorlds()
  const openInGerman = async (name: 'site-bad-gateway' | 'isp-stale'): Promise<Page> => (await open(name, { env: { LC_ALL: 'de_DE.UTF-8' } })).page

  async function diagnose(page: Page, de: RendererTexts, verdictCode: string): Promise<void> {
    await page.getByRole('textbox', { name: de.address.label }).fill(SITE)
    await page.getByRole('button', { name: de.address.diagnose }).click()
    await expect.poll(() => page.getByRole('region', { name: de.verdictCard.heading }).getAttribute('data-verdict'), WAIT).toBe(verdictCode)
  }

  const leftInEnglish = (screens: string[]): string[] => ENGLISH.filter((fragment) => screens.some((screen) => screen.includes(fragment)))

  it("the site's 502: the checklist, the verdict, every check's details, the report and the history speak German only", async () => {
    const page = await openInGerman('site-bad-gateway')
    const de: RendererTexts = rendererTexts('de')
    const screens: string[] = []

    await page.getByRole('textbox', { name: de.address.label }).waitFor({ timeout: WAIT.timeout })
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
    screens.push(await everythingSaid(page))

    await diagnose(page, de, 'site-bad-gateway')
    const verdict = page.getByRole('region', { name: de.verdictCard.heading })
    await expect.poll(async () => (await verdict.textContent()) ?? '', WAIT).toContain(de.diagnosis.verdicts['site-bad-gateway']({ site: LAB.siteName }).title)
    screens.push(await everythingSaid(page))

    const details = page.getByRole('button', { name: new RegExp(`^${de.checklist.details}`) })
    for (const button of await details.all()) await button.click()
    screens.push(await everythingSaid(page))

    const report = page.locator('li[data-fix-id="contact-site-admin"]')
    await report.getByRole('button', { name: de.diagnosis.fixes['contact-site-admin']({ site: LAB.siteName }).title }).click()
    const preview = report.getByRole('region', { name: de.report.preview['site-admin'] })
    await expect.poll(async () => (await preview.textContent()) ?? '', WAIT).toContain(REPORT_TEXTS.de.title['site-admin'])
    await report.getByRole('button', { name: de.report.copy }).click()
    await expect.poll(async () => (await report.textContent()) ?? '', WAIT).toContain(de.report.copied)
    screens.push(await everythingSaid(page))
    await page.screenshot({ path: screenshotPath('site-502-german.png'), fullPage: true })

    await page.getByRole('button', { name: de.history.toggle }).click()
    await page.getByRole('list', { name: de.history.listLabel }).waitFor({ timeout: WAIT.timeout })
    screens.push(await everythingSaid(page))

    expect(ENGLISH.length).toBeGreaterThan(200)
    expect(leftInEnglish(screens)).toEqual([])
  })

  it('switching to a public address book: the offer, "keep these settings?", keeping and going back speak German only', async () => {
    const page = await openInGerman('isp-stale')
    const de: RendererTexts = rendererTexts('de')
    const screens: string[] = []
    await diagnose(page, de, 'dns-stale')
    screens.push(await everythingSaid(page))

    await page.getByRole('button', { name: de.diagnosis.fixes['switch-dns']({}).title }).click()
    const confirm = page.getByRole('region', { name: de.dns.confirmHeading })
    await confirm.waitFor({ timeout: WAIT.timeout })
    screens.push(await everythingSaid(page))
    await confirm.getByRole('button', { name: de.dns.keep }).click()
    await expect.poll(async () => (await page.locator('.dns-status').textContent()) ?? '', WAIT).toContain(de.dns.kept)
    screens.push(await everythingSaid(page))

    await page.getByRole('button', { name: de.diagnosis.fixes['revert-dns']({}).title }).first().click()
    await expect.poll(async () => (await page.locator('.dns-status').textContent()) ?? '', WAIT).toMatch(/Ihre vorherigen Einstellungen auf .* sind zurück/)
    screens.push(await everythingSaid(page))

    expect(leftInEnglish(screens)).toEqual([])
  })
})
