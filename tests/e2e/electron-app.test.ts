// The real desktop app, launched through Playwright's Electron driver where an Electron binary exists: the
// installed development binary with out/main, or (in the release workflow) the packaged app named by
// NETMEND_PACKAGED_APP. On machines without either (ours cannot download Electron) the suite is skipped
// and says why.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'

const ELECTRON_DIR = resolve('node_modules/electron')
const PACKAGED_APP = process.env.NETMEND_PACKAGED_APP

/** The installed binary, found without requiring 'electron' (which would try to download one). */
function electronBinary(): string | null {
  const pathFile = join(ELECTRON_DIR, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

function launchOptions(): { executablePath: string; args: string[] } | null {
  // A packaged app loads its own app.asar; a wrong path must fail the release, not skip it.
  if (PACKAGED_APP) return { executablePath: PACKAGED_APP, args: ['--no-sandbox'] }
  const binary = electronBinary()
  return binary ? { executablePath: binary, args: [resolve('out/main/index.js'), '--no-sandbox'] } : null
}

const launch = launchOptions()
const reason = launch ? null : `no Electron binary in ${ELECTRON_DIR}/dist (it is downloaded on first "npm start"; this machine cannot download it)`
if (reason) console.log(`skipped suite tests/e2e/electron-app.test.ts: ${reason}`)

describe.skipIf(reason)('the Electron app', () => {
  it('opens one locked-down window showing the Diagnose form', async () => {
    const app = await electron.launch({ ...launch!, env: { ...process.env, NETMEND_DATA_DIR: resolve('node_modules/.cache/netmend-electron-test') } })
    try {
      const window = await app.firstWindow()
      await window.getByRole('button', { name: 'Diagnose' }).waitFor()
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
      // Sandboxed, isolated, no Node: the page sees the contract's methods and nothing else.
      const page = await window.evaluate(() => {
        const scope = globalThis as unknown as { require?: unknown; process?: unknown; netmend: Record<string, unknown> }
        return { require: typeof scope.require, process: typeof scope.process, api: Object.keys(scope.netmend).sort() }
      })
      expect(page.require).toBe('undefined')
      expect(page.process).toBe('undefined')
      expect(page.api).toContain('diagnose')
      expect(page.api).not.toContain('ipcRenderer')
      if (PACKAGED_APP) {
        // Installed: no Reload or DevTools anywhere in the menus (Electron reports roles in lower case).
        const menu = await app.evaluate(({ app: electronApp, Menu }) => {
          const roles: string[] = []
          const visit = (items: Electron.MenuItem[]): void =>
            items.forEach((item) => {
              if (item.role) roles.push(item.role)
              if (item.submenu) visit(item.submenu.items)
            })
          visit(Menu.getApplicationMenu()?.items ?? [])
          return { packaged: electronApp.isPackaged, roles }
        })
        expect(menu.packaged).toBe(true)
        expect(menu.roles.map((role) => role.toLowerCase()).filter((role) => ['reload', 'forcereload', 'toggledevtools'].includes(role))).toEqual([])
      }
    } finally {
      await app.close()
    }
  })
})
