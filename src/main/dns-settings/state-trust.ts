// When NetMend itself runs with admin rights (root, an elevated Windows process), no password prompt
// stands between a file in its data folder and a change made with those rights. Then the journal and the
// snapshot count only where nobody but an administrator can write them. The store already refuses a data
// folder or file of another user, a symlink or one others may write (store.ts, platform/data-dir.ts); this
// adds what it does not see: every folder ABOVE (on Linux and macOS root's, or sticky like /tmp), and on
// Windows, where an elevated process is still the same user, the access lists (SDDL) of the folder, its
// files and the folders above. The folder is created first, by this admin process; afterwards nobody else
// can put anything there, so nothing can be swapped between this check and the reads that follow.
import { mkdir, realpath } from 'node:fs/promises'
import path from 'node:path'
import { runPowerShellJson, stringField } from '../platform/powershell'
import { rootOnlyProblem } from '../platform/root-only'
import type { CommandRunner } from '../platform/run-command'
import { sddlProblem } from '../platform/windows-acl'

/** Windows: the files in the dns-settings folder whose contents a restore acts on, and the lock that orders them. */
const STATE_FILES = ['journal.json', 'original.json', 'lock']

async function posixProblem(directory: string): Promise<string | undefined> {
  return rootOnlyProblem(await realpath(directory), { stickyAncestors: true })
}

/** Every folder from `directory` up to its drive's root folder, then the state files in it. */
export function windowsPathsToCheck(directory: string): { path: string; role: 'target' | 'ancestor' | 'drive-root' }[] {
  const paths: { path: string; role: 'target' | 'ancestor' | 'drive-root' }[] = [{ path: directory, role: 'target' }]
  for (const name of STATE_FILES) paths.push({ path: path.win32.join(directory, name), role: 'target' })
  let current = directory
  for (;;) {
    const parent = path.win32.dirname(current)
    if (parent === current) break
    paths.push({ path: parent, role: path.win32.dirname(parent) === parent ? 'drive-root' : 'ancestor' })
    current = parent
  }
  return paths
}

/** One PowerShell reads every security descriptor (and whether a folder is a junction); paths travel as base64 JSON. */
export function windowsAclScript(paths: readonly string[]): string {
  const encoded = Buffer.from(JSON.stringify(paths), 'utf8').toString('base64')
  return [
    `$paths = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${encoded}')) | ConvertFrom-Json`,
    '@($paths | Where-Object { Test-Path -LiteralPath $_ } | ForEach-Object {',
    '  $item = Get-Item -LiteralPath $_ -Force',
    '  [pscustomobject]@{ Path = $_; Sddl = (Get-Acl -LiteralPath $_).Sddl; Reparse = [bool]($item.Attributes -band [IO.FileAttributes]::ReparsePoint) }',
    '}) | ConvertTo-Json -Depth 2',
  ].join('\n')
}

async function windowsProblem(directory: string, run: CommandRunner): Promise<string | undefined> {
  const checks = windowsPathsToCheck(directory)
  const read = await runPowerShellJson(run, windowsAclScript(checks.map((check) => check.path)))
  if (!read.ok) return `its permissions could not be read (${read.code})`
  const found = new Map(read.items.map((item) => [stringField(item, 'Path'), item]))
  if (!found.has(directory)) return 'its permissions could not be read'
  for (const check of checks) {
    const item = found.get(check.path)
    if (item === undefined) continue
    if (item.Reparse === true) return `${check.path} is a link to somewhere else`
    const problem = sddlProblem(stringField(item, 'Sddl') ?? '', check.role)
    if (problem !== undefined) return `${check.path}: ${problem}`
  }
  return undefined
}

/**
 * Why NetMend, running with admin rights, must not act on the state kept in `directory`; undefined when
 * only administrators can change it. Creates the folder (private to this account) when it is missing.
 */
export async function adminOnlyStateProblem(directory: string, platform: NodeJS.Platform, run: CommandRunner): Promise<string | undefined> {
  try {
    await mkdir(directory, { recursive: true, mode: 0o700 })
  } catch {
    // No folder can be made there (a file in the way): nothing can be read from it either, and the
    // store reports that in its own words.
    return undefined
  }
  try {
    return platform === 'win32' ? await windowsProblem(directory, run) : await posixProblem(directory)
  } catch (error) {
    return `${directory}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
  }
}
