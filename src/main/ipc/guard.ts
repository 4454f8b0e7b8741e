import { CHANNELS, CONTRACT_INPUTS, type Channel, type ContractInput, type ContractOutput } from '../../shared/contract'

/** What Electron tells a handler about who sent a message (a subset of WebFrameMain). */
export interface SenderFrame {
  url: string
  parent: unknown
}

export type ChannelHandler<C extends Channel> = (input: ContractInput<C>) => Promise<ContractOutput<C>>

export class RefusedIpcError extends Error {}

/** Only our own page, in its main frame, may talk to main: not an iframe, not a page navigated elsewhere. */
export function isTrustedSender(frame: SenderFrame | null | undefined, trustedPageUrl: string): boolean {
  if (!frame || frame.parent) return false
  try {
    const sender = new URL(frame.url)
    const trusted = new URL(trustedPageUrl)
    if (trusted.protocol === 'file:') return sender.protocol === 'file:' && sender.pathname === trusted.pathname
    return sender.origin === trusted.origin
  } catch {
    return false
  }
}

/** Wraps a handler so that it runs only for a trusted sender and a valid argument. */
export function guardHandler<C extends Channel>(channel: C, handler: ChannelHandler<C>, trustedPageUrl: string) {
  return async (frame: SenderFrame | null | undefined, input: unknown): Promise<ContractOutput<C>> => {
    if (!isTrustedSender(frame, trustedPageUrl)) throw new RefusedIpcError(`${channel}: refused a message from ${frame?.url ?? 'an unknown sender'}`)
    const checked = CONTRACT_INPUTS[channel](input)
    if (!checked.ok) throw new RefusedIpcError(`${channel}: ${checked.error}`)
    return handler(checked.value as ContractInput<C>)
  }
}

export type GuardedHandler<C extends Channel> = (frame: SenderFrame | null | undefined, input: unknown) => Promise<ContractOutput<C>>
export type GuardedHandlers = { [C in Channel]: GuardedHandler<C> }

/** Every channel's handler behind the guard: what Electron's ipcMain (or the test bridge) hands messages to. */
export function guardAll(handlers: { [C in Channel]: ChannelHandler<C> }, trustedPageUrl: string): GuardedHandlers {
  const guard = <C extends Channel>(channel: C): [C, GuardedHandler<C>] => [channel, guardHandler(channel, handlers[channel], trustedPageUrl)]
  return Object.fromEntries(CHANNELS.map(guard)) as GuardedHandlers
}
