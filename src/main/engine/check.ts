import type { CheckId, CheckStatus } from '../../shared/diagnosis'
import type { DnsResponse } from '../dns/client'
import type { CommandRunner } from '../platform/run-command'
import type { DefaultGateway } from '../platform/gateway'
import type { NetworkInterfaceInfo } from '../platform/interfaces'
import type { SystemResolversResult } from '../platform/system-resolvers'
import type { PinnedFetchResult } from './probes/http-pinned'
import type { TcpConnectResult } from './probes/tcp-connect'
import type { EngineConfig } from './config'
import type { SiteTarget } from './target'

/** One resolver's answer to one question, as a check records it. */
export interface ResolverAnswer {
  resolver: string
  label: string
  response: DnsResponse
}

export interface InterfacesData { interfaces: NetworkInterfaceInfo[] }
export interface GatewayData { gateways: DefaultGateway[]; answering: string[] }
export interface InternetData { targets: TcpConnectResult[] }
export interface ResolverHealthData { question: string; answers: ResolverAnswer[]; resolversRead?: SystemResolversResult }
export interface HijackData { question: string; system: ResolverAnswer[]; public: ResolverAnswer[] }
export interface CaptivePortalData { url: string; address?: string; fetch?: PinnedFetchResult }
export interface SiteDnsData { host: string; system: ResolverAnswer[]; public: ResolverAnswer[] }
export interface SiteAddress { address: string; from: ('system' | 'public')[] }
export interface SiteHttpData {
  url: string
  addresses: SiteAddress[]
  fetches: PinnedFetchResult[]
  /** How long each fetch was allowed: a timeout much shorter than a slow site needs proves nothing. */
  timeoutMs?: number
}

export interface CheckDataMap {
  'net.interfaces': InterfacesData
  'net.gateway': GatewayData
  'net.internet': InternetData
  'dns.system': ResolverHealthData
  'dns.public': ResolverHealthData
  'dns.hijack': HijackData
  'portal.captive': CaptivePortalData
  'site.dns': SiteDnsData
  'site.http': SiteHttpData
}

export interface CheckOutcome<Id extends CheckId = CheckId> {
  status: CheckStatus
  summary: string
  data: Partial<CheckDataMap[Id]>
}

export type Outcomes = { [Id in CheckId]?: CheckOutcome<Id> }

/** The operating system, as the checks see it; tests and the lab swap parts of it. */
export interface SystemAccess {
  platform: NodeJS.Platform
  run: CommandRunner
  listInterfaces: () => NetworkInterfaceInfo[]
  readDefaultGateways: () => Promise<DefaultGateway[]>
  readSystemResolvers: () => Promise<SystemResolversResult>
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
