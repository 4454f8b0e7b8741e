import type { DiagnosisReport } from '../../shared/diagnosis'
import { describeCheckSummary, describeFinding, describeFix, describeVerdict, type DiagnosisTexts } from '../../shared/texts/diagnosis'

/** The documented --json document: exactly these keys, in this order; the words in the person's language. */
export function jsonDocument(report: DiagnosisReport, texts: DiagnosisTexts): string {
  return JSON.stringify({
    verdict: { code: report.verdict.code, ...describeVerdict(report, texts) },
    findings: report.findings.map((finding) => ({ ...finding, explanation: describeFinding(finding, report, texts) })),
    checks: report.checks.map(({ id, status, summary, evidence }) => ({ id, status, summary: describeCheckSummary(summary, texts), evidence: evidence ?? {} })),
    fixes: report.fixes.map((fix) => ({ ...fix, ...describeFix(fix, report, texts) })),
    durationMs: report.durationMs,
  })
}
