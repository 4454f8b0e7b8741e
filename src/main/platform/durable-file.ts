// Writing files so that a crash at any moment leaves either the old or the new bytes: a temporary file
// in the same folder, fsync, rename, fsync the folder. /etc/resolv.conf may be a mount point (containers,
// `ip netns exec` bind-mounts /etc/netns/<ns>/resolv.conf over it) where rename() fails with EBUSY; such a
// file is rewritten in place instead, with one write that covers all of it (the new bytes, padded up to the
// old length by the caller's filler) and then a trim, so a kill between the two leaves the new contents
// plus filler, never a mix. Symlinks are followed, never replaced.
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { chmod, chown, lstat, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises'
import path from 'node:path'

function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined
}

async function fsyncDirectory(directory: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const handle = await open(directory, constants.O_RDONLY)
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Writes `data` to `file` durably with temp file + fsync + rename; `mode` for new files. */
export async function writeFileAtomically(file: string, data: string | Buffer, mode = 0o600): Promise<void> {
  const directory = path.dirname(file)
  const temporary = path.join(directory, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temporary, 'wx', mode)
  try {
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, file)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
  await fsyncDirectory(directory)
}

/** Unescapes the octal escapes (\040 for a space) of /proc/self/mountinfo. */
function unescapeMountPath(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_match, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)))
}

/** Mount points listed in /proc/self/mountinfo (field 5); empty where there is no such file. */
export function mountPointsOf(mountinfo: string): Set<string> {
  const points = new Set<string>()
  for (const line of mountinfo.split('\n')) {
    const field = line.split(' ')[4]
    if (field !== undefined && field !== '') points.add(unescapeMountPath(field))
  }
  return points
}

async function isMountPoint(file: string): Promise<boolean> {
  try {
    if (mountPointsOf(await readFile('/proc/self/mountinfo', 'utf8')).has(file)) return true
  } catch {
    // not Linux, or /proc not mounted: fall through to the device comparison
  }
  try {
    const [own, parent] = await Promise.all([stat(file), stat(path.dirname(file))])
    return own.dev !== parent.dev
  } catch {
    return false
  }
}

/**
 * What makes new contents exactly as long as the old ones when they are shorter, without changing what
 * the file means (for resolv.conf: a comment). Empty when nothing is missing.
 */
export type Filler = (data: Buffer, oldLength: number) => Buffer

export interface InPlaceHooks {
  /** TEST ONLY: runs after the covering write and before the trim, so a test can kill the process there. */
  betweenWriteAndTrim?: () => Promise<void>
}

async function rewriteInPlace(file: string, data: Buffer, filler: Filler, hooks: InPlaceHooks): Promise<void> {
  const handle = await open(file, 'r+')
  try {
    const { size } = await handle.stat()
    const covering = Buffer.concat([data, filler(data, size)])
    // One write() from offset 0 over every old byte: the file holds the old bytes, or all of the new ones.
    const { bytesWritten } = await handle.write(covering, 0, covering.length, 0)
    if (bytesWritten !== covering.length) throw Object.assign(new Error(`short write to ${file}`), { code: 'EIO' })
    await hooks.betweenWriteAndTrim?.()
    await handle.truncate(data.length)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export type SystemFileWrite = 'renamed' | 'in-place'

/**
 * Replaces the bytes of a system file (such as /etc/resolv.conf) durably. A symlink stays a symlink:
 * its target is written. Owner and permissions are kept. `filler` pads an in-place rewrite (see above).
 */
export async function replaceSystemFile(file: string, data: Buffer, filler: Filler, hooks: InPlaceHooks = {}): Promise<SystemFileWrite> {
  const target = await realpath(file)
  const info = await lstat(target)
  if (await isMountPoint(target)) {
    await rewriteInPlace(target, data, filler, hooks)
    return 'in-place'
  }
  const directory = path.dirname(target)
  const temporary = path.join(directory, `.${path.basename(target)}.netmend-${randomBytes(6).toString('hex')}`)
  try {
    const handle = await open(temporary, 'wx', info.mode & 0o7777)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await chmod(temporary, info.mode & 0o7777)
    if (process.getuid?.() === 0) await chown(temporary, info.uid, info.gid)
    await rename(temporary, target)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    const code = errnoOf(error)
    // A mount point the checks above missed, or a folder we may not create files in: write in place.
    if (code === 'EBUSY' || code === 'EXDEV' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      await rewriteInPlace(target, data, filler, hooks)
      return 'in-place'
    }
    throw error
  }
  await fsyncDirectory(directory)
  return 'renamed'
}
