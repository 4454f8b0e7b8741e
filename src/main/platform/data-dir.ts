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
