import type { DiagnosisReport, FixReport } from '../../../shared/diagnosis'

/** What every kind of fix is given by the list item that holds it. */
export interface FixProps {
  fix: FixReport
  report: DiagnosisReport
  readOnly: boolean
  /** The best fix gets the strongest button. */
  best: boolean
}
