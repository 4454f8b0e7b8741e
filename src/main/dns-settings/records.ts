// The shape of NetMend's records in its data folder (original.json, journal.json), checked field by field
// before anything acts on them: every adapter's state is what this system's backend could have read
// (addresses are IP literals, ids and names pass the same checks as for a command, paths are plain absolute
// paths), the key names the adapter the way the backend does, and nothing else is in there. Anything else
// is a damaged record, never a partial one to make the best of.
import type { AdapterState, Snapshot } from './types'
import type { ProcessIdentity } from './owner-process'
import { RESOLV_CONF, RESOLV_CONF_TARGETS, RESOLVCONF_RECORD } from './privileged-commands'
import { resolvConfProblem } from './resolv-conf-grammar'
import { MAX_SERVERS } from './server-choice'
import {
  familyOf,
  hasControlCharacter,
  isAdapterId,
  isNetworkManagerUuid,
  isSearchDomain,
  isServerAddress,
  isServiceName,
  isSystemServer,
  isUsableServer,
  isWindowsGuid,
  isWindowsIndex,
} from './validate'

export type JournalState = 'prepared' | 'applied' | 'verified'

export interface Journal {
  version: 1
  id: string
  /** use: switch servers (undone on recovery); revert: go back to original.json (finished on recovery). */
  kind: 'use' | 'revert'
  /** prepared: snapshot written, nothing changed yet; applied: settings changed; verified: waiting for "keep". */
  state: JournalState
  owner: ProcessIdentity
  startedAt: string
  /** The touched adapters as they were just before this change. */
  before: Snapshot
  /** This change created original.json: undoing it removes that file too. */
  firstChange: boolean
  servers: string[]
}

/** The most either record may be on disk; a real one is a few kilobytes. */
export const MAX_RECORD_BYTES = 256 * 1024
const MAX_ADAPTERS = 64
const MAX_LIST = 32
/** A resolv.conf of 48 KiB, base64; the admin step accepts less still. */
const MAX_CONTENT_BASE64 = 64 * 1024
const OWNERS_BY_PLATFORM: Partial<Record<NodeJS.Platform, readonly AdapterState['owner'][]>> = {
  linux: ['plain-file', 'resolvconf', 'systemd-resolved', 'networkmanager'],
  darwin: ['networksetup'],
  win32: ['windows'],
}

/** What is wrong at `at`, or undefined. */
type Problem = string | undefined

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
/** Names people gave things (a NetworkManager profile, a Windows adapter): any script, no control characters. */
const isDisplayName = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 256 && !hasControlCharacter(value)
const isTimestamp = (value: unknown): boolean => typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value))
const isRecordId = (value: unknown): boolean => typeof value === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(value)
const isBase64 = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_CONTENT_BASE64 && /^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length % 4 === 0

function exactKeys(value: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []): Problem {
  const missing = required.find((key) => !(key in value))
  if (missing !== undefined) return `${missing} is missing`
  const extra = Object.keys(value).find((key) => !required.includes(key) && !optional.includes(key))
  return extra === undefined ? undefined : `${extra} is not expected`
}

function listOf(value: unknown, check: (item: unknown) => boolean, what: string): Problem {
  if (!Array.isArray(value)) return 'is not a list'
  if (value.length > MAX_LIST) return `has more than ${MAX_LIST} entries`
  const bad = value.findIndex((item) => !check(item))
  return bad === -1 ? undefined : `[${bad}] is not ${what}`
}

const ipv4Server = (item: unknown): boolean => isServerAddress(item) && familyOf(item) === 'IPv4'
const ipv6Server = (item: unknown): boolean => isServerAddress(item) && familyOf(item) === 'IPv6'
const ipv6SystemServer = (item: unknown): boolean => isSystemServer(item) && familyOf(item.split('%')[0] ?? '') === 'IPv6'

