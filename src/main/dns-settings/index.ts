// Changing DNS settings safely: switch, verify, roll back by itself, revert exactly, flush.
// The desktop app calls this through IPC; the CLI (`netmend dns …`) calls it directly. Never imports 'electron'.
//
// The app's "Keep these settings?" countdown: after use() succeeds, call confirm() when the person says
// "keep"; when the countdown runs out, call recoverUnfinished(), which undoes a switch that this process
// (or a dead one) left unconfirmed. Call recoverUnfinished() at start as well: what it found is a value to
// show (a change undone, one still running in another NetMend, a damaged record, a data folder it must not
// trust or cannot write), never a throw.
import { netmendDataDir } from '../platform/data-dir'
import { runCommand, type CommandRunner } from '../platform/run-command'
import type { DnsBackend } from './backend'
import { createStepExecutor } from './elevation'
import type { ElevationRunner } from './elevation-runners'
import { createLinuxBackend } from './linux'
import { createMacBackend } from './macos'
import { createService, type DnsSettingsService, type TransactionStep } from './service'
import { adminOnlyStateProblem } from './state-trust'
import { createStore } from './store'
import type { VerifyDeps } from './verify'
import { createWindowsBackend } from './windows'
import { failure } from '../../shared/result'

export type { DnsSettingsService, TransactionStep } from './service'
export type { AdapterDnsSettings, DnsOwner, DnsSource, FamilyDns, VerificationReport, ServerCheck, DnsSettingsErrorCode } from './types'
export type { Result } from '../../shared/result'

export interface DnsSettingsServiceOptions {
  platform?: NodeJS.Platform
  run?: CommandRunner
  dataDir?: string
  // Test seams:
  backend?: DnsBackend
  /**
   * Whether this process already has admin rights, so steps run without a prompt; default: root on
   * Linux/macOS, an elevated process on Windows. (Whether the data folder must then be administrators'
   * alone is decided from the real rights, never from this.)
   */
  isElevated?: () => Promise<boolean>
  /** Asks for admin rights and runs one fixed script; default: the system's own prompt (elevation-runners.ts). */
  elevate?: ElevationRunner
  verify?: VerifyDeps
  /** Called when a change reaches a step; the CLI's test-only pause hook. */
  onStep?: (step: TransactionStep) => Promise<void> | void
  /** Linux: where a system program is (default: the system folders, root-only.ts). Which programs stay fixed. */
  locateTool?: (name: string) => Promise<string | undefined>
  /** Writes /etc/resolv.conf's target when already root (default: durable temp+rename, or in place on a mount point). */
  writeSystemFile?: (file: string, data: Buffer) => Promise<unknown>
}

function unsupportedBackend(platform: string): DnsBackend {
  const unsupported = failure('dns-settings.unsupported', platform)
  return {
    read: async () => unsupported,
    planApply: () => unsupported,
    planRestore: () => unsupported,
    serversInUse: () => [],
  }
}

export function createDnsSettingsService(options: DnsSettingsServiceOptions = {}): DnsSettingsService {
  const platform = options.platform ?? process.platform
  const run = options.run ?? runCommand
  const dataDir = options.dataDir ?? netmendDataDir()
  const store = createStore(dataDir, { platform })

  let backend = options.backend
  // The process's real admin rights, for the data-folder rule; never a test seam.
  let reallyAdmin = async (): Promise<boolean> => process.getuid?.() === 0
  if (platform === 'win32') {
    const windows = createWindowsBackend({ run })
    backend ??= windows
    reallyAdmin = () => windows.isAdmin()
  } else if (backend === undefined) {
    if (platform === 'darwin') {
      backend = createMacBackend({ run })
    } else if (platform === 'linux') {
      backend = createLinuxBackend({ run })
    } else {
      backend = unsupportedBackend(platform)
    }
  }
  const isElevated = options.isElevated ?? reallyAdmin

  const executor = createStepExecutor({
    platform,
    run,
    isElevated,
    elevate: options.elevate,
    locateTool: options.locateTool,
    writeSystemFile: options.writeSystemFile,
  })
  const runPlain = async (file: string, args: string[]): Promise<boolean> => (await run(file, args).catch(() => undefined))?.ok === true

  return createService({
    platform,
    backend,
    store,
    executor,
    runPlain,
    verify: options.verify,
    onStep: options.onStep,
    stateProblem: async () => ((await reallyAdmin()) ? adminOnlyStateProblem(store.directory, platform, run) : undefined),
  })
}
