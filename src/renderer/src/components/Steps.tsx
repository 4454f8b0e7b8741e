import { GUIDED_TEXTS } from '../../../shared/ui-texts'

export function Steps({ steps, label }: { steps: readonly string[]; label?: string }): React.JSX.Element {
  return (
    <ol className="steps" aria-label={label ?? GUIDED_TEXTS.stepsHeading}>
      {steps.map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ol>
  )
}
