import type { DiagnosisReport } from '../../../shared/diagnosis'
import { describeVerdict } from '../../../shared/texts'
import { VERDICT_CARD_TEXTS, VERDICT_SIDES } from '../../../shared/ui-texts'
import { formatSeconds } from '../format'
import { Findings } from './Findings'
import { SidePath } from './SidePath'

/** What happened, whose side it is on, and what was found, in everyday words. */
export function VerdictCard({ report }: { report: DiagnosisReport }): React.JSX.Element {
  const { verdict } = report
  const words = describeVerdict(report)
  const side = VERDICT_SIDES[verdict.code] ?? 'unknown'
  const tone = verdict.code === 'ok' ? 'ok' : side === 'unknown' ? 'neutral' : 'problem'
  return (
    <section className={`card verdict verdict--${tone}`} aria-labelledby="verdict-heading" data-verdict={verdict.code} data-side={side}>
      <h2 id="verdict-heading" className="eyebrow">
        {VERDICT_CARD_TEXTS.heading}
      </h2>
      <h3 className="verdict-title">{words.title}</h3>
      <SidePath side={side} />
      <p className="verdict-explanation">{words.explanation}</p>
      <Findings report={report} />
      <p className="muted small">{VERDICT_CARD_TEXTS.checkedIn(formatSeconds(report.durationMs))}</p>
    </section>
  )
}
