// axe-core over the app's main states, light and dark: no serious or critical violations.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { LAB, type WorldName } from '../lab/lab'
import { browserSuiteUnavailableReason } from './availability'
import { appsInWorlds } from './bridge/app-in-world'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const SITE = `http://${LAB.siteName}/`
const unavailable = browserSuiteUnavailableReason()
if (unavailable) console.log(`skipped suite tests/e2e/accessibility.test.ts: ${unavailable}`)

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** Injected through the debugging protocol, which the page's Content-Security-Policy does not block. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document) => Promise<{ violations: Violation[] }> } }).axe
    return (await axe.run(document)).violations
  })
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

describe.skipIf(unavailable)('accessibility of the main states', () => {
  const open = appsInWorlds()

  const states: { name: string; world: WorldName; act: (page: Page) => Promise<void> }[] = [
    { name: 'before any check', world: 'healthy', act: async () => undefined },
    {
      name: "the site's 502 with the site-owner report open",
      world: 'site-bad-gateway',
      act: async (page) => {
        await runDiagnosis(page, 'site-bad-gateway')
        await page.locator('li[data-fix-id="contact-site-admin"]').getByRole('button').first().click()
        await page.getByRole('region', { name: 'Report for the site’s owners' }).waitFor()
      },
    },
    {
      name: 'stale DNS with the keep-settings prompt and check details open',
      world: 'isp-stale',
      act: async (page) => {
        await runDiagnosis(page, 'dns-stale')
        await page.getByRole('button', { name: /^Details about/ }).first().click()
        await page.getByRole('button', { name: 'Use a public address book' }).click()
        await page.getByRole('region', { name: 'Keep these settings?' }).waitFor()
      },
    },
    { name: 'no internet', world: 'no-internet', act: (page) => runDiagnosis(page, 'no-internet') },
  ]

  async function runDiagnosis(page: Page, verdict: string): Promise<void> {
    await page.getByRole('textbox', { name: 'Address of the site that fails' }).fill(SITE)
    await page.getByRole('button', { name: 'Diagnose' }).click()
    await page.locator(`[data-verdict="${verdict}"]`).waitFor({ timeout: 15_000 })
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(states)(`$name (${colorScheme})`, async ({ world: name, act }) => {
      const { app } = await open(name, { colorScheme })
      await act(app.page)
      expect(await seriousViolations(app.page)).toEqual([])
    })
  }
})
