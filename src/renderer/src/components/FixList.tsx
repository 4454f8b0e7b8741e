import type { DiagnosisReport } from '../../../shared/diagnosis'
import { FIX_LIST_TEXTS } from '../../../shared/ui-texts'
import { FixItem } from './FixItem'

/** The fixes the engine offers, best first, numbered. */
export function FixList({ report, readOnly }: { report: DiagnosisReport; readOnly: boolean }): React.JSX.Element {
  return (
    <section className="card fixes-card" aria-labelledby="fixes-heading">
      <h2 id="fixes-heading">{FIX_LIST_TEXTS.heading}</h2>
      {readOnly && <p className="muted">{FIX_LIST_TEXTS.readOnly}</p>}
      {report.fixes.length === 0 ? (
        <p>{FIX_LIST_TEXTS.none}</p>
      ) : (
        <>
          {report.fixes.length > 1 && <p className="muted small">{FIX_LIST_TEXTS.bestFirst}</p>}
          <ol className="fixes" aria-label={FIX_LIST_TEXTS.listLabel}>
            {report.fixes.map((fix, index) => (
              <FixItem key={fix.id} fix={fix} number={index + 1} report={report} readOnly={readOnly} />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
