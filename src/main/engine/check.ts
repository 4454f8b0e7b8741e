import type { CheckId, CheckStatus, CheckSummary } from '../../shared/diagnosis'
import type { CheckEvidence, DefaultGateway, NetworkInterfaceInfo, ProxySettings, SystemResolversResult } from '../../shared/evidence'
import type { HostsFileRead } from '../platform/hosts-file'
import type { CommandRunner } from '../platform/run-command'
import type { EngineConfig } from './config'
import type { SiteTarget } from './target'

export type { ResolverAnswer, SiteAddress } from '../../shared/evidence'

export interface CheckOutcome<Id extends CheckId = CheckId> {
  status: CheckStatus
  summary: CheckSummary
  /** What the check saw; absent when it stopped before seeing anything. */
  evidence?: CheckEvidence[Id]
}

export type Outcomes = { [Id in CheckId]?: CheckOutcome<Id> }

/** The operating system, as the checks see it; tests and the lab swap parts of it. */
export interface SystemAccess {
  platform: NodeJS.Platform
  run: CommandRunner
  listInterfaces: () => NetworkInterfaceInfo[]
  readDefaultGateways: () => Promise<DefaultGateway[]>
  readSystemResolvers: () => Promise<SystemResolversResult>
  readHostsFile: () => Promise<HostsFileRead>
  /** The proxy settings browsers on this computer use; null when none is set. */
  readProxySettings: () => Promise<ProxySettings | null>
}

export interface CheckContext {
  config: EngineConfig
  target: SiteTarget | null
  system: SystemAccess
  /** Results of the checks this one depends on (all finished). */
  outcomes: Outcomes
  /** Read once per diagnosis and shared by every check that needs it. */
  systemResolvers: () => Promise<SystemResolversResult>
  /** Milliseconds left before this check's deadline. */
  remainingMs: () => number
  /** This computer's clock (milliseconds since 1970): a seam, so tests can set it wrong on purpose. */
  now: () => number
  /**
   * Fires when the router check finds the router there but silent. Probes of what lies beyond it then give up after
   * one unanswered try: with the router silent too, a lost packet no longer explains the silence, and the
   * second try would only delay the verdict.
   */
  routerSilent: AbortSignal
}

/** Something a check cannot tell anything without; see NEEDS in needs.ts for each one's rule and line. */
export type Need = 'network' | 'site' | 'check-host-address' | 'site-address'

export interface Check<Id extends CheckId = CheckId> {
  id: Id
  dependsOn: readonly CheckId[]
  /** Checked in this order before the check runs: the first one missing skips it, with that need's line. */
  needs: readonly Need[]
  /** The longest this check may take, before the overall budget is considered. */
  timeoutMs: number
  run: (context: CheckContext, signal: AbortSignal) => Promise<CheckOutcome<Id>>
}
