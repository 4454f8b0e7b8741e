// The first thing every entry point does (the app, the test bridge, `netmend diagnose`, `netmend dns`).
import { failure, type Result } from '../../shared/result'
import type { DnsSettingsService } from './service'
import type { DnsSettingsErrorCode } from './types'

/** What start-up found: nothing unfinished, a change it undid, or why undoing it failed. */
export type StartupRecovery = Result<{ recovered: boolean }, DnsSettingsErrorCode>

/**
 * Undoes a DNS change that a crash, a kill or a power cut left unconfirmed, before anything else runs, and
 * hands back what happened as a value for the caller to tell in its own words.
 */
export async function recoverAtStart(service: Pick<DnsSettingsService, 'recoverUnfinished'>): Promise<StartupRecovery> {
  try {
    return await service.recoverUnfinished()
  } catch (error) {
    return failure('dns-settings.rollback-failed', error instanceof Error ? error.message : String(error))
  }
}
