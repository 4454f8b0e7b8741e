import type { CheckId, CheckReport, DiagnosisEvent } from '../../shared/diagnosis'
import { CHECK_SUMMARIES, CHECK_TITLES } from '../../shared/texts'
import type { Check, CheckContext, CheckOutcome, Outcomes } from './check'
import { unmetNeed } from './needs'

export interface RunChecksOptions {
  checks: readonly Check[]
  /** Everything but the outcomes, which the orchestrator fills in as checks finish. */
  context: Omit<CheckContext, 'outcomes' | 'remainingMs'>
  deadline: number
  signal?: AbortSignal
  onEvent?: (event: DiagnosisEvent) => void
}

export interface ChecksRun {
  outcomes: Outcomes
  reports: CheckReport[]
}

const skipped = (summary: string): CheckOutcome => ({ status: 'skipped', summary, data: {} })
const outOfTime = (): CheckOutcome => skipped(CHECK_SUMMARIES.skippedOutOfTime())
// A check that throws has a bug; the diagnosis still finishes, and the evidence keeps the message for the report.
const crashed = (error: unknown): CheckOutcome => ({ status: 'skipped', summary: CHECK_SUMMARIES.checkCrashed(), data: { error: String(error) } as CheckOutcome['data'] })

/**
 * Starts every check as soon as the checks it depends on have finished; each runs under its own
 * deadline and the overall one, so a silent network can delay the diagnosis but never hang it. A check
 * whose needs are not met is skipped here, with the line of the first one missing, and never runs.
 */
export async function runChecks(options: RunChecksOptions): Promise<ChecksRun> {
  const { checks, deadline } = options
  const outcomes: Outcomes = {}
  const reports = new Map<CheckId, CheckReport>()
  const started = new Set<CheckId>()

  const runOne = async (check: Check): Promise<void> => {
    started.add(check.id)
    options.onEvent?.({ type: 'check-started', id: check.id, title: CHECK_TITLES[check.id] })
    const startedAt = performance.now()
    const checkDeadline = Math.min(deadline, Date.now() + check.timeoutMs)
    const signals = [AbortSignal.timeout(Math.max(1, checkDeadline - Date.now()))]
    if (options.signal) signals.push(options.signal)
    const signal = AbortSignal.any(signals)
    const context: CheckContext = { ...options.context, outcomes, remainingMs: () => Math.max(0, checkDeadline - Date.now()) }
    const unmet = unmetNeed(check.needs, context)
    let timer: NodeJS.Timeout | undefined
    const expiry = new Promise<CheckOutcome>((resolve) => {
      timer = setTimeout(() => resolve(outOfTime()), Math.max(0, checkDeadline - Date.now()) + 25)
    })
    const outcome = unmet !== null ? skipped(unmet) : await Promise.race([check.run(context, signal).catch(crashed), expiry])
    clearTimeout(timer)
    ;(outcomes as Record<CheckId, CheckOutcome>)[check.id] = outcome
    const report: CheckReport = {
      id: check.id,
      status: outcome.status,
      summary: outcome.summary,
      evidence: outcome.data as Record<string, unknown>,
      durationMs: Math.round(performance.now() - startedAt),
    }
    reports.set(check.id, report)
    options.onEvent?.({ type: 'check-finished', check: report })
  }

  const running = new Map<CheckId, Promise<void>>()
  const ready = (check: Check): boolean => check.dependsOn.every((id) => reports.has(id))
  await new Promise<void>((resolve) => {
    const startReady = (): void => {
      for (const check of checks) {
        if (started.has(check.id) || !ready(check)) continue
        running.set(
          check.id,
          runOne(check).then(() => {
            running.delete(check.id)
            startReady()
          }),
        )
      }
      if (running.size === 0) resolve()
    }
    startReady()
  })

  return { outcomes, reports: checks.map((check) => reports.get(check.id)).filter((report): report is CheckReport => report !== undefined) }
}
