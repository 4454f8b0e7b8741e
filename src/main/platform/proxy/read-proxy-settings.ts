// Which proxy this computer's browsers are set to use, from the place each system keeps it: the desktop's
// settings first (what browsers read), the environment variables last (what command-line programs read).
import path from 'node:path'
import type { ProxySettings } from '../../../shared/evidence'
import { readBoundedFile } from '../bounded-file'
import { stdoutOf, type CommandRunner } from '../run-command'
import { trustedSystemRoot } from '../windows-system-root'
import { parseEnvironmentProxy } from './env-proxy'
import { parseGnomeProxy } from './gnome-proxy'
import { parseKdeProxy } from './kde-proxy'
import { parseScutilProxy } from './scutil-proxy'
import { parseInternetSettings } from './windows-internet-settings'
import { parseWinHttpProxy } from './winhttp-proxy'

const INTERNET_SETTINGS_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings'
const MAX_KIOSLAVERC_BYTES = 256 * 1024

export interface ProxyReadOptions {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  run: CommandRunner
  /** The Windows folder as the kernel knows it; its programs are run by absolute path, never through PATH. */
  systemRoot?: string
}

async function windowsSettings({ run, systemRoot }: ProxyReadOptions): Promise<ProxySettings | null> {
  if (systemRoot === undefined) return null
  const system32 = `${systemRoot}\\System32`
  const internet = await stdoutOf(run, `${system32}\\reg.exe`, ['query', INTERNET_SETTINGS_KEY])
  const fromInternetSettings = internet === undefined ? null : parseInternetSettings(internet)
  if (fromInternetSettings) return fromInternetSettings
  const winHttp = await stdoutOf(run, `${system32}\\netsh.exe`, ['winhttp', 'show', 'proxy'])
  return winHttp === undefined ? null : parseWinHttpProxy(winHttp)
}

async function linuxDesktopSettings({ env, run }: ProxyReadOptions): Promise<ProxySettings | null> {
  const desktop = env.XDG_CURRENT_DESKTOP ?? ''
  if (/KDE/i.test(desktop)) {
    const configHome = env.XDG_CONFIG_HOME || (env.HOME ? path.join(env.HOME, '.config') : undefined)
    if (configHome === undefined) return null
    const read = await readBoundedFile(path.join(configHome, 'kioslaverc'), MAX_KIOSLAVERC_BYTES)
    return read.ok ? parseKdeProxy(read.text, env) : null
  }
  if (/GNOME|Unity|Cinnamon|Budgie|Pantheon|MATE/i.test(desktop)) {
    const output = await stdoutOf(run, '/usr/bin/gsettings', ['list-recursively', 'org.gnome.system.proxy'])
    return output === undefined ? null : parseGnomeProxy(output)
  }
  return null
}

/** The first source that names a proxy or a PAC file; null when none does. */
export async function readProxySettings(options: ProxyReadOptions): Promise<ProxySettings | null> {
  const system =
    options.platform === 'win32'
      ? await windowsSettings({ ...options, systemRoot: options.systemRoot ?? trustedSystemRoot() })
      : options.platform === 'darwin'
        ? await stdoutOf(options.run, '/usr/sbin/scutil', ['--proxy']).then((output) => (output === undefined ? null : parseScutilProxy(output)))
        : await linuxDesktopSettings(options)
  return system ?? parseEnvironmentProxy(options.env)
}
