import type { DiagnosisReport } from '../../../shared/diagnosis'
import { VERDICT_SIDES } from '../sides'
import { describeVerdict } from '../../../shared/texts/diagnosis'
import { durationText } from '../../../shared/texts/shape'
import { Findings } from './Findings'
import { SidePath } from './SidePath'
import { useTexts } from '../texts-context'

/** What happened, whose side it is on, and what was found, in everyday words. */
export function VerdictCard({ report }: { report: DiagnosisReport }): React.JSX.Element {
  const t = useTexts()
  const { verdict } = report
  const words = describeVerdict(report, t.diagnosis)
  const side = VERDICT_SIDES[verdict.code] ?? 'unknown'
  const tone = verdict.code === 'ok' ? 'ok' : side === 'unknown' ? 'neutral' : 'problem'
  return (
    <section className={`card verdict verdict--${tone}`} aria-labelledby="verdict-heading" data-verdict={verdict.code} data-side={side}>
      <h2 id="verdict-heading" className="eyebrow">
        {t.verdictCard.heading}
      </h2>
      <h3 className="verdict-title">{words.title}</h3>
      <SidePath side={side} />
      <p className="verdict-explanation">{words.explanation}</p>
      <Findings report={report} />
      <p className="muted small">{t.verdictCard.checkedIn(durationText(report.durationMs, t.locale))}</p>
    </section>
  )
}
