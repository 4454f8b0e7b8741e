// Whether only root can change a file on Linux and macOS: the file and every folder on its real path belong
// to root and are writable by nobody else. A program found this way, or a file read this way, cannot have
// been put there or swapped by an ordinary account.
import { lstat, realpath } from 'node:fs/promises'
import path from 'node:path'

export interface PathFacts {
  uid: number
  mode: number
}

export interface RootOnlyOptions {
  /**
   * A sticky folder writable by everybody (/tmp) may lie above: there nobody may rename or remove what
   * another account owns, so a root-owned folder inside it stays root's.
   */
  stickyAncestors?: boolean
  lstat?: (file: string) => Promise<PathFacts>
}

const WRITABLE_BY_OTHERS = 0o022
const STICKY = 0o1000

/** Why something other than root could change `realFile` (a path without symlinks); undefined when only root can. */
export async function rootOnlyProblem(realFile: string, options: RootOnlyOptions = {}): Promise<string | undefined> {
  const facts = options.lstat ?? lstat
  let current = path.posix.normalize(realFile)
  let isTarget = true
  for (;;) {
    const info = await facts(current)
    if (info.uid !== 0) return `${current} belongs to user ${info.uid}, not to root`
    const othersMayWrite = (info.mode & WRITABLE_BY_OTHERS) !== 0
    if (othersMayWrite && (isTarget || !options.stickyAncestors || (info.mode & STICKY) === 0)) return `${current} may be changed by other accounts`
    if (current === '/') return undefined
    current = path.posix.dirname(current)
    isTarget = false
  }
}

/** The folders, in order, where the programs NetMend runs with admin rights on Linux are looked for; never PATH. */
export const SYSTEM_TOOL_FOLDERS = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'] as const

const TOOL_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/

/**
 * The absolute path of system program `name` in the first of SYSTEM_TOOL_FOLDERS that has it, as long as
 * only root can change the program, its folder and whatever a symlink there leads to. The path returned is
 * the one in the system folder (multi-call programs such as resolvconf → resolvectl go by their name).
 */
export async function findSystemTool(name: string, options: { lstat?: RootOnlyOptions['lstat']; realPath?: (file: string) => Promise<string> } = {}): Promise<string | undefined> {
  if (!TOOL_NAME.test(name)) return undefined
  const resolve = options.realPath ?? ((file: string) => realpath(file))
  for (const folder of SYSTEM_TOOL_FOLDERS) {
    const candidate = `${folder}/${name}`
    const real = await resolve(candidate).catch(() => undefined)
    if (real === undefined) continue
    const folderReal = await resolve(folder).catch(() => undefined)
    if (folderReal === undefined) continue
    const problems = await Promise.all([rootOnlyProblem(folderReal, { lstat: options.lstat }), rootOnlyProblem(real, { lstat: options.lstat })]).catch(() => ['unreadable'])
    if (problems.some((problem) => problem !== undefined)) continue
    return candidate
  }
  return undefined
}
