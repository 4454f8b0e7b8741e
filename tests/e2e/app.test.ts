// What a person sees and can click in the app, with the real engine running in a lab world.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { rendererTexts } from '../../src/renderer/src/texts'
import { CHECK_IDS } from '../../src/shared/diagnosis'
import { LAB, type World } from '../lab/lab'
import { browserSuiteUnavailableReason } from './availability'
import { screenshotPath } from './screenshots'
import { appsInWorlds } from './bridge/app-in-world'

const SITE = `http://${LAB.siteName}/`
const EN = rendererTexts('en')
const unavailable = browserSuiteUnavailableReason()
if (unavailable) console.log(`skipped suite tests/e2e/app.test.ts: ${unavailable}`)

async function diagnose(page: Page, site: string | null): Promise<void> {
  const field = page.getByRole('textbox', { name: 'Address of the site that fails' })
  await field.fill(site ?? '')
  await page.getByRole('button', { name: 'Diagnose' }).click()
}

// playwright-core has no assertion library: these wait the way Playwright's own expect does.
const WAIT = { timeout: 15_000, interval: 100 }
const eventually = {
  attribute: (locator: Locator, name: string, value: string) => expect.poll(() => locator.getAttribute(name), WAIT).toBe(value),
  text: (locator: Locator, text: string | RegExp) => expect.poll(async () => (await locator.textContent()) ?? '', WAIT).toMatch(text),
  visible: (locator: Locator) => locator.waitFor({ state: 'visible', timeout: WAIT.timeout }),
  hidden: (locator: Locator) => locator.waitFor({ state: 'hidden', timeout: WAIT.timeout }),
  count: (locator: Locator, count: number) => expect.poll(() => locator.count(), WAIT).toBe(count),
  focused: (locator: Locator) => expect.poll(() => locator.evaluate((element) => element === document.activeElement), WAIT).toBe(true),
}

const verdict = (page: Page) => page.getByRole('region', { name: 'Verdict' })
const fixes = (page: Page) => page.getByRole('list', { name: 'Fixes' }).locator('li[data-fix-id]')
const clientResolvConf = (world: World): string => readFileSync(join('/etc/netns', world.clientNs, 'resolv.conf'), 'utf8')

