// When NetMend itself runs with admin rights, it acts on the journal and snapshot in its data folder only
// where nobody but an administrator can write them (no password prompt stands in between then).
import { chmodSync, chownSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { adminOnlyStateProblem, windowsAclScript, windowsPathsToCheck } from '../../../src/main/dns-settings/state-trust'
import type { CommandRunner } from '../../../src/main/platform/run-command'
import { ok } from './helpers'

const isRoot = process.getuid?.() === 0
/** <scratch>/data/dns-settings: every folder a test changes is inside its own scratch folder, never /tmp itself. */
const folder = (): string => path.join(mkdtempSync(path.join(tmpdir(), 'netmend-state-')), 'data', 'dns-settings')
const never: CommandRunner = async () => {
  throw new Error('no PowerShell on Linux and macOS')
}

// The files in the folder (another owner, a symlink, others may write) are the store's to refuse:
// recovery.test.ts "the data folder is private".
describe.runIf(isRoot)('Linux and macOS, running as root', () => {
  it("a folder this process creates, under folders only root can change (a sticky /tmp included), is root's alone", async () => {
    const directory = folder()
    expect(await adminOnlyStateProblem(directory, 'linux', never)).toBeUndefined()
    expect(statSync(directory).mode & 0o777).toBe(0o700)
    writeFileSync(path.join(directory, 'journal.json'), '{}', { mode: 0o600 })
    expect(await adminOnlyStateProblem(directory, 'linux', never)).toBeUndefined()
  })

  it.each([
    ['the folder belongs to another account', (directory: string) => chownSync(directory, 65534, 65534), /belongs to user 65534/],
    ['other accounts may write the folder', (directory: string) => chmodSync(directory, 0o777), /may be changed by other accounts/],
    ['the data folder above it belongs to another account', (directory: string) => chownSync(path.dirname(directory), 65534, 65534), /belongs to user 65534/],
    ['a folder above the data folder belongs to another account', (directory: string) => chownSync(path.dirname(path.dirname(directory)), 65534, 65534), /belongs to user 65534/],
  ] as [string, (directory: string) => void, RegExp][])('refused when %s', async (_label, spoil, why) => {
    const directory = folder()
    mkdirSync(directory, { recursive: true, mode: 0o700 })
    spoil(directory)
    expect(await adminOnlyStateProblem(directory, 'linux', never)).toMatch(why)
  })

  it('a folder reached through a symlink is judged where it really is', async () => {
    const real = folder()
    mkdirSync(real, { recursive: true, mode: 0o700 })
    chownSync(real, 65534, 65534)
    const link = path.join(mkdtempSync(path.join(tmpdir(), 'netmend-link-')), 'dns-settings')
    symlinkSync(real, link)
    expect(await adminOnlyStateProblem(link, 'linux', never)).toMatch(/belongs to user 65534/)
  })
})

describe('Windows, running elevated', () => {
  const directory = 'C:\\Users\\ana\\AppData\\Roaming\\NetMend\\dns-settings'

  it('every folder up to the drive, and the state files, are looked at', () => {
    expect(windowsPathsToCheck(directory)).toEqual([
      { path: directory, role: 'target' },
      { path: `${directory}\\journal.json`, role: 'target' },
      { path: `${directory}\\original.json`, role: 'target' },
      { path: `${directory}\\lock`, role: 'target' },
      { path: 'C:\\Users\\ana\\AppData\\Roaming\\NetMend', role: 'ancestor' },
      { path: 'C:\\Users\\ana\\AppData\\Roaming', role: 'ancestor' },
      { path: 'C:\\Users\\ana\\AppData', role: 'ancestor' },
      { path: 'C:\\Users\\ana', role: 'ancestor' },
      { path: 'C:\\Users', role: 'ancestor' },
      { path: 'C:\\', role: 'drive-root' },
    ])
  })

  it('paths reach PowerShell as base64 JSON, so no folder name can become PowerShell', () => {
    const odd = "C:\\Users\\o'brien\\AppData\\Roaming\\NetMend\\dns-settings’; Remove-Item C:\\ -Recurse; ‘"
    const script = windowsAclScript([odd])
    expect(script).not.toContain("o'brien")
    expect(script).not.toContain('Remove-Item')
    const encoded = /FromBase64String\('([A-Za-z0-9+/=]+)'\)/.exec(script)?.[1] ?? ''
    expect(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'))).toEqual([odd])
  })

  it("refused when a folder is the person's own, or a link; accepted when administrators alone may change everything", async () => {
    const directory = folder()
    const admin = 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)'
    const answer = (items: Record<string, unknown>[]): CommandRunner => async (_file, args) => {
      expect(args.at(-1)).toContain('Get-Acl')
      return ok(JSON.stringify(items))
    }
    const chain = windowsPathsToCheck(directory).map((check) => check.path)
    const all = (sddl: string, extra: Partial<Record<string, unknown>> = {}) => chain.map((file) => ({ Path: file, Sddl: sddl, Reparse: false, ...(file === directory ? extra : {}) }))
    expect(await adminOnlyStateProblem(directory, 'win32', answer(all(admin)))).toBeUndefined()
    expect(await adminOnlyStateProblem(directory, 'win32', answer(all(admin, { Sddl: 'O:S-1-5-21-1-2-3-1001G:SYD:(A;;FA;;;S-1-5-21-1-2-3-1001)' })))).toMatch(/owned by S-1-5-21-1-2-3-1001/)
    expect(await adminOnlyStateProblem(directory, 'win32', answer(all(admin, { Reparse: true })))).toMatch(/a link to somewhere else/)
    expect(await adminOnlyStateProblem(directory, 'win32', answer([]))).toMatch(/could not be read/)
    expect(await adminOnlyStateProblem(directory, 'win32', async () => ({ ok: false, stdout: '', stderr: '', code: 1, error: 'failed' }))).toMatch(/could not be read/)
  })
})
