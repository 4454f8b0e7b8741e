import { useTexts } from '../texts-context'

export function Steps({ steps, label }: { steps: readonly string[]; label?: string }): React.JSX.Element {
  const t = useTexts()
  return (
    <ol className="steps" aria-label={label ?? t.guided.stepsHeading}>
      {steps.map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ol>
  )
}
