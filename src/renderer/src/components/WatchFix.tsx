import { FIX_LIST_TEXTS, WATCH_TEXTS } from '../../../shared/ui-texts'
import { sameSite } from '../format'
import { useNetmend } from '../store-context'
import type { FixProps } from './fix-props'
import { FixExplanation, FixMessage, FixTitle } from './FixParts'

export function WatchFix({ fix, report, readOnly, best }: FixProps): React.JSX.Element {
  const watchSite = useNetmend((state) => state.watchSite)
  const watching = useNetmend((state) => state.watch?.watching === true && sameSite(state.watch.target, report.target))
  return (
    <>
      <FixTitle id={fix.id} title={fix.title} primary={best} disabled={watching || !report.target} {...(readOnly ? {} : { onPress: () => void watchSite() })} />
      <FixExplanation id={fix.id}>{fix.explanation}</FixExplanation>
      {!readOnly && watching && <p className="note">{WATCH_TEXTS.alreadyWatching}</p>}
      {!readOnly && !report.target && <p className="note">{FIX_LIST_TEXTS.noSite}</p>}
      {!readOnly && <FixMessage id={fix.id} />}
    </>
  )
}
