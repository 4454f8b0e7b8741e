// The main process's one composition root: everything the window's handlers need, built once from the
// platform's effects. The Electron entry and the end-to-end bridge both call it, each with its own
// clipboard, save dialog, notifications and admin prompt, so the code the tests run is the code the app runs.
import { PRODUCT_NAME } from '../../shared/app-identity'
import type { StartupNotes } from '../../shared/contract'
import { describeDnsFailure, DNS_SETTINGS_TEXTS } from '../../shared/texts/dns-settings'
import type { Failure } from '../../shared/result'
import { createDnsSettingsService, type DnsSettingsServiceOptions } from '../dns-settings'
import type { ElevationRunner } from '../dns-settings/elevation-runners'
import { recoverAtStart, type StartupRecovery } from '../dns-settings/startup'
import type { ConfigErrorCode } from '../../shared/errors'
import { DEFAULT_CONFIG, loadConfig } from '../engine/config'
import { diagnose } from '../engine/diagnose'
import { createHistoryStore } from '../history/history-store'
import { guardAll, type GuardedHandlers } from '../ipc/guard'
import { createMainHandlers, type MainDependencies, type MainHandlers } from '../ipc/handlers'
import { listActiveInterfaces } from '../platform/interfaces'

const WATCH_INTERVAL_MS = 60_000
const CONFIRM_WINDOW_MS = 20_000

/** What only the platform can do; everything else is built here. */
export type PlatformEffects = Pick<MainDependencies, 'language' | 'emit' | 'copyText' | 'saveText' | 'notify' | 'openHelp'> & {
  /** Runs one fixed script with admin rights after the OS asks the person for their password. */
  adminPrompt: ElevationRunner
}

export interface MainPaths {
  /** History and the DNS-settings journal; shared with the CLI. */
  dataDir: string
  /** Our page: the only sender the IPC guard lets through. */
  pageUrl: string
}

export interface ComposeOptions {
  /** The settings file; without it, the one NETMEND_CONFIG names, else the defaults. */
  configPath?: string | null
  env?: NodeJS.ProcessEnv
  watchIntervalMs?: number
  /** How long "Keep these settings?" waits before putting the old ones back. */
  confirmWindowMs?: number
  /** The engine; the real one unless a test stands in a failing or endless one around it. */
  diagnose?: MainDependencies['diagnose']
  /** false: this process may not change DNS settings (the window then says "not available yet"). Otherwise test seams for the service. */
  dnsSettings?: false | Omit<DnsSettingsServiceOptions, 'dataDir' | 'elevate'>
}

export interface MainProcess {
  handlers: MainHandlers & { dispose: () => Promise<void> }
  /** The same handlers behind the IPC guard (sender and argument checked): what messages are handed to. */
  ipc: GuardedHandlers
  /** Set when the settings file could not be used: the defaults are in force, and the person should be told. */
  configProblem: Failure<ConfigErrorCode> | null
  /** What start-up did about a DNS change left unconfirmed (null when DNS settings are off). */
  recovery: StartupRecovery | null
}

/** What start-up found, for the window: nothing when there was nothing to undo and the settings file was fine. */
function startupNotes(recovery: StartupRecovery | null, configProblem: Failure<ConfigErrorCode> | null): StartupNotes {
  const undone = recovery !== null && (!recovery.ok || recovery.recovered)
  return { settings: configProblem, dnsRecovery: undone ? (recovery.ok ? { ok: true, recovered: true } : recovery) : null }
}

/** What start-up recovery did, said to the person; nothing when there was nothing to undo. */
function tellRecovery(recovery: StartupRecovery | null, effects: PlatformEffects): void {
  if (recovery === null || (recovery.ok && !recovery.recovered)) return
  const texts = DNS_SETTINGS_TEXTS[effects.language]
  effects.notify(PRODUCT_NAME, recovery.ok ? texts.recovered : describeDnsFailure(recovery, texts))
}

export async function composeMain(effects: PlatformEffects, paths: MainPaths, options: ComposeOptions = {}): Promise<MainProcess> {
  const loaded = await loadConfig(options.configPath, options.env)
  const { adminPrompt, ...windowEffects } = effects
  const dnsSettings = options.dnsSettings === false ? null : createDnsSettingsService({ ...options.dnsSettings, dataDir: paths.dataDir, elevate: adminPrompt })
  // A DNS change left unconfirmed by a crash or a kill is undone before the window can start anything.
  const recovery = dnsSettings === null ? null : await recoverAtStart(dnsSettings)
  tellRecovery(recovery, effects)
  const configProblem = loaded.ok ? null : loaded
  const handlers = createMainHandlers({
    ...windowEffects,
    config: loaded.ok ? loaded.config : DEFAULT_CONFIG,
    diagnose: options.diagnose ?? diagnose,
    dnsSettings,
    listInterfaces: () => listActiveInterfaces(),
    history: createHistoryStore(paths.dataDir),
    watchIntervalMs: options.watchIntervalMs ?? WATCH_INTERVAL_MS,
    confirmWindowMs: options.confirmWindowMs ?? CONFIRM_WINDOW_MS,
    startupNotes: startupNotes(recovery, configProblem),
  })
  return { handlers, ipc: guardAll(handlers, paths.pageUrl), configProblem, recovery }
}