/** Each field's check for one owner; the key must name the adapter the way that backend does. */
const STATE_FIELDS: { [Owner in AdapterState['owner']]: { fields: Record<string, (value: unknown) => Problem>; key: (state: Record<string, unknown>) => unknown } } = {
  'plain-file': {
    fields: {
      // The only file NetMend writes, and where the admin step lets it lead (privileged-commands.ts).
      path: (value) => (value === RESOLV_CONF ? undefined : `is not ${RESOLV_CONF}`),
      target: (value) => (typeof value === 'string' && RESOLV_CONF_TARGETS.includes(value) ? undefined : `is not where ${RESOLV_CONF} may lead`),
      content: (value) => {
        if (!isBase64(value)) return `is not base64 of at most ${MAX_CONTENT_BASE64} characters`
        const problem = resolvConfProblem(Buffer.from(value, 'base64'))
        return problem === undefined ? undefined : `is not a resolv.conf NetMend writes (${problem})`
      },
    },
    key: (state) => state.path,
  },
  resolvconf: {
    fields: {
      // NetMend's own record on the loopback interface, never another program's.
      interface: (value) => (value === 'lo' ? undefined : 'is not lo'),
      record: (value) => (value === RESOLVCONF_RECORD ? undefined : `is not ${RESOLVCONF_RECORD}`),
      servers: (value) => (value === null ? undefined : listOf(value, isServerAddress, 'an IP address')),
    },
    key: (state) => state.record,
  },
  'systemd-resolved': {
    fields: {
      interface: (value) => (isAdapterId(value) ? undefined : 'is not an interface name'),
      dns: (value) => listOf(value, isSystemServer, 'an IP address'),
      domains: (value) => listOf(value, isSearchDomain, 'a search domain'),
    },
    key: (state) => state.interface,
  },
  networkmanager: {
    fields: {
      uuid: (value) => (isNetworkManagerUuid(value) ? undefined : 'is not a NetworkManager profile id'),
      name: (value) => (isDisplayName(value) ? undefined : 'is not a profile name'),
      device: (value) => (value === '' || isAdapterId(value) ? undefined : 'is not an interface name'),
      ipv4Dns: (value) => listOf(value, (item) => isSystemServer(item) && familyOf(item) === 'IPv4', 'an IPv4 address'),
      ipv4IgnoreAutoDns: (value) => (typeof value === 'boolean' ? undefined : 'is not true or false'),
      ipv6Dns: (value) => listOf(value, ipv6SystemServer, 'an IPv6 address'),
      ipv6IgnoreAutoDns: (value) => (typeof value === 'boolean' ? undefined : 'is not true or false'),
    },
    key: (state) => state.uuid,
  },
  windows: {
    fields: {
      index: (value) => (isWindowsIndex(value) ? undefined : 'is not an interface index'),
      name: (value) => (isDisplayName(value) ? undefined : 'is not an adapter name'),
      guid: (value) => (isWindowsGuid(value) ? undefined : 'is not an adapter GUID'),
      ipv4Manual: (value) => listOf(value, ipv4Server, 'an IPv4 address'),
      ipv6Manual: (value) => listOf(value, ipv6Server, 'an IPv6 address'),
    },
    key: (state) => (typeof state.guid === 'string' ? state.guid.toLowerCase() : undefined),
  },
  networksetup: {
    fields: {
      service: (value) => (isServiceName(value) ? undefined : 'is not a network service name'),
      device: (value) => (isAdapterId(value) ? undefined : 'is not a device name'),
      servers: (value) => listOf(value, isServerAddress, 'an IP address'),
    },
    key: (state) => state.service,
  },
}

/**
 * Why `value` is not an adapter state this system's NetMend could have saved; undefined when it is one.
 * Also the restore pre-check: every backend's planRestore asks this before planning anything.
 */
export function adapterStateProblem(value: unknown, platform: NodeJS.Platform): Problem {
  if (!isObject(value)) return 'is not an object'
  const owner = value.owner as AdapterState['owner']
  if (!(OWNERS_BY_PLATFORM[platform] ?? []).includes(owner)) return `owner ${JSON.stringify(owner)} is not one NetMend uses on ${platform}`
  const shape = STATE_FIELDS[owner]
  const keys = exactKeys(value, ['owner', 'key', ...Object.keys(shape.fields)])
  if (keys !== undefined) return keys
  for (const [field, check] of Object.entries(shape.fields)) {
    const problem = check(value[field])
    if (problem !== undefined) return `${field} ${problem}`
  }
  return value.key === shape.key(value) ? undefined : 'key does not name this adapter'
}

