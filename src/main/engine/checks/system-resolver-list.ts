import { withZone } from '../../platform/ip-address'
import type { SystemResolversResult } from '../../platform/system-resolvers'
import type { ResolverToAsk } from './ask-resolvers'

/** The servers to query, link-local ones with their zone (`fe80::1%en0`): without it they cannot be reached. */
export function systemResolversToAsk(read: SystemResolversResult): ResolverToAsk[] {
  if (!read.ok) return []
  return read.resolvers.map((resolver) => {
    const address = withZone(resolver.address, resolver.zone)
    return { address, port: resolver.port, origin: { kind: 'system' } }
  })
}
