import type { SystemResolversResult } from '../../platform/system-resolvers'
import type { ResolverToAsk } from './ask-resolvers'

export function systemResolversToAsk(read: SystemResolversResult): ResolverToAsk[] {
  if (!read.ok) return []
  return read.resolvers.map((resolver) => ({ address: resolver.address, port: resolver.port, label: `system ${resolver.address}` }))
}
