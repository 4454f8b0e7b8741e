import type { CheckStatus, DiagnosisEvent, DiagnosisReport } from '../../shared/diagnosis'
import { describeCheckSummary, describeFinding, describeFix, describeVerdict } from '../../shared/texts/diagnosis'
import { durationText } from '../../shared/texts/shape'
import type { CliTexts } from './texts'

export interface Painter {
  bold: (text: string) => string
  status: (status: CheckStatus, text: string) => string
  dim: (text: string) => string
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', green: '\x1b[32m', yellow: '\x1b[33m', red: '\x1b[31m' }
const STATUS_COLOUR: Record<CheckStatus, string> = { pass: ANSI.green, warn: ANSI.yellow, fail: ANSI.red, skipped: ANSI.dim }
export const STATUS_MARK: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', skipped: '-' }

export function painter(colour: boolean): Painter {
  if (!colour) return { bold: (text) => text, status: (_status, text) => text, dim: (text) => text }
  return {
    bold: (text) => `${ANSI.bold}${text}${ANSI.reset}`,
    status: (status, text) => `${STATUS_COLOUR[status]}${text}${ANSI.reset}`,
    dim: (text) => `${ANSI.dim}${text}${ANSI.reset}`,
  }
}

/** One checklist line per finished check, printed the moment it finishes. */
export function checklistLine(event: DiagnosisEvent, paint: Painter, texts: CliTexts): string | null {
  if (event.type !== 'check-finished') return null
  const { check } = event
  return `${paint.status(check.status, STATUS_MARK[check.status])} ${texts.diagnosis.checkTitles[check.id]}: ${paint.dim(describeCheckSummary(check.summary, texts.diagnosis))}`
}

export function conclusionText(report: DiagnosisReport, paint: Painter, texts: CliTexts): string {
  const verdict = describeVerdict(report, texts.diagnosis)
  const lines = ['', paint.bold(verdict.title), verdict.explanation]
  const notable = report.findings.filter((finding) => finding.severity !== 'info')
  if (notable.length > 0) {
    lines.push('', paint.bold(texts.cli.whatWeFound))
    for (const finding of notable) lines.push(`  • ${describeFinding(finding, report, texts.diagnosis)}`)
  }
  if (report.fixes.length > 0) {
    lines.push('', paint.bold(texts.cli.whatYouCanDo))
    report.fixes.forEach((fix, index) => {
      const { title, explanation } = describeFix(fix, report, texts.diagnosis)
      lines.push(`  ${index + 1}. ${title} — ${explanation}`)
    })
  }
  lines.push('', paint.dim(texts.cli.checkedIn(durationText(report.durationMs, texts.locale))))
  return lines.join('\n')
}
