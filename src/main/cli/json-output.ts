import type { DiagnosisReport } from '../../shared/diagnosis'
import { describeCheckSummary } from '../../shared/texts'

/** The documented --json document: exactly these keys, in this order. */
export function jsonDocument(report: DiagnosisReport): string {
  return JSON.stringify({
    verdict: report.verdict,
    findings: report.findings,
    checks: report.checks.map(({ id, status, summary, evidence }) => ({ id, status, summary: describeCheckSummary(summary), evidence: evidence ?? {} })),
    fixes: report.fixes,
    durationMs: report.durationMs,
  })
}
