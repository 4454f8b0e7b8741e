import { resolve } from 'node:path'
import type { FixId, VerdictCode } from '../../src/shared/diagnosis'
import type { World } from './lab'

// Tests and the benchmark run from the project root (npm and vitest see to that).
export const CLI_BUNDLE = resolve(process.cwd(), 'out/cli/netmend.cjs')

export interface CliJsonReport {
  verdict: { code: VerdictCode; title: string; explanation: string }
  findings: { code: string; severity: string; explanation: string }[]
  checks: { id: string; status: 'pass' | 'warn' | 'fail' | 'skipped'; summary: string; evidence: Record<string, unknown> }[]
  fixes: { id: FixId; title: string; explanation: string }[]
  durationMs: number
}

export interface CliRun {
  code: number | null
  report: CliJsonReport
  stderr: string
}

/** Runs `netmend diagnose --json` inside the world's client namespace, as a user on that network would (with `env` added). */
export async function diagnoseInWorld(world: World, site?: string, env?: Record<string, string>): Promise<CliRun> {
  const argv = ['node', CLI_BUNDLE, 'diagnose', ...(site ? [site] : []), '--json', '--config', world.configPath]
  const result = await world.exec(argv, { timeoutMs: 20_000, ...(env ? { env } : {}) })
  let report: CliJsonReport
  try {
    report = JSON.parse(result.stdout) as CliJsonReport
  } catch {
    throw new Error(`netmend did not print one JSON document (exit ${result.code}):\n${result.stdout}\n${result.stderr}`)
  }
  return { code: result.code, report, stderr: result.stderr }
}

export const fixIds = (run: CliRun): FixId[] => run.report.fixes.map((fix) => fix.id)
export const checkStatus = (run: CliRun, id: string) => run.report.checks.find((check) => check.id === id)?.status
