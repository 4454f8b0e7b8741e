// Hands the one store to every component; tests and the bridge choose which NetmendApi it wraps.
import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { NetmendActions, NetmendState, NetmendStore } from './store'

const StoreContext = createContext<NetmendStore | null>(null)

export function StoreProvider({ store, children }: { store: NetmendStore; children: ReactNode }): React.JSX.Element {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

/** Reads a slice of the store; re-renders only when that slice changes. */
export function useNetmend<T>(selector: (state: NetmendState & NetmendActions) => T): T {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useNetmend outside StoreProvider')
  return useStore(store, selector)
}
