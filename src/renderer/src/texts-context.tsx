// Hands the window's texts, in the language main chose, to every component.
import { createContext, useContext, type ReactNode } from 'react'
import type { RendererTexts } from './texts'

const TextsContext = createContext<RendererTexts | null>(null)

export function TextsProvider({ texts, children }: { texts: RendererTexts; children: ReactNode }): React.JSX.Element {
  return <TextsContext.Provider value={texts}>{children}</TextsContext.Provider>
}

export function useTexts(): RendererTexts {
  const texts = useContext(TextsContext)
  if (!texts) throw new Error('useTexts outside TextsProvider')
  return texts
}
