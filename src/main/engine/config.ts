import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { isIP } from 'node:net'
import { failure, type Result } from '../../shared/result'

export interface PublicResolver {
  name: string
  address: string
}

export interface ReachabilityTarget {
  address: string
  port: number
}

export interface EngineConfig {
  publicResolvers: PublicResolver[]
  reachabilityTargets: ReachabilityTarget[]
  captivePortalUrl: string
  budgetMs: number
  /** Parent domain of the made-up names used to catch resolvers that answer for names that don't exist. */
  hijackProbeDomain: string
}

export type ConfigErrorCode = 'config.unreadable' | 'config.not-a-file' | 'config.too-large' | 'config.not-json' | 'config.invalid-field'

export const DEFAULT_CONFIG: EngineConfig = {
  publicResolvers: [
    { name: 'Google', address: '8.8.8.8' },
    { name: 'Google', address: '8.8.4.4' },
    { name: 'Cloudflare', address: '1.1.1.1' },
    { name: 'Quad9', address: '9.9.9.9' },
    { name: 'Google', address: '2001:4860:4860::8888' },
    { name: 'Cloudflare', address: '2606:4700:4700::1111' },
    { name: 'Quad9', address: '2620:fe::fe' },
  ],
  reachabilityTargets: [
    { address: '1.1.1.1', port: 443 },
    { address: '8.8.8.8', port: 443 },
    { address: '9.9.9.9', port: 443 },
    { address: '2606:4700:4700::1111', port: 443 },
    { address: '2001:4860:4860::8888', port: 443 },
  ],
  captivePortalUrl: 'http://connectivitycheck.gstatic.com/generate_204',
  budgetMs: 4000,
  hijackProbeDomain: 'com',
}

const MIN_BUDGET_MS = 500
const MAX_BUDGET_MS = 120_000

type FieldResult<T> = Result<{ value: T }, 'config.invalid-field'>

const invalid = (field: string, expected: string): FieldResult<never> =>
  failure('config.invalid-field', `"${field}" ${expected}`)

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readAddress(value: unknown, field: string): FieldResult<string> {
  if (typeof value !== 'string' || isIP(value) === 0) return invalid(field, 'must be an IPv4 or IPv6 address')
  return { ok: true, value }
}

function readPublicResolvers(value: unknown): FieldResult<PublicResolver[]> {
  if (!Array.isArray(value) || value.length === 0) return invalid('publicResolvers', 'must be a non-empty list')
  const resolvers: PublicResolver[] = []
  for (const [index, entry] of value.entries()) {
    const field = `publicResolvers[${index}]`
    if (!isRecord(entry)) return invalid(field, 'must be an object with "name" and "address"')
    if (typeof entry.name !== 'string' || entry.name.trim() === '') return invalid(`${field}.name`, 'must be a non-empty text')
    const address = readAddress(entry.address, `${field}.address`)
    if (!address.ok) return address
    resolvers.push({ name: entry.name, address: address.value })
  }
  return { ok: true, value: resolvers }
}

function readReachabilityTargets(value: unknown): FieldResult<ReachabilityTarget[]> {
  if (!Array.isArray(value) || value.length === 0) return invalid('reachabilityTargets', 'must be a non-empty list')
  const targets: ReachabilityTarget[] = []
  for (const [index, entry] of value.entries()) {
    const field = `reachabilityTargets[${index}]`
    if (!isRecord(entry)) return invalid(field, 'must be an object with "address" and "port"')
    const address = readAddress(entry.address, `${field}.address`)
    if (!address.ok) return address
    const port = entry.port
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      return invalid(`${field}.port`, 'must be a whole number from 1 to 65535')
    }
    targets.push({ address: address.value, port })
  }
  return { ok: true, value: targets }
}

function readCaptivePortalUrl(value: unknown): FieldResult<string> {
  if (typeof value !== 'string') return invalid('captivePortalUrl', 'must be an http:// address')
  try {
    if (new URL(value).protocol === 'http:') return { ok: true, value }
  } catch {
    // reported below like any other wrong value
  }
  return invalid('captivePortalUrl', 'must be an http:// address (captive portals only intercept plain HTTP)')
}

