import type { GuidedFixId } from '../../../shared/contract'
import { FIX_LIST_TEXTS, GUIDED_TEXTS } from '../../../shared/ui-texts'
import { useNetmend } from '../store-context'
import { BrowserSteps } from './BrowserSteps'
import { ExpandableFix } from './ExpandableFix'
import type { FixProps } from './fix-props'
import { Steps } from './Steps'

const HELP_TOPIC: Partial<Record<GuidedFixId, 'clear-site-data' | 'restart-router'>> = {
  'clear-site-data': 'clear-site-data',
  'restart-router': 'restart-router',
}

/** Something only the person can do: the steps, one click away. */
export function GuidedFix({ fix, id }: FixProps & { id: GuidedFixId }): React.JSX.Element {
  const openHelp = useNetmend((state) => state.openHelp)
  const topic = HELP_TOPIC[id]
  return (
    <ExpandableFix
      fix={fix}
      panel={() => (
        <>
          {id === 'new-browser-session' && <Steps steps={GUIDED_TEXTS.newBrowserSession} />}
          {id === 'restart-router' && <Steps steps={GUIDED_TEXTS.restartRouter} />}
          {id === 'clear-site-data' && <BrowserSteps />}
          {topic && (
            <button type="button" className="button button--link" onClick={() => void openHelp(topic, fix.id)}>
              {FIX_LIST_TEXTS.moreHelp}
            </button>
          )}
        </>
      )}
    />
  )
}
