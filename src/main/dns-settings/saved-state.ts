// The restore pre-check: a saved adapter state comes from a file in NetMend's data folder, which any
// program running as the person can write. Before a restore plans anything from it, every field must have
// exactly the shape NetMend itself writes; anything else is refused whole, never repaired.
import { RESOLV_CONF, RESOLV_CONF_TARGETS, RESOLVCONF_RECORD } from './privileged-commands'
import { resolvConfProblem } from './resolv-conf-grammar'
import type { AdapterState } from './types'
import {
  familyOf,
  hasControlCharacter,
  isAdapterId,
  isNetworkManagerUuid,
  isSearchDomain,
  isServerAddress,
  isServiceName,
  isSystemServer,
  isWindowsGuid,
  isWindowsIndex,
} from './validate'

const MAX_SERVERS = 32
const MAX_NAME = 256

const list = (value: unknown, check: (item: unknown) => boolean, max = MAX_SERVERS): boolean =>
  Array.isArray(value) && value.length <= max && value.every(check)
const label = (value: unknown): boolean => typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME && !hasControlCharacter(value)
const servers = (value: unknown, family?: 'IPv4' | 'IPv6'): boolean =>
  list(value, (item) => isServerAddress(item) && (family === undefined || familyOf(item) === family))

function fieldsProblem(state: Record<string, unknown>): string | undefined {
  switch (state.owner) {
    case 'plain-file': {
      if (state.key !== RESOLV_CONF || state.path !== RESOLV_CONF) return `a file other than ${RESOLV_CONF}: ${JSON.stringify(String(state.path).slice(0, 80))}`
      if (typeof state.target !== 'string' || !RESOLV_CONF_TARGETS.includes(state.target)) return `${RESOLV_CONF} leading to a file NetMend does not write`
      if (typeof state.content !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(state.content)) return 'file contents that are not base64'
      const problem = resolvConfProblem(Buffer.from(state.content, 'base64'))
      return problem === undefined ? undefined : `contents that are not a resolv.conf (${problem})`
    }
    case 'resolvconf':
      return state.key === RESOLVCONF_RECORD && state.interface === 'lo' && state.record === RESOLVCONF_RECORD && (state.servers === null || servers(state.servers))
        ? undefined
        : 'a resolvconf record other than NetMend\'s own'
    case 'systemd-resolved':
      return isAdapterId(state.interface) && state.key === state.interface && list(state.dns, isSystemServer) && list(state.domains, isSearchDomain)
        ? undefined
        : 'a systemd-resolved link that is not plainly an interface with addresses'
    case 'networkmanager':
      return isNetworkManagerUuid(state.uuid) &&
        state.key === state.uuid &&
        label(state.name) &&
        (state.device === '' || isAdapterId(state.device)) &&
        list(state.ipv4Dns, isSystemServer) &&
        list(state.ipv6Dns, isSystemServer) &&
        typeof state.ipv4IgnoreAutoDns === 'boolean' &&
        typeof state.ipv6IgnoreAutoDns === 'boolean'
        ? undefined
        : 'a NetworkManager profile that is not plainly a UUID with addresses'
    case 'windows':
      return isWindowsIndex(state.index) &&
        label(state.name) &&
        isWindowsGuid(state.guid) &&
        state.key === state.guid.toLowerCase() &&
        servers(state.ipv4Manual, 'IPv4') &&
        servers(state.ipv6Manual, 'IPv6')
        ? undefined
        : 'a Windows adapter that is not plainly an index and a GUID with addresses'
    case 'networksetup':
      return isServiceName(state.service) && state.key === state.service && (state.device === '' || isAdapterId(state.device)) && servers(state.servers)
        ? undefined
        : 'a network service that is not plainly a name with addresses'
    default:
      return `an owner NetMend does not know: ${JSON.stringify(String(state.owner).slice(0, 40))}`
  }
}

/** Why `state`, read back from NetMend's data folder, may not be restored; undefined when it is exactly what NetMend writes. */
export function savedStateProblem(state: AdapterState): string | undefined {
  const value: unknown = state
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an adapter'
  const problem = fieldsProblem(value as Record<string, unknown>)
  return problem === undefined ? undefined : `the saved settings hold ${problem}`
}
