import { useNetmend } from '../store-context'
import type { FixProps } from './fix-props'
import { FixExplanation, FixTitle } from './FixParts'
import { focusById, RUN_BUTTON_ID } from './ids'

export function RetryFix({ fix, readOnly, best }: FixProps): React.JSX.Element {
  const checkAgain = useNetmend((state) => state.checkAgain)
  const press = (): void => {
    // This list goes away while the checks run: keep the keyboard on the button that can stop them.
    void checkAgain()
    focusById(RUN_BUTTON_ID)
  }
  return (
    <>
      <FixTitle id={fix.id} title={fix.title} primary={best} {...(readOnly ? {} : { onPress: press })} />
      <FixExplanation id={fix.id}>{fix.explanation}</FixExplanation>
    </>
  )
}
