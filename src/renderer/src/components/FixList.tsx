import type { DiagnosisReport } from '../../../shared/diagnosis'
import { FixItem } from './FixItem'
import { useTexts } from '../texts-context'

/** The fixes the engine offers, best first, numbered. */
export function FixList({ report, readOnly }: { report: DiagnosisReport; readOnly: boolean }): React.JSX.Element {
  const t = useTexts()
  return (
    <section className="card fixes-card" aria-labelledby="fixes-heading">
      <h2 id="fixes-heading">{t.fixList.heading}</h2>
      {readOnly && <p className="muted">{t.fixList.readOnly}</p>}
      {report.fixes.length === 0 ? (
        <p>{t.fixList.none}</p>
      ) : (
        <>
          {report.fixes.length > 1 && <p className="muted small">{t.fixList.bestFirst}</p>}
          <ol className="fixes" aria-label={t.fixList.listLabel}>
            {report.fixes.map((fix, index) => (
              <FixItem key={fix.id} fix={fix} number={index + 1} report={report} readOnly={readOnly} />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