function readBudget(value: unknown): FieldResult<number> {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_BUDGET_MS || value > MAX_BUDGET_MS) {
    return invalid('budgetMs', `must be a whole number of milliseconds from ${MIN_BUDGET_MS} to ${MAX_BUDGET_MS}`)
  }
  return { ok: true, value }
}

function readProbeDomain(value: unknown): FieldResult<string> {
  if (typeof value !== 'string' || !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(value)) {
    return invalid('hijackProbeDomain', 'must be a domain name such as "com"')
  }
  return { ok: true, value }
}

const FIELD_READERS: { [K in keyof EngineConfig]: (value: unknown) => FieldResult<EngineConfig[K]> } = {
  publicResolvers: readPublicResolvers,
  reachabilityTargets: readReachabilityTargets,
  captivePortalUrl: readCaptivePortalUrl,
  budgetMs: readBudget,
  hijackProbeDomain: readProbeDomain,
}

/** Validates a parsed config document; missing keys take their defaults, unknown keys are refused. */
export function parseConfig(document: unknown): Result<{ config: EngineConfig }, ConfigErrorCode> {
  if (!isRecord(document)) return failure('config.invalid-field', 'the file must hold one JSON object')
  const config: Record<string, unknown> = { ...DEFAULT_CONFIG }
  for (const [key, value] of Object.entries(document)) {
    // Own keys only: "__proto__" or "constructor" in a file are unknown settings, not the object's machinery.
    if (!Object.hasOwn(FIELD_READERS, key)) return failure('config.invalid-field', `"${key}" is not a known setting`)
    const field = FIELD_READERS[key as keyof EngineConfig](value)
    if (!field.ok) return field
    config[key] = field.value
  }
  return { ok: true, config: config as unknown as EngineConfig }
}

/** A settings file is a few hundred bytes; anything near this is not one. */
export const MAX_CONFIG_BYTES = 64 * 1024

/**
 * Reads a settings file: an ordinary file only (a pipe with no writer would wait forever, a device
 * would never end), and at most MAX_CONFIG_BYTES of it.
 */
async function readSettingsFile(path: string): Promise<Result<{ text: string }, ConfigErrorCode>> {
  let handle
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer before we can see that it is one.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    return failure('config.unreadable', `${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`)
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) return failure('config.not-a-file', path)
    if (info.size > MAX_CONFIG_BYTES) return failure('config.too-large', `${path}|${MAX_CONFIG_BYTES}`)
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    // The file grew after stat(): still too large.
    if (bytesRead > MAX_CONFIG_BYTES) return failure('config.too-large', `${path}|${MAX_CONFIG_BYTES}`)
    return { ok: true, text: buffer.subarray(0, bytesRead).toString('utf8') }
  } catch (error) {
    return failure('config.unreadable', `${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`)
  } finally {
    await handle.close()
  }
}

export async function loadConfigFile(path: string): Promise<Result<{ config: EngineConfig }, ConfigErrorCode>> {
  const read = await readSettingsFile(path)
  if (!read.ok) return read
  let document: unknown
  try {
    document = JSON.parse(read.text)
  } catch (error) {
    return failure('config.not-json', `${path}: ${(error as Error).message}`)
  }
  const parsed = parseConfig(document)
  return parsed.ok ? parsed : failure(parsed.code, `${path}: ${parsed.detail}`)
}

/**
 * The settings every entry point starts with: from `path` when given, else from the file NETMEND_CONFIG
 * names, else the defaults. A file that cannot be used is a failure value; each caller decides what then.
 */
export async function loadConfig(path: string | null | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Result<{ config: EngineConfig }, ConfigErrorCode>> {
  const file = path || env.NETMEND_CONFIG
  return file ? loadConfigFile(file) : { ok: true, config: DEFAULT_CONFIG }
}
