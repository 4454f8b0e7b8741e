import { constants, type Stats } from 'node:fs'
import { lstat, mkdir, open, type FileHandle } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** Electron's app.getPath('userData') folder name for the app, so the CLI and the app share one folder. */
const APP_FOLDER = 'NetMend'

/**
 * NetMend's data folder: NETMEND_DATA_DIR when set, otherwise the folder Electron gives the app named
 * "NetMend" ($XDG_CONFIG_HOME/NetMend or ~/.config/NetMend, ~/Library/Application Support/NetMend,
 * %APPDATA%\NetMend). Nothing is created here; writers create what they need.
 */
export function netmendDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.NETMEND_DATA_DIR
  if (override !== undefined && override !== '') return path.resolve(override)
  switch (platform) {
    case 'win32': {
      const appData = env.APPDATA
      return path.win32.join(appData !== undefined && appData !== '' ? appData : path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER)
    }
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER)
    default: {
      const config = env.XDG_CONFIG_HOME
      // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
      const base = config !== undefined && path.posix.isAbsolute(config) ? config : path.posix.join(home, '.config')
      return path.posix.join(base, APP_FOLDER)
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Trusting what is in the data folder. NetMend acts on its records there (with admin rights, at every
// start), so they count only while nobody but this user could have written them: plain folders and files,
// not symbolic links, owned by the user NetMend runs as (root trusts only root's), writable by no group and
// no other user. Windows has no such owner and mode bits (its ACLs keep %APPDATA% private): only links count there.
// ---------------------------------------------------------------------------------------------------------

/** The user whose files NetMend trusts; undefined on Windows. */
export function trustedUid(): number | undefined {
  return process.geteuid?.()
}

/** Why this folder or file must not be trusted, in a few words; undefined when it may be. */
export function distrustReason(stats: Stats, kind: 'folder' | 'file', uid: number | undefined): string | undefined {
  if (stats.isSymbolicLink()) return 'is a symbolic link'
  if (kind === 'folder' ? !stats.isDirectory() : !stats.isFile()) return kind === 'folder' ? 'is not a folder' : 'is not a plain file'
  if (uid === undefined) return undefined
  if (stats.uid !== uid) return `belongs to user ${stats.uid}, not to user ${uid} that NetMend runs as`
  if ((stats.mode & 0o022) !== 0) return 'can be changed by other users'
  if (kind === 'file' && stats.nlink > 1) return 'has other names (hard links)'
  return undefined
}

export type PrivateFolderProblem = { code: 'folder.unsafe' | 'folder.unwritable'; detail: string }
export type PrivateFolderState = { ok: true; exists: boolean } | ({ ok: false } & PrivateFolderProblem)

const errnoOf = (error: unknown): string => (error as NodeJS.ErrnoException | undefined)?.code ?? String(error)

/** The state of `folder` without creating anything: missing, trusted, or why not. */
export async function checkPrivateFolder(folder: string, uid: number | undefined = trustedUid()): Promise<PrivateFolderState> {
  let stats: Stats
  try {
    stats = await lstat(folder)
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return { ok: true, exists: false }
    return { ok: false, code: 'folder.unsafe', detail: `${folder}: ${errnoOf(error)}` }
  }
  const reason = distrustReason(stats, 'folder', uid)
  return reason === undefined ? { ok: true, exists: true } : { ok: false, code: 'folder.unsafe', detail: `${folder} ${reason}` }
}

/**
 * Creates each of `folders` (outermost first) that is missing, readable and writable by this user only
 * (0700), then checks that every one of them may be trusted.
 */
export async function ensurePrivateFolders(folders: readonly string[], uid: number | undefined = trustedUid()): Promise<PrivateFolderState> {
  for (const folder of folders) {
    const failed = await mkdir(folder, { recursive: true, mode: 0o700 }).then(
      () => undefined,
      (error: unknown) => error,
    )
    const state = await checkPrivateFolder(folder, uid)
    if (!state.ok) return state
    if (failed !== undefined || !state.exists) return { ok: false, code: 'folder.unwritable', detail: `${folder}: ${errnoOf(failed)}` }
  }
  return { ok: true, exists: true }
}

export type PrivateFileRead = { ok: true; text: string | undefined } | { ok: false; code: 'file.unsafe' | 'file.too-big' | 'file.unreadable'; detail: string }

/**
 * Reads a file of NetMend's own, at most `maxBytes`: undefined when there is none. The file is opened
 * without following a symbolic link (and without waiting on a pipe), and what was opened is checked, so
 * nothing can be swapped in between the check and the read.
 */
export async function readPrivateFile(file: string, maxBytes: number, uid: number | undefined = trustedUid()): Promise<PrivateFileRead> {
  let handle: FileHandle
  try {
    if (constants.O_NOFOLLOW === undefined && (await lstat(file)).isSymbolicLink()) return { ok: false, code: 'file.unsafe', detail: `${file} is a symbolic link` }
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    const code = errnoOf(error)
    if (code === 'ENOENT') return { ok: true, text: undefined }
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, code: 'file.unsafe', detail: `${file} is a symbolic link` }
    return { ok: false, code: 'file.unreadable', detail: `${file}: ${code}` }
  }
  try {
    const reason = distrustReason(await handle.stat(), 'file', uid)
    if (reason !== undefined) return { ok: false, code: 'file.unsafe', detail: `${file} ${reason}` }
    const buffer = Buffer.alloc(maxBytes + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
      if (length > maxBytes) return { ok: false, code: 'file.too-big', detail: `${file} is larger than ${maxBytes} bytes` }
    }
    return { ok: true, text: buffer.subarray(0, length).toString('utf8') }
  } catch (error) {
    return { ok: false, code: 'file.unreadable', detail: `${file}: ${errnoOf(error)}` }
  } finally {
    await handle.close()
  }
}
