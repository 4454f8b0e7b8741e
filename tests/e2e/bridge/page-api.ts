// Injected into the test page before its scripts: the same `window.netmend` the real preload builds,
// carried over a Playwright binding instead of Electron IPC.
import { createNetmendApi } from '../../../src/preload/api'

type Listener = (payload: unknown) => void
const scope = globalThis as unknown as {
  netmend: unknown
  __netmendInvoke: (channel: string, input: unknown) => Promise<unknown>
  __netmendDispatch: (channel: string, payload: unknown) => void
}
const listeners = new Map<string, Set<Listener>>()
scope.__netmendDispatch = (channel, payload) => listeners.get(channel)?.forEach((listener) => listener(payload))
scope.netmend = createNetmendApi(
  (channel, input) => scope.__netmendInvoke(channel, input),
  (channel, listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>()
    listeners.set(channel, set.add(listener))
    return () => void set.delete(listener)
  },
)
