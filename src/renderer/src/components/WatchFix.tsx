import { sameSite } from '../format'
import { useNetmend } from '../store-context'
import type { FixProps } from './fix-props'
import { FixExplanation, FixMessage, FixTitle } from './FixParts'
import { useTexts } from '../texts-context'

export function WatchFix({ fix, words, report, readOnly, best }: FixProps): React.JSX.Element {
  const t = useTexts()
  const watchSite = useNetmend((state) => state.watchSite)
  const watching = useNetmend((state) => state.watch?.watching === true && sameSite(state.watch.target, report.target))
  return (
    <>
      <FixTitle id={fix.id} title={words.title} primary={best} disabled={watching || !report.target} {...(readOnly ? {} : { onPress: () => void watchSite() })} />
      <FixExplanation id={fix.id}>{words.explanation}</FixExplanation>
      {!readOnly && watching && <p className="note">{t.watch.alreadyWatching}</p>}
      {!readOnly && !report.target && <p className="note">{t.fixList.noSite}</p>}
      {!readOnly && <FixMessage id={fix.id} />}
    </>
  )
}
