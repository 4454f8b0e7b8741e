import { setMaxListeners } from 'node:events'
import type { DiagnosisEvent, DiagnosisReport } from '../../shared/diagnosis'
import type { Check, SystemAccess } from './check'
import { captivePortalCheck } from './checks/captive-portal'
import { clockCheck } from './checks/clock'
import { gatewayCheck } from './checks/gateway'
import { hijackCheck } from './checks/hijack'
import { interfacesCheck } from './checks/interfaces'
import { internetCheck } from './checks/internet'
import { publicDnsCheck } from './checks/public-dns'
import { siteDnsCheck } from './checks/site-dns'
import { siteHostsCheck } from './checks/site-hosts'
import { siteHttpCheck } from './checks/site-http'
import { siteProxyCheck } from './checks/site-proxy'
import { systemDnsCheck } from './checks/system-dns'
import type { EngineConfig } from './config'
import { deriveFacts } from './facts'
import { runChecks } from './orchestrator'
import type { SiteTarget } from './target'
import { conclude } from './verdict-rules'
import { realSystemAccess } from './system-access'

export const ALL_CHECKS: readonly Check[] = [
  interfacesCheck,
  gatewayCheck,
  internetCheck,
  systemDnsCheck,
  publicDnsCheck,
  hijackCheck,
  captivePortalCheck,
  siteDnsCheck,
  siteHttpCheck,
  siteHostsCheck,
  siteProxyCheck,
  clockCheck,
] as Check[]

// Time kept back from the budget to reach a verdict and print it.
const FINISHING_MARGIN_MS = 150

export interface DiagnoseOptions {
  config: EngineConfig
  target: SiteTarget | null
  signal?: AbortSignal
  onEvent?: (event: DiagnosisEvent) => void
  system?: Partial<SystemAccess>
  /** This computer's clock; tests set it wrong on purpose. */
  now?: () => number
}

/** Runs every check within the configured budget and concludes with one verdict, its findings and fixes. */
export async function diagnose(options: DiagnoseOptions): Promise<DiagnosisReport> {
  const startedAt = Date.now()
  const system = { ...realSystemAccess(), ...options.system }
  let resolvers: ReturnType<SystemAccess['readSystemResolvers']> | undefined
  const routerSilent = new AbortController()
  // Every DNS question and connection of the diagnosis listens to it, dozens of them: not a leak.
  setMaxListeners(0, routerSilent.signal)
  const { outcomes, reports } = await runChecks({
    checks: ALL_CHECKS,
    context: {
      config: options.config,
      target: options.target,
      system,
      systemResolvers: () => (resolvers ??= system.readSystemResolvers()),
      now: options.now ?? Date.now,
      routerSilent: routerSilent.signal,
    },
    deadline: startedAt + options.config.budgetMs - FINISHING_MARGIN_MS,
    signal: options.signal,
    onEvent: (event) => {
      // Only a router that is there and silent: with no router found (a VPN's default route names none), what lies
      // beyond may well answer, only slowly.
      if (event.type === 'check-finished' && event.check.summary.code === 'gateway-silent') routerSilent.abort()
      options.onEvent?.(event)
    },
  })
  const report: DiagnosisReport = {
    ...conclude(deriveFacts(outcomes, options.target !== null), options.target),
    checks: reports,
    durationMs: Date.now() - startedAt,
    finishedAt: new Date().toISOString(),
  }
  options.onEvent?.({ type: 'finished', report })
  return report
}
