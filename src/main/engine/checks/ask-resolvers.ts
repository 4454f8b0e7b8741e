import { queryDns, type DnsRecordType } from '../../dns/client'
import type { ResolverAnswer, ResolverOrigin } from '../../../shared/evidence'

export interface ResolverToAsk {
  address: string
  port?: number
  origin: ResolverOrigin
}

/** Per-try DNS deadline: two tries must fit in the time left, and no try waits longer than a second. */
export function dnsTryTimeout(remainingMs: number): number {
  return Math.max(100, Math.min(1000, Math.floor(remainingMs / 2) - 50))
}

/** Asks every resolver the same question at once; after `lastTry` fires, none tries again (see CheckContext.routerSilent). */
export function askResolvers(
  resolvers: readonly ResolverToAsk[],
  name: string,
  type: DnsRecordType,
  remainingMs: number,
  signal: AbortSignal,
  lastTry?: AbortSignal,
): Promise<ResolverAnswer[]> {
  const timeoutMs = dnsTryTimeout(remainingMs)
  return Promise.all(
    resolvers.map(async (resolver) => ({
      resolver: resolver.address,
      origin: resolver.origin,
      response: await queryDns({ server: resolver.address, port: resolver.port, name, type, timeoutMs, tries: 2, signal, lastTry }),
    })),
  )
}
