import type { Channel, EventName } from '../../../src/shared/contract'
import type { SenderFrame } from '../../../src/main/ipc/guard'

export type HostRequest =
  | { type: 'invoke'; id: number; channel: Channel; input: unknown; frame: SenderFrame }
  | { type: 'inspect'; id: number }

export type HostMessage =
  | { type: 'ready' }
  | { type: 'reply'; id: number; result?: unknown; error?: string }
  | { type: 'event'; event: EventName; payload: unknown }
