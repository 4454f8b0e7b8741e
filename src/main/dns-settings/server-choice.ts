// What a person may type to pick servers: a configured public resolver's name (any case: google,
// cloudflare, quad9 by default) or a plain IP address. Everything else is refused before anything runs.
import { isIP } from 'node:net'
import { failure, type Result } from '../../shared/result'
import type { PublicResolver } from '../engine/config'
import { isUsableServer, uniqueServers } from './validate'

export type ServerChoiceErrorCode = 'dns.unknown-server' | 'dns.too-many-servers'

/** Windows keeps at most this many per adapter in its dialogs; more would only slow every failed lookup. */
export const MAX_SERVERS = 6

/**
 * The addresses of the public resolver configured under `name` (any case), of the IP versions in `families`
 * where it has any (a switch is only kept when every new server answers); undefined for a name not configured.
 */
export function serversNamed(name: string, publicResolvers: readonly PublicResolver[], families: ReadonlySet<number>): string[] | undefined {
  const named = publicResolvers.filter((resolver) => resolver.name.trim().toLowerCase() === name.trim().toLowerCase())
  if (named.length === 0) return undefined
  const reachable = named.filter((resolver) => families.has(isIP(resolver.address)))
  return (reachable.length > 0 ? reachable : named).map((resolver) => resolver.address)
}

/**
 * A name stands for all its provider's addresses of the IP versions given in `families` (those this
 * computer can reach: a switch is only kept when every new server answers); addresses typed in are kept.
 */
export function resolveServerChoices(
  inputs: readonly string[],
  publicResolvers: readonly PublicResolver[],
  families: ReadonlySet<number> = new Set([4, 6]),
): Result<{ servers: string[] }, ServerChoiceErrorCode> {
  const servers: string[] = []
  for (const input of inputs) {
    const named = serversNamed(input, publicResolvers, families)
    if (named !== undefined) {
      servers.push(...named)
      continue
    }
    if (!isUsableServer(input)) {
      const names = [...new Set(publicResolvers.map((resolver) => resolver.name.toLowerCase()))].join(', ')
      return failure('dns.unknown-server', `${JSON.stringify(input)}|${names}`)
    }
    servers.push(input)
  }
  const unique = uniqueServers(servers)
  if (unique.length > MAX_SERVERS) return failure('dns.too-many-servers', `${unique.length}|${MAX_SERVERS}`)
  return { ok: true, servers: unique }
}