describe.skipIf(unavailable)('the desktop app in Chromium, main process in the lab', () => {
  const open = appsInWorlds()

  it('healthy: the checklist fills in and says the site works', async () => {
    const { page } = await open('healthy')
    await diagnose(page, SITE)
    await eventually.attribute(verdict(page), 'data-verdict', 'ok')
    const rows = page.getByRole('list', { name: 'Checks' }).locator('li[data-check-id]')
    await eventually.count(rows, CHECK_IDS.length)
    expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))).toEqual(Array(CHECK_IDS.length).fill('pass'))
    await eventually.text(verdict(page), /works from here/)
    await page.screenshot({ path: screenshotPath('healthy-light.png'), fullPage: true })
  })

  it("the site's 502: blames the site by name, offers no DNS change, and the admin report has the evidence", async () => {
    const { app, page } = await open('site-bad-gateway')
    await diagnose(page, SITE)
    await eventually.attribute(verdict(page), 'data-verdict', 'site-bad-gateway')
    await eventually.text(verdict(page), /nginx/)
    const fixIds = await fixes(page).evaluateAll((items) => items.map((item) => item.getAttribute('data-fix-id')))
    expect(fixIds).toEqual(['retry', 'watch-site', 'contact-site-admin'])

    const reportFix = page.locator('li[data-fix-id="contact-site-admin"]')
    await reportFix.getByRole('button', { name: "Let shop.lab.test's owners know" }).click()
    const preview = reportFix.getByRole('region', { name: 'Report for the site’s owners' })
    await eventually.text(preview, /HTTP 502/)
    await eventually.text(preview, /server: nginx/)
    await reportFix.getByRole('button', { name: 'Copy report' }).click()
    await eventually.text(reportFix, /Copied/)
    const { copied } = await app.inspect()
    expect(copied.at(-1)).toContain(`${LAB.site}: HTTP 502`)
    await page.screenshot({ path: screenshotPath('site-502-light.png'), fullPage: true })
  })

  it('stale ISP DNS: switch DNS comes first; Keep, then going back restores the file exactly', async () => {
    const { world, page } = await open('isp-stale')
    const original = clientResolvConf(world)
    await diagnose(page, SITE)
    await eventually.attribute(verdict(page), 'data-verdict', 'dns-stale')
    await eventually.attribute(fixes(page).first(), 'data-fix-id', 'switch-dns')
    await page.screenshot({ path: screenshotPath('stale-dns-light.png'), fullPage: true })

    await page.getByRole('button', { name: 'Use a public address book' }).click()
    const confirm = page.getByRole('region', { name: 'Keep these settings?' })
    await eventually.text(confirm, /Going back to your previous settings in \d+ s/)
    expect(clientResolvConf(world)).toContain(`nameserver ${LAB.google}`)
    await page.screenshot({ path: screenshotPath('keep-settings-light.png'), fullPage: true })
    await confirm.getByRole('button', { name: 'Keep' }).click()
    await eventually.hidden(confirm)

    await diagnose(page, SITE)
    await eventually.attribute(verdict(page), 'data-verdict', 'ok')

    await page.getByRole('button', { name: 'Go back to my previous settings' }).first().click()
    await expect.poll(() => clientResolvConf(world), WAIT).toBe(original)

    // A plain resolv.conf has no cache behind it: the app says so instead of pretending.
    const flush = page.locator('li[data-fix-id="flush-dns-cache"]')
    await flush.getByRole('button', { name: 'Forget remembered addresses' }).click()
    await eventually.text(flush, new RegExp(EN.dnsSettings.outcomes['nothing-to-flush']({ code: 'nothing-to-flush' }).slice(0, 40)))
  })

  it('an unconfirmed DNS switch goes back by itself when the countdown ends', async () => {
    const { world, page } = await open('isp-silent', { env: { NETMEND_BRIDGE_CONFIRM_MS: '3000' } })
    const original = clientResolvConf(world)
    await diagnose(page, SITE)
    await eventually.attribute(verdict(page), 'data-verdict', 'dns-system-failing')
    await page.getByRole('button', { name: 'Use a public address book' }).click()
    await eventually.visible(page.getByRole('region', { name: 'Keep these settings?' }))
    expect(clientResolvConf(world)).not.toBe(original)
    await eventually.visible(page.getByText(EN.dns.revertedUnconfirmed))
    expect(clientResolvConf(world)).toBe(original)
  })

  it('no internet: blames the line past the router, and the ISP report shows the router answering', async () => {
    const { page } = await open('no-internet')
    await diagnose(page, SITE)
    await eventually.attribute(verdict(page), 'data-verdict', 'no-internet')
    const ids = await fixes(page).evaluateAll((items) => items.map((item) => item.getAttribute('data-fix-id')))
    expect(ids).toContain('restart-router')
    expect(ids).not.toContain('switch-dns')
    const ispFix = page.locator('li[data-fix-id="contact-isp"]')
    await ispFix.getByRole('button').first().click()
    const preview = ispFix.getByRole('region', { name: 'Report for your internet provider' })
    await eventually.text(preview, new RegExp(`${LAB.gateway.replace(/\./g, '\\.')} on eth0: answers`))
    await eventually.text(preview, /no answer/)
    await page.screenshot({ path: screenshotPath('no-internet-light.png'), fullPage: true })
  })

  it('keyboard only: the field has focus, Enter runs the diagnosis, Tab reaches the fixes', async () => {
    const { page } = await open('healthy')
    await eventually.focused(page.getByRole('textbox', { name: 'Address of the site that fails' }))
    await page.keyboard.type(SITE)
    await page.keyboard.press('Enter')
    await eventually.attribute(verdict(page), 'data-verdict', 'ok')
    await page.keyboard.press('Tab')
    await eventually.focused(page.getByRole('button', { name: 'Diagnose' }))
    await page.keyboard.press('Tab')
    await eventually.focused(page.getByRole('button', { name: 'Open a fresh browser window' }))
  })

  it('dark theme follows the system, at a small window size', async () => {
    const { page } = await open('site-bad-gateway', { colorScheme: 'dark', viewport: { width: 420, height: 700 } })
    await diagnose(page, SITE)
    await eventually.attribute(verdict(page), 'data-verdict', 'site-bad-gateway')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: screenshotPath('site-502-dark-small.png'), fullPage: true })
  })
})
