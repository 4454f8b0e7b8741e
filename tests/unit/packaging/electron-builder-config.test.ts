// electron-builder.config.ts, checked without building (electron-builder downloads Electron to build, which
// this machine cannot): against electron-builder's own schema and validator, for every signing situation.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import electronBuilderConfig, { configuration, DEB_DEPENDS, macSigning, windowsSigningMessage } from '../../../electron-builder.config'
import { APP_ID, PRODUCT_NAME } from '../../../src/shared/app-identity'

// app-builder-lib as electron-builder itself loads it: its scheme.json and the validator `electron-builder` runs first.
const fromElectronBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'))
const { validateConfiguration } = fromElectronBuilder('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, debugLogger: { isEnabled: boolean }) => Promise<void>
}
const validate = (config: unknown): Promise<void> => validateConfiguration(config, { isEnabled: false })

const NO_SECRETS = {}
const CERTIFICATE_ONLY = { CSC_LINK: 'base64-p12', CSC_KEY_PASSWORD: 'x' }
const CERTIFICATE_AND_NOTARY = { ...CERTIFICATE_ONLY, APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' }
const DESKTOP_FILE = 'resources/linux/netmend.desktop'

// Loading app-builder-lib and compiling its schema takes seconds on a busy machine.
describe('the installer configuration', { timeout: 60_000 }, () => {
  it.each([
    ['no secrets', NO_SECRETS],
    ['a certificate', CERTIFICATE_ONLY],
    ['a certificate and notarization credentials', CERTIFICATE_AND_NOTARY],
  ])("passes electron-builder's own schema validation with %s", async (_name, env) => {
    await expect(validate(configuration(env))).resolves.toBeUndefined()
  })

  it('the validator is not a pushover: a misspelt option is refused', async () => {
    await expect(validate({ ...configuration(NO_SECRETS), nsis: { perMachine: false, oneClik: true } })).rejects.toThrow(/nsis/)
  })

  it('what electron-builder loads (the default export) is the configuration for the current environment', () => {
    expect(electronBuilderConfig()).toEqual(configuration(process.env))
  })

  it('names the app the way the running app names itself, and packs it into an asar archive', () => {
    const config = configuration(NO_SECRETS)
    expect([config.appId, config.productName, config.asar]).toEqual([APP_ID, PRODUCT_NAME, true])
    expect(JSON.parse(readFileSync('package.json', 'utf8')).productName).toBe(PRODUCT_NAME)
  })

  it('sets the Electron fuses at packaging time', () => {
    expect(configuration(NO_SECRETS).electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    })
  })

  it('Windows: an NSIS installer that installs for the current user, never asking for an administrator, and keeps the data folder', () => {
    const config = configuration(NO_SECRETS)
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false })
  })

  it('macOS: DMGs for Apple Silicon and Intel, with the entitlements file', () => {
    const { mac } = configuration(NO_SECRETS)
    expect(mac?.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }])
    expect(mac?.entitlements).toBe('resources/mac/entitlements.plist')
    expect(readFileSync('resources/mac/entitlements.plist', 'utf8')).toContain('<key>com.apple.security.cs.allow-jit</key>')
  })

  it('macOS signing: ad hoc without a certificate; hardened runtime with one; notarized only with credentials; one line each', () => {
    expect(macSigning(NO_SECRETS)).toMatchObject({ identity: '-', hardenedRuntime: false, notarize: false })
    expect(macSigning(CERTIFICATE_ONLY)).toMatchObject({ identity: undefined, hardenedRuntime: true, notarize: false })
    expect(macSigning(CERTIFICATE_AND_NOTARY)).toMatchObject({ identity: undefined, hardenedRuntime: true, notarize: true })
    expect(macSigning({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' }).notarize).toBe(false)
    expect(macSigning(NO_SECRETS).message).toMatch(/^macOS: no signing certificate .*not notarized/)
    expect(macSigning(CERTIFICATE_ONLY).message).toMatch(/not notarizing/)
    for (const env of [NO_SECRETS, CERTIFICATE_ONLY, CERTIFICATE_AND_NOTARY]) expect(macSigning(env).message).not.toContain('\n')
    expect(windowsSigningMessage(NO_SECRETS)).toMatch(/^Windows: no signing certificate/)
  })

  it('Linux: AppImage and .deb; the .deb brings pkexec for the administrator prompt', () => {
    const config = configuration(NO_SECRETS)
    expect(config.linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ])
    expect(config.deb?.depends).toEqual(DEB_DEPENDS)
    expect(DEB_DEPENDS).toContain('pkexec | policykit-1')
  })

  it('Linux: the desktop entry in resources/ is in Network and Utility, and the installers use its words', () => {
    const entry = configuration(NO_SECRETS).linux?.desktop?.entry
    expect(entry).toMatchObject({ Name: PRODUCT_NAME, Categories: 'Network;Utility;' })
    expect(entry).not.toHaveProperty('Exec')
  })

  // Only a hint remains: two main categories may list the app twice in some menus, which is what we ask for.
  it.skipIf(!existsSync('/usr/bin/desktop-file-validate'))('Linux: desktop-file-validate finds no error or warning in the desktop entry', () => {
    const report = execFileSync('desktop-file-validate', [DESKTOP_FILE], { encoding: 'utf8' })
    expect(report).not.toMatch(/error:|warning:/)
  })

  it('every file the configuration names exists', () => {
    const config = configuration(NO_SECRETS)
    for (const file of [config.win?.icon, config.mac?.icon, config.mac?.entitlements, config.mac?.entitlementsInherit, config.linux?.icon, DESKTOP_FILE])
      expect(existsSync(String(file)), String(file)).toBe(true)
  })
})