/** Why `value` is not a snapshot this system's NetMend wrote, or undefined when it is one. */
export function snapshotProblem(value: unknown, platform: NodeJS.Platform): Problem {
  if (!isObject(value)) return 'is not an object'
  const keys = exactKeys(value, ['version', 'platform', 'takenAt', 'adapters'])
  if (keys !== undefined) return keys
  if (value.version !== 1) return 'version is not 1'
  if (value.platform !== platform) return `platform is not ${platform}`
  if (!isTimestamp(value.takenAt)) return 'takenAt is not a time'
  if (!Array.isArray(value.adapters)) return 'adapters is not a list'
  // A change always touches at least one adapter: an empty list can only be a damaged record.
  if (value.adapters.length === 0) return 'adapters is empty'
  if (value.adapters.length > MAX_ADAPTERS) return `adapters has more than ${MAX_ADAPTERS} entries`
  for (const [index, state] of value.adapters.entries()) {
    const problem = adapterStateProblem(state, platform)
    if (problem !== undefined) return `adapters[${index}]: ${problem}`
  }
  return undefined
}

function ownerProblem(value: unknown): Problem {
  if (!isObject(value)) return 'is not an object'
  const keys = exactKeys(value, ['pid', 'bootTime'], ['bootId', 'startTicks'])
  if (keys !== undefined) return keys
  const owner = value as unknown as ProcessIdentity
  if (!Number.isSafeInteger(owner.pid) || owner.pid <= 0) return 'pid is not a process id'
  if (!Number.isFinite(owner.bootTime)) return 'bootTime is not a number'
  if (owner.bootId !== undefined && (typeof owner.bootId !== 'string' || !/^[0-9a-f.-]{1,64}$/.test(owner.bootId))) return 'bootId is not a boot id'
  if (owner.startTicks !== undefined && (!Number.isSafeInteger(owner.startTicks) || owner.startTicks < 0)) return 'startTicks is not a start time'
  return undefined
}

/** Why `value` is not a journal this system's NetMend wrote, or undefined when it is one. */
export function journalProblem(value: unknown, platform: NodeJS.Platform): Problem {
  if (!isObject(value)) return 'is not an object'
  const keys = exactKeys(value, ['version', 'id', 'kind', 'state', 'owner', 'startedAt', 'before', 'firstChange', 'servers'])
  if (keys !== undefined) return keys
  const journal = value as unknown as Journal
  if (journal.version !== 1) return 'version is not 1'
  if (!isRecordId(journal.id)) return 'id is not an id'
  if (journal.kind !== 'use' && journal.kind !== 'revert') return 'kind is not use or revert'
  if (!['prepared', 'applied', 'verified'].includes(journal.state)) return 'state is not prepared, applied or verified'
  const owner = ownerProblem(journal.owner)
  if (owner !== undefined) return `owner: ${owner}`
  if (!isTimestamp(journal.startedAt)) return 'startedAt is not a time'
  if (typeof journal.firstChange !== 'boolean') return 'firstChange is not true or false'
  if (journal.kind === 'revert' && journal.firstChange) return 'a revert cannot be a first change'
  const servers = journal.kind === 'use' ? listOf(journal.servers, isUsableServer, 'a server address') : Array.isArray(journal.servers) && journal.servers.length === 0 ? undefined : 'is not empty'
  if (servers !== undefined) return `servers ${servers}`
  if (journal.kind === 'use' && (journal.servers.length === 0 || journal.servers.length > MAX_SERVERS)) return `servers has not 1 to ${MAX_SERVERS} entries`
  const before = snapshotProblem(journal.before, platform)
  return before === undefined ? undefined : `before: ${before}`
}
