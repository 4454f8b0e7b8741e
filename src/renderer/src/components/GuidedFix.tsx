import type { GuidedFixId } from '../../../shared/contract'
import { useNetmend } from '../store-context'
import { BrowserSteps } from './BrowserSteps'
import { ExpandableFix } from './ExpandableFix'
import type { FixProps } from './fix-props'
import { Steps } from './Steps'
import { useTexts } from '../texts-context'

const HELP_TOPIC: Partial<Record<GuidedFixId, 'clear-site-data' | 'restart-router'>> = {
  'clear-site-data': 'clear-site-data',
  'restart-router': 'restart-router',
}

/** Something only the person can do: the steps, one click away. */
export function GuidedFix({ fix, words, id }: FixProps & { id: GuidedFixId }): React.JSX.Element {
  const t = useTexts()
  const openHelp = useNetmend((state) => state.openHelp)
  const topic = HELP_TOPIC[id]
  return (
    <ExpandableFix
      fix={fix}
      words={words}
      panel={() => (
        <>
          {id === 'new-browser-session' && <Steps steps={t.guided.newBrowserSession} />}
          {id === 'restart-router' && <Steps steps={t.guided.restartRouter} />}
          {id === 'clear-site-data' && <BrowserSteps />}
          {topic && (
            <button type="button" className="button button--link" onClick={() => void openHelp(topic, fix.id)}>
              {t.fixList.moreHelp}
            </button>
          )}
        </>
      )}
    />
  )
}
