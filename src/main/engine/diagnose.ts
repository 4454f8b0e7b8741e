import type { DiagnosisEvent, DiagnosisReport, TextParams } from '../../shared/diagnosis'
import type { Check, SystemAccess } from './check'
import { captivePortalCheck } from './checks/captive-portal'
import { gatewayCheck } from './checks/gateway'
import { hijackCheck } from './checks/hijack'
import { interfacesCheck } from './checks/interfaces'
import { internetCheck } from './checks/internet'
import { publicDnsCheck } from './checks/public-dns'
import { siteDnsCheck } from './checks/site-dns'
import { siteHttpCheck } from './checks/site-http'
import { systemDnsCheck } from './checks/system-dns'
import type { EngineConfig } from './config'
import { deriveFacts, type Facts } from './facts'
import { runChecks } from './orchestrator'
import type { SiteTarget } from './target'
import { FINDING_RULES, FIX_GUARDS, VERDICT_RULES } from './verdict-rules'
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
] as Check[]

// Time kept back from the budget to reach a verdict and print it.
const FINISHING_MARGIN_MS = 150

export interface DiagnoseOptions {
  config: EngineConfig
  target: SiteTarget | null
  signal?: AbortSignal
  onEvent?: (event: DiagnosisEvent) => void
  system?: Partial<SystemAccess>
}

function textParams(facts: Facts, target: SiteTarget | null): TextParams {
  const failure = facts.siteFailure
  return {
    ...(target ? { site: target.displayName } : {}),
    ...(failure?.kind === 'server-error'
      ? { status: failure.status, ...(failure.responder ? { errorSource: failure.responder.name, errorSourceIsCdn: failure.responder.isCdn } : {}) }
      : {}),
    ...(failure?.kind === 'tls' ? { tlsFailure: failure.code } : {}),
    ...(failure?.kind === 'unreachable' ? { count: failure.addresses } : {}),
    ...(facts.sitePageMissing !== null ? { missingPageStatus: facts.sitePageMissing } : {}),
  }
}

export function conclude(facts: Facts, target: SiteTarget | null): Omit<DiagnosisReport, 'checks' | 'durationMs' | 'finishedAt'> {
  const rule = VERDICT_RULES.find((candidate) => candidate.when(facts))!
  const fixes = rule.fixes.filter((fix) => !FIX_GUARDS.some((guard) => guard.fix === fix && guard.forbiddenWhen(facts))).map((id) => ({ id }))
  const findings = FINDING_RULES.filter((finding) => finding.when(facts)).map((finding) => ({ code: finding.finding, severity: finding.severity }))
  return { target: target?.url.href ?? null, verdict: { code: rule.verdict }, findings, fixes, params: textParams(facts, target) }
}

/** Runs every check within the configured budget and concludes with one verdict, its findings and fixes. */
export async function diagnose(options: DiagnoseOptions): Promise<DiagnosisReport> {
  const startedAt = Date.now()
  const system = { ...realSystemAccess(), ...options.system }
  let resolvers: ReturnType<SystemAccess['readSystemResolvers']> | undefined
  const { outcomes, reports } = await runChecks({
    checks: ALL_CHECKS,
    context: {
      config: options.config,
      target: options.target,
      system,
      systemResolvers: () => (resolvers ??= system.readSystemResolvers()),
    },
    deadline: startedAt + options.config.budgetMs - FINISHING_MARGIN_MS,
    signal: options.signal,
    onEvent: options.onEvent,
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
