// What a person may type to pick servers: a configured public resolver's name (any case: google,
// cloudflare, quad9 by default) or a plain IP address. Everything else is refused before anything runs.
import { failure, type Result } from '../../shared/result'
import type { PublicResolver } from '../engine/config'
import { isUsableServer, uniqueServers } from './validate'

export type ServerChoiceErrorCode = 'dns.unknown-server'

export function resolveServerChoices(inputs: readonly string[], publicResolvers: readonly PublicResolver[]): Result<{ servers: string[] }, ServerChoiceErrorCode> {
  const servers: string[] = []
  for (const input of inputs) {
    const named = publicResolvers.filter((resolver) => resolver.name.trim().toLowerCase() === input.trim().toLowerCase())
    if (named.length > 0) {
      servers.push(...named.map((resolver) => resolver.address))
      continue
    }
    if (!isUsableServer(input)) {
      const names = [...new Set(publicResolvers.map((resolver) => resolver.name.toLowerCase()))].join(', ')
      return failure('dns.unknown-server', `${JSON.stringify(input)}|${names}`)
    }
    servers.push(input)
  }
  return { ok: true, servers: uniqueServers(servers) }
}
