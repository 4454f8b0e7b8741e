// What each operating system's DNS-settings module provides to the transaction code in service.ts.
import type { Result } from '../../shared/result'
import type { AdapterDnsSettings, AdapterState, DnsSettingsErrorCode, Step } from './types'

export interface AdapterReading {
  adapter: AdapterDnsSettings
  state: AdapterState
}

export type ReadResult = Result<{ readings: AdapterReading[] }, DnsSettingsErrorCode>
export type PlanResult = Result<{ steps: Step[] }, DnsSettingsErrorCode>

export interface DnsBackend {
  /**
   * Every adapter whose DNS can be read, with what it would take to put it back; with `also`, those saved
   * adapters too where the system keeps them while not in use (NetworkManager profiles no longer active).
   */
  read(also?: readonly AdapterState[]): Promise<ReadResult>
  /** The steps that make `state`'s adapter use `servers` (validated by the caller). */
  planApply(state: AdapterState, servers: readonly string[]): PlanResult
  /**
   * The steps that put `saved` back, given what the adapters look like now; none when nothing differs.
   * Adapters are found again by their stable key (Windows: GUID, then name).
   */
  planRestore(saved: AdapterState, current: readonly AdapterState[]): PlanResult
  /** The servers the system now uses for `state`'s adapter, first first; for verification. */
  serversInUse(state: AdapterState): string[]
}
