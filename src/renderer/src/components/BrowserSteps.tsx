import { useId, useState } from 'react'
import { BROWSERS, GUIDED_TEXTS, type BrowserName } from '../../../shared/ui-texts'
import { Steps } from './Steps'

/** A best guess from this window's own engine is no use (it is always Chromium): ask, Chrome first. */
export function BrowserSteps(): React.JSX.Element {
  const [browser, setBrowser] = useState<BrowserName>('Chrome')
  const name = useId()
  return (
    <>
      <fieldset className="browser-choice">
        <legend>{GUIDED_TEXTS.browserQuestion}</legend>
        {BROWSERS.map((option) => (
          <label key={option} className="radio">
            <input type="radio" name={name} value={option} checked={browser === option} onChange={() => setBrowser(option)} />
            {option}
          </label>
        ))}
      </fieldset>
      <Steps steps={GUIDED_TEXTS.clearSiteData[browser]} label={`${GUIDED_TEXTS.stepsHeading}: ${browser}`} />
    </>
  )
}
