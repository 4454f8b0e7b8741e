// The help pages as the packaged app shows them: the built help.html opened from disk in Debian's
// Chromium with every request that is not a local file refused, so it is proven to work offline.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HELP_PAGE_TEXTS } from '../../src/shared/ui-texts'

const CHROMIUM = '/usr/bin/chromium'
const reason = existsSync(CHROMIUM) ? null : 'Debian chromium is not installed (/usr/bin/chromium; run: bash scripts/lab-deps.sh)'
if (reason) console.log(`skipped suite tests/e2e/help-page.test.ts: ${reason}`)

const HELP_PAGE = pathToFileURL(resolve('out/renderer/help.html')).href

describe.skipIf(reason)('help pages inside the app, without internet', () => {
  let browser: Browser
  const refused: string[] = []
  beforeAll(async () => {
    // Electron gives pages from file:// the access this flag gives Chromium (module scripts next to the page).
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', '--disable-background-networking'] })
  })
  afterAll(async () => browser?.close())

  async function open(topic: string): Promise<Page> {
    const page = await browser.newPage()
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : (refused.push(route.request().url()), route.abort())))
    await page.goto(`${HELP_PAGE}?topic=${topic}`)
    return page
  }

  it('restarting the router: the title, then the numbered steps', async () => {
    const page = await open('restart-router')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Restarting your router and modem')
    expect(await page.getByRole('list').getByRole('listitem').allTextContents()).toHaveLength(5)
    expect(await page.locator('ol > li').first().textContent()).toMatch(/^Unplug the power of the router/)
    expect(await page.title()).toBe(HELP_PAGE_TEXTS.windowTitle('Restarting your router and modem'))
    await page.close()
  })

  it('clearing site data: each browser in bold, then its steps', async () => {
    const page = await open('clear-site-data')
    await expect.poll(() => page.locator('ul > li > strong').allTextContents()).toEqual(['Chrome', 'Edge', 'Firefox', 'Safari'])
    await page.close()
  })

  it('a topic that is not ours shows a sentence, not a broken page', async () => {
    const page = await open('..%2F..%2Fetc%2Fpasswd')
    await expect.poll(() => page.locator('main').textContent()).toBe(HELP_PAGE_TEXTS.unknownTopic)
    await page.close()
  })

  it('nothing was requested from the network', () => {
    expect(refused).toEqual([])
  })
})
