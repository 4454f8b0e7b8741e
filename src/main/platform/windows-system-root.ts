// Where Windows itself lives, found without the environment. %SystemRoot% is no proof: a per-user value
// in HKCU\Environment overrides it without admin rights, so a program NetMend starts with admin rights is
// never located through it. The object-manager link \SystemRoot is made by the kernel at boot and no
// account can change it; Win32 reaches it as \\?\GLOBALROOT\SystemRoot, and resolving that path (the
// same call as fs.realpath) gives the real folder, e.g. C:\Windows.
import { realpathSync } from 'node:fs'

const KERNEL_SYSTEM_ROOT = '\\\\?\\GLOBALROOT\\SystemRoot'
/** A plain local folder: drive letter, then names of ordinary characters (no "..", no device or UNC paths). */
const LOCAL_FOLDER = /^[A-Za-z]:(\\[A-Za-z0-9 _()-][A-Za-z0-9 ._()-]*)+$/

export function isLocalWindowsFolder(text: string): boolean {
  return LOCAL_FOLDER.test(text) && !text.split('\\').some((part) => part === '.' || part === '..')
}

/** The Windows folder as the kernel knows it, or undefined where it cannot be resolved (not Windows). */
export function kernelSystemRoot(resolve: (file: string) => string = (file) => realpathSync.native(file)): string | undefined {
  try {
    const real = resolve(KERNEL_SYSTEM_ROOT).replace(/^\\\\\?\\/, '')
    return isLocalWindowsFolder(real) ? real : undefined
  } catch {
    return undefined
  }
}

let cached: { root: string | undefined } | undefined
/** kernelSystemRoot() of this process, resolved once (the link does not change while Windows runs). */
export function trustedSystemRoot(): string | undefined {
  cached ??= { root: process.platform === 'win32' ? kernelSystemRoot() : undefined }
  return cached.root
}

export function powershellUnder(systemRoot: string): string {
  return `${systemRoot}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`
}
