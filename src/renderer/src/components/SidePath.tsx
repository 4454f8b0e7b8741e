import type { Side } from '../sides'
import { useTexts } from '../texts-context'

const PATH = ['computer', 'network', 'provider', 'site'] as const

/** Whose side the problem is on: said in words, and drawn as the path from this computer to the site. */
export function SidePath({ side }: { side: Side }): React.JSX.Element {
  const t = useTexts()
  const at = PATH.indexOf(side as (typeof PATH)[number])
  const stateOf = (index: number): 'ok' | 'problem' | 'unknown' => {
    if (side === 'none') return 'ok'
    if (at < 0) return 'unknown'
    return index < at ? 'ok' : index === at ? 'problem' : 'unknown'
  }
  return (
    <div className="side">
      <p className="side-text">
        {t.verdictCard.whereLabel} <strong>{t.verdictCard.sides[side]}</strong>
      </p>
      <ol className="path" aria-hidden="true">
        {PATH.map((step, index) => (
          <li key={step} className={`path-step path-step--${stateOf(index)}`}>
            <span className="path-pill">
              <span className="path-dot">{stateOf(index) === 'ok' ? '✓' : stateOf(index) === 'problem' ? '✕' : '?'}</span>
              {t.verdictCard.pathLabels[step]}
            </span>
          </li>
        ))}
      </ol>
    </div>
  )
}
