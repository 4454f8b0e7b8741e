import { CHANNELS, EVENT_NAMES, IPC_PREFIX, type NetmendApi } from '../shared/contract'

export type Invoke = (ipcChannel: string, input: unknown) => Promise<unknown>
export type Subscribe = (ipcChannel: string, listener: (payload: unknown) => void) => () => void

/** Builds `window.netmend` from a transport: the contract's named methods and event subscriptions, nothing else. */
export function createNetmendApi(invoke: Invoke, subscribe: Subscribe): NetmendApi {
  const methods = Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => invoke(`${IPC_PREFIX}${channel}`, input ?? null)]))
  const on: NetmendApi['on'] = (event, listener) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`unknown event ${String(event)}`)
    return subscribe(`${IPC_PREFIX}${event}`, listener as (payload: unknown) => void)
  }
  return Object.freeze({ ...methods, on }) as NetmendApi
}
