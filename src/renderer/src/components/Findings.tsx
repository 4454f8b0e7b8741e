import type { DiagnosisReport } from '../../../shared/diagnosis'
import { describeFinding } from '../../../shared/texts/diagnosis'
import { useTexts } from '../texts-context'

const GLYPH = { info: 'i', warning: '!', problem: '✕' } as const

export function Findings({ report }: { report: DiagnosisReport }): React.JSX.Element | null {
  const t = useTexts()
  const { findings } = report
  if (findings.length === 0) return null
  return (
    <>
      <h4 className="findings-heading">{t.verdictCard.findingsHeading}</h4>
      <ul className="findings">
        {findings.map((finding) => (
          <li key={finding.code} className={`finding finding--${finding.severity}`} data-finding={finding.code} data-severity={finding.severity}>
            <span className="finding-glyph" aria-hidden="true">
              {GLYPH[finding.severity]}
            </span>
            <span>
              <span className="sr-only">{t.verdictCard.severity[finding.severity]}: </span>
              {describeFinding(finding, report, t.diagnosis)}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}
