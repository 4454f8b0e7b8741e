import type { DiagnosisReport } from '../../shared/diagnosis'
import { describeCheckSummary, describeFinding, describeFix, describeVerdict } from '../../shared/texts'

/** The documented --json document: exactly these keys, in this order. */
export function jsonDocument(report: DiagnosisReport): string {
  return JSON.stringify({
    verdict: { code: report.verdict.code, ...describeVerdict(report) },
    findings: report.findings.map((finding) => ({ ...finding, explanation: describeFinding(finding, report) })),
    checks: report.checks.map(({ id, status, summary, evidence }) => ({ id, status, summary: describeCheckSummary(summary), evidence: evidence ?? {} })),
    fixes: report.fixes.map((fix) => ({ ...fix, ...describeFix(fix, report) })),
    durationMs: report.durationMs,
  })
}
