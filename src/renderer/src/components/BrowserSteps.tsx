import { useId, useState } from 'react'
import { BROWSERS, type BrowserName } from '../texts/guided'
import { Steps } from './Steps'
import { useTexts } from '../texts-context'

/** A best guess from this window's own engine is no use (it is always Chromium): ask, Chrome first. */
export function BrowserSteps(): React.JSX.Element {
  const t = useTexts()
  const [browser, setBrowser] = useState<BrowserName>('Chrome')
  const name = useId()
  return (
    <>
      <fieldset className="browser-choice">
        <legend>{t.guided.browserQuestion}</legend>
        {BROWSERS.map((option) => (
          <label key={option} className="radio">
            <input type="radio" name={name} value={option} checked={browser === option} onChange={() => setBrowser(option)} />
            {option}
          </label>
        ))}
      </fieldset>
      <Steps steps={t.guided.clearSiteData[browser]} label={t.guided.stepsFor(browser)} />
    </>
  )
}
