// The installers: `npm run dist` builds them for the OS it runs on (electron-builder downloads Electron for
// that, so it needs internet; .github/workflows/release.yml builds all three). tests/unit/packaging checks
// this configuration against electron-builder's own schema and what it would pack.
import { readFileSync } from 'node:fs'
import type { Configuration } from 'electron-builder'
import { APP_ID, PRODUCT_NAME } from './src/shared/app-identity'

type Env = Record<string, string | undefined>

/** Rendered by `npm run icons` (scripts/render-icons.mjs); packed beside the app as resources/tray.png. */
export const TRAY_ICON_SOURCE = 'resources/icons/32x32.png'

/** Any one of these sets of variables lets electron-builder notarize (App Store Connect key, Apple ID, or a keychain profile). */
const NOTARIZATION_CREDENTIALS = [['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'], ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'], ['APPLE_KEYCHAIN_PROFILE']]

export interface MacSigning {
  /** undefined: the Developer ID certificate given by CSC_LINK/CSC_NAME; '-': ad hoc (Apple Silicon runs nothing unsigned). */
  identity: string | undefined
  /** The hardened runtime's library validation needs a team id, which an ad hoc signature does not have. */
  hardenedRuntime: boolean
  notarize: boolean
  /** One line for whoever runs the build. */
  message: string
}

export function macSigning(env: Env): MacSigning {
  const certificate = Boolean(env.CSC_LINK || env.CSC_NAME)
  const notarize = certificate && NOTARIZATION_CREDENTIALS.some((names) => names.every((name) => env[name]))
  if (!certificate)
    return {
      identity: '-',
      hardenedRuntime: false,
      notarize: false,
      message: 'macOS: no signing certificate (CSC_LINK or CSC_NAME), so the app is signed ad hoc and not notarized; macOS will ask people to allow it in System Settings.',
    }
  return {
    identity: undefined,
    hardenedRuntime: true,
    notarize,
    message: notarize
      ? 'macOS: signing with the Developer ID certificate and notarizing.'
      : 'macOS: signing with the Developer ID certificate; not notarizing (no APPLE_API_KEY/APPLE_ID/APPLE_KEYCHAIN_PROFILE credentials).',
  }
}

export function windowsSigningMessage(env: Env): string {
  return env.CSC_LINK || env.WIN_CSC_LINK
    ? 'Windows: signing the installer with the certificate from CSC_LINK/WIN_CSC_LINK.'
    : 'Windows: no signing certificate (CSC_LINK or WIN_CSC_LINK), so the installer is unsigned; SmartScreen will warn before it runs.'
}

/** Keys of resources/linux/netmend.desktop that describe the app; electron-builder writes Exec, Icon and Type itself. */
const DESCRIPTIVE_DESKTOP_KEYS = ['Name', 'GenericName', 'Comment', 'Categories', 'Keywords']

export function desktopEntry(desktopFile: string): Record<string, string> {
  const entries = desktopFile
    .split(/\r?\n/)
    .map((line) => /^([A-Za-z]+)=(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && DESCRIPTIVE_DESKTOP_KEYS.includes(match[1]!))
  return Object.fromEntries(entries.map((match) => [match[1]!, match[2]!]))
}

// Electron's own runtime libraries (electron-builder's default list, which setting `depends` replaces),
// plus pkexec: on Linux the administrator password prompt for changing DNS settings is polkit's.
export const DEB_DEPENDS = ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0', 'pkexec | policykit-1']

/** Set in the Electron binary when packaging (scripts/verify-fuses.ts checks a packaged app against them). */
export const ELECTRON_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
} as const satisfies Configuration['electronFuses']

export function configuration(env: Env): Configuration {
  const signing = macSigning(env)
  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    directories: { output: 'dist', buildResources: 'resources' },
    // The built app only: main, preload and renderer bundles. Production dependencies are added by electron-builder.
    files: ['out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*', '!**/*.map', 'package.json'],
    asar: true,
    // The tray icon shown while NetMend watches a site with its window closed (src/main/electron/background.ts).
    extraResources: [{ from: TRAY_ICON_SOURCE, to: 'tray.png' }],
    // No native modules: nothing to rebuild for Electron's ABI.
    npmRebuild: false,
    publish: null,
    artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
    electronFuses: ELECTRON_FUSES,
    win: {
      target: [{ target: 'nsis', arch: ['x64'] }],
      icon: 'resources/icon.ico',
    },
    nsis: {
      // Installs for the current user into their profile: no administrator needed to install.
      oneClick: true,
      perMachine: false,
      allowElevation: false,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      // The data folder holds original.json, the settings `netmend dns revert` puts back: never deleted.
      deleteAppDataOnUninstall: false,
    },
    mac: {
      target: [{ target: 'dmg', arch: ['arm64', 'x64'] }],
      category: 'public.app-category.utilities',
      icon: 'resources/icon.icns',
      darkModeSupport: true,
      entitlements: 'resources/mac/entitlements.plist',
      entitlementsInherit: 'resources/mac/entitlements.plist',
      identity: signing.identity,
      hardenedRuntime: signing.hardenedRuntime,
      notarize: signing.notarize,
    },
    dmg: { sign: false },
    linux: {
      target: [
        { target: 'AppImage', arch: ['x64'] },
        { target: 'deb', arch: ['x64'] },
      ],
      executableName: 'netmend',
      icon: 'resources/icons',
      category: 'Network',
      synopsis: 'Finds out why a website will not load, and fixes what it can',
      maintainer: 'NetMend developers',
      desktop: { entry: desktopEntry(readFileSync(new URL('./resources/linux/netmend.desktop', import.meta.url), 'utf8')) },
    },
    deb: { depends: DEB_DEPENDS, priority: 'optional' },
  }
}

/** What electron-builder loads: the configuration for this environment, after saying how it will be signed. */
export default function electronBuilderConfig(): Configuration {
  if (process.platform === 'darwin') console.log(macSigning(process.env).message)
  if (process.platform === 'win32') console.log(windowsSigningMessage(process.env))
  return configuration(process.env)
}
