import { useState, type ReactNode } from 'react'
import type { FixProps } from './fix-props'
import { FixExplanation, FixMessage, FixTitle } from './FixParts'

/** A fix whose title opens a panel; the panel's content is built only while it is open. */
export function ExpandableFix({ fix, words, panel }: Pick<FixProps, 'fix' | 'words'> & { panel: () => ReactNode }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const panelId = `fix-${fix.id}-panel`
  return (
    <>
      <FixTitle id={fix.id} title={words.title} expanded={open} controls={panelId} onPress={() => setOpen(!open)} />
      <FixExplanation id={fix.id}>{words.explanation}</FixExplanation>
      {open && (
        <div id={panelId} className="fix-panel">
          {panel()}
        </div>
      )}
      <FixMessage id={fix.id} />
    </>
  )
}
