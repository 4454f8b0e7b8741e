import { useState } from 'react'
import type { GuidedFixId } from '../../../shared/contract'
import { FIX_LIST_TEXTS, GUIDED_TEXTS } from '../../../shared/ui-texts'
import { useNetmend } from '../store-context'
import { BrowserSteps } from './BrowserSteps'
import type { FixProps } from './FixItem'
import { FixExplanation, FixMessage, FixTitle } from './FixParts'
import { Steps } from './Steps'

const HELP_TOPIC: Partial<Record<GuidedFixId, 'clear-site-data' | 'restart-router'>> = {
  'clear-site-data': 'clear-site-data',
  'restart-router': 'restart-router',
}

/** Something only the person can do: the steps, one click away. */
export function GuidedFix({ fix, id }: FixProps & { id: GuidedFixId }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const openHelp = useNetmend((state) => state.openHelp)
  const topic = HELP_TOPIC[id]
  const panelId = `fix-${fix.id}-panel`
  return (
    <>
      <FixTitle id={fix.id} title={fix.title} expanded={open} controls={panelId} onPress={() => setOpen(!open)} />
      <FixExplanation id={fix.id}>{fix.explanation}</FixExplanation>
      {open && (
        <div id={panelId} className="fix-panel">
          {id === 'new-browser-session' && <Steps steps={GUIDED_TEXTS.newBrowserSession} />}
          {id === 'restart-router' && <Steps steps={GUIDED_TEXTS.restartRouter} />}
          {id === 'clear-site-data' && <BrowserSteps />}
          {topic && (
            <button type="button" className="button button--link" onClick={() => void openHelp(topic, fix.id)}>
              {FIX_LIST_TEXTS.moreHelp}
            </button>
          )}
          <FixMessage id={fix.id} />
        </div>
      )}
    </>
  )
}
