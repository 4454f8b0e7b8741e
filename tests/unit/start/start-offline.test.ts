// A new developer without internet runs `npm start` / `npm run dev`: Electron's binary cannot be
// downloaded, and they get one clear line (not a stack trace) and a non-zero exit. Run in an empty
// network namespace (`unshare -n`: only a loopback that is down), so the download fails for certain
// and nothing can leave this machine.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { canMakeNamespaces, PROJECT_ROOT } from '../support/link-local-netns'

const ELECTRON_PATH_FILE = join(PROJECT_ROOT, 'node_modules/electron/path.txt')

function skipReason(): string | null {
  // With a binary installed, the script would go on and open the real app: this story is about a machine without one.
  if (existsSync(ELECTRON_PATH_FILE)) return `an Electron binary is installed (${ELECTRON_PATH_FILE}), so npm start would open the app`
  if (!canMakeNamespaces()) return 'needs Linux, root and unshare for an empty network namespace'
  return null
}
const reason = skipReason()
if (reason) console.log(`skipped suite tests/unit/start/start-offline.test.ts: ${reason}`)

// An empty download cache: a copy of Electron cached by an earlier download must not turn this into a real start.
const cache = mkdtempSync(join(tmpdir(), 'netmend-electron-cache-'))
afterAll(() => rmSync(cache, { recursive: true, force: true }))

function runOffline(script: 'start' | 'dev'): Promise<{ code: number | null; output: string }> {
  const env = { ...process.env, electron_config_cache: cache, npm_config_update_notifier: 'false' }
  return new Promise((done) => {
    execFile('unshare', ['-n', 'npm', 'run', '--silent', script], { cwd: PROJECT_ROOT, env, timeout: 60_000 }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? null) : 0, output: `${stdout}${stderr}` }),
    )
  })
}

// npm, Node and Electron's installer start in a few seconds, many more on a machine busy with other test runs.
describe.skipIf(reason)('npm start and npm run dev on a machine without internet', { timeout: 60_000 }, () => {
  for (const script of ['start', 'dev'] as const) {
    it(`npm run ${script}: one line saying the download failed and that the CLI and tests work without it`, async () => {
      const { code, output } = await runOffline(script)
      const lines = output.trim().split('\n')
      expect(lines, output).toHaveLength(1)
      expect(lines[0]).toMatch(/^NetMend could not download Electron 45\.\d+\.\d+, the desktop app's runtime \(.+\)\. /)
      expect(lines[0]).toContain('The command-line tool (npx netmend diagnose) and the tests (npm test) work without it')
      expect(output).not.toMatch(/^\s+at /m)
      expect(code).not.toBe(0)
      expect(existsSync(ELECTRON_PATH_FILE)).toBe(false)
    })
  }
})
