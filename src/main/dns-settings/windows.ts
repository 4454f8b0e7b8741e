// Windows: everything is read with PowerShell as JSON (never localized netsh/ipconfig text). Adapters are
// addressed by InterfaceIndex, and found again by InterfaceGuid, then by name, when settings are restored
// (the index can change after a driver update or a reboot). The registry tells hand-set servers
// (NameServer) from DHCP's (DhcpNameServer).
import { failure } from '../../shared/result'
import { ipFamily, splitZone } from '../platform/ip-address'
import { numberField, runPowerShellJson, stringField } from '../platform/powershell'
import { dnsItemFamily, isSiteLocalPlaceholder, stringList } from '../platform/windows-dns'
import type { CommandRunner } from '../platform/run-command'
import type { AdapterReading, DnsBackend, PlanResult, ReadResult } from './backend'
import { POWERSHELL } from './privileged-commands'
import { adapterStateProblem } from './records'
import type { AdapterState, FamilyDns } from './types'
import { isServerAddress, isWindowsGuid, isWindowsIndex } from './validate'
import { isVirtualWindowsAdapter } from './virtual-adapters'

const TCPIP = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\Interfaces\\'
const TCPIP6 = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters\\Interfaces\\'

/** One PowerShell start reads everything: adapters, servers in use, DHCP state, default routes, registry, admin rights. */
export const WINDOWS_READ_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  '$admin = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)',
  '$adapters = @(Get-NetAdapter | Select-Object Name,InterfaceDescription,InterfaceIndex,InterfaceGuid,ifOperStatus)',
  '$dns = @(Get-DnsClientServerAddress | Select-Object InterfaceAlias,InterfaceIndex,AddressFamily,ServerAddresses)',
  '$ip = @(Get-NetIPInterface | Select-Object InterfaceIndex,AddressFamily,Dhcp)',
  "$routes = @(Get-NetRoute -DestinationPrefix '0.0.0.0/0','::/0' -PolicyStore ActiveStore | Select-Object InterfaceIndex,NextHop)",
  '$registry = @($adapters | ForEach-Object {',
  `  $v4 = Get-ItemProperty -Path ('${TCPIP}' + $_.InterfaceGuid)`,
  `  $v6 = Get-ItemProperty -Path ('${TCPIP6}' + $_.InterfaceGuid)`,
  '  [pscustomobject]@{ InterfaceGuid = $_.InterfaceGuid; NameServer = $v4.NameServer; DhcpNameServer = $v4.DhcpNameServer; NameServer6 = $v6.NameServer; DhcpNameServer6 = $v6.DhcpNameServer }',
  '})',
  '[pscustomobject]@{ IsAdmin = $admin; Adapters = $adapters; Dns = $dns; IpInterfaces = $ip; Routes = $routes; Registry = $registry } | ConvertTo-Json -Depth 4',
].join('\n')

const IF_OPER_STATUS_UP = 1
const DHCP_ENABLED = 1

export interface WindowsReading {
  isAdmin: boolean
  readings: AdapterReading[]
}

function records(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item))
}


/** The registry's NameServer / DhcpNameServer: addresses separated by commas or spaces. */
export function registryServers(value: unknown): string[] {
  if (typeof value !== 'string') return []
  return value
    .split(/[,\s]+/)
    .map((entry) => entry.trim())
    .filter(isServerAddress)
}

function isUp(item: Record<string, unknown>): boolean {
  const numeric = numberField(item, 'ifOperStatus')
  return numeric === IF_OPER_STATUS_UP || stringField(item, 'ifOperStatus') === 'Up'
}

function isDhcpEnabled(value: unknown): boolean {
  return value === DHCP_ENABLED || value === 'Enabled'
}

/** The JSON document WINDOWS_READ_SCRIPT prints, turned into adapters and what it takes to restore them. */
export function parseWindowsReading(document: Record<string, unknown>): WindowsReading {
  const dns = records(document.Dns)
  const ipInterfaces = records(document.IpInterfaces)
  const routes = records(document.Routes)
  const registry = new Map(records(document.Registry).map((item) => [stringField(item, 'InterfaceGuid')?.toLowerCase(), item]))
  const withDefaultRoute = new Set(routes.map((route) => numberField(route, 'InterfaceIndex')))
  const readings: AdapterReading[] = []

  for (const item of records(document.Adapters)) {
    const index = numberField(item, 'InterfaceIndex')
    const name = stringField(item, 'Name')
    const guid = stringField(item, 'InterfaceGuid')
    const description = stringField(item, 'InterfaceDescription') ?? ''
    if (!isWindowsIndex(index) || name === undefined || !isWindowsGuid(guid) || !isUp(item)) continue

    const inUse = (family: 'IPv4' | 'IPv6'): string[] =>
      dns
        .filter((entry) => numberField(entry, 'InterfaceIndex') === index && dnsItemFamily(entry) === family)
        .flatMap((entry) => stringList(entry.ServerAddresses))
        .map((text) => splitZone(text.trim()).address)
        .filter((address) => !isSiteLocalPlaceholder(address) && ipFamily(address) === family)
    const dhcp = (family: 'IPv4' | 'IPv6'): boolean =>
      ipInterfaces.some((entry) => numberField(entry, 'InterfaceIndex') === index && dnsItemFamily(entry) === family && isDhcpEnabled(entry.Dhcp))
    const keys = registry.get(guid.toLowerCase()) ?? {}
    const ipv4Manual = registryServers(keys.NameServer).filter((address) => ipFamily(address) === 'IPv4')
    const ipv6Manual = registryServers(keys.NameServer6).filter((address) => ipFamily(address) === 'IPv6')
    const source = (manual: string[], family: 'IPv4' | 'IPv6'): FamilyDns['source'] =>
      manual.length > 0 ? 'manual' : dhcp(family) || registryServers(family === 'IPv4' ? keys.DhcpNameServer : keys.DhcpNameServer6).length > 0 ? 'automatic' : 'unknown'

    readings.push({
      adapter: {
        id: String(index),
        name,
        owner: 'windows',
        ipv4: { servers: inUse('IPv4'), source: source(ipv4Manual, 'IPv4') },
        ipv6: { servers: inUse('IPv6'), source: source(ipv6Manual, 'IPv6') },
        virtual: isVirtualWindowsAdapter(description, name),
        primary: withDefaultRoute.has(index),
      },
      state: { owner: 'windows', key: guid.toLowerCase(), index, name, guid, ipv4Manual, ipv6Manual },
    })
  }
  return { isAdmin: document.IsAdmin === true, readings }
}

const quoteList = (servers: readonly string[]): string => `(${servers.map((server) => `'${server}'`).join(',')})`

/** The PowerShell that sets servers on one adapter; values are validated digits and addresses only. */
export function windowsSetScript(index: number, servers: readonly string[]): string {
  return `Set-DnsClientServerAddress -InterfaceIndex ${index} -ServerAddresses ${quoteList(servers)}`
}

export function windowsResetScript(index: number): string {
  return `Set-DnsClientServerAddress -InterfaceIndex ${index} -ResetServerAddresses`
}

/**
 * The step running `statements` in Windows' PowerShell with errors made fatal, as -EncodedCommand
 * (UTF-16LE base64). The program is named, not located: the privileged side finds it.
 */
export function encodedPowerShell(statements: readonly string[]): { file: string; args: string[] } {
  const script = ["$ErrorActionPreference = 'Stop'", ...statements].join('; ')
  return { file: POWERSHELL, args: ['-NoProfile', '-NonInteractive', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')] }
}

export function createWindowsBackend(deps: { run: CommandRunner }): DnsBackend & { isAdmin(): Promise<boolean> } {
  let lastAdmin: boolean | undefined

  async function read(): Promise<ReadResult> {
    const result = await runPowerShellJson(deps.run, WINDOWS_READ_SCRIPT)
    if (!result.ok) return failure('dns-settings.unreadable', `PowerShell (Get-NetAdapter, Get-DnsClientServerAddress): ${result.code}`)
    const document = result.items[0]
    if (document === undefined) return failure('dns-settings.unreadable', 'PowerShell printed nothing')
    const reading = parseWindowsReading(document)
    lastAdmin = reading.isAdmin
    return { ok: true, readings: reading.readings }
  }

  function planApply(state: AdapterState, servers: readonly string[]): PlanResult {
    if (state.owner !== 'windows') return failure('dns-settings.unsupported', state.owner)
    if (!isWindowsIndex(state.index) || !servers.every(isServerAddress)) return failure('dns-settings.unsafe-name', String(state.index))
    const command = encodedPowerShell([windowsSetScript(state.index, servers)])
    return { ok: true, steps: [{ kind: 'run', ...command }] }
  }

  function planRestore(saved: AdapterState, current: readonly AdapterState[]): PlanResult {
    // The restore pre-check: the saved state comes from a file programs running as the person can write.
    const problem = adapterStateProblem(saved, 'win32')
    if (problem !== undefined) return failure('dns-settings.refused', `the saved settings: ${problem}`)
    if (saved.owner !== 'windows') return failure('dns-settings.unsupported', saved.owner)
    const candidates = current.filter((state): state is Extract<AdapterState, { owner: 'windows' }> => state.owner === 'windows')
    const now =
      candidates.find((state) => state.guid.toLowerCase() === saved.guid.toLowerCase()) ?? candidates.find((state) => state.name === saved.name)
    if (now === undefined) return failure('dns-settings.adapter-gone', saved.name)
    const same = (left: string[], right: string[]): boolean => left.join(',').toLowerCase() === right.join(',').toLowerCase()
    if (same(now.ipv4Manual, saved.ipv4Manual) && same(now.ipv6Manual, saved.ipv6Manual)) return { ok: true, steps: [] }
    const manual = [...saved.ipv4Manual, ...saved.ipv6Manual]
    if (!isWindowsIndex(now.index) || !manual.every(isServerAddress)) return failure('dns-settings.unsafe-name', saved.name)
    // Reset both families to DHCP, then put back the hand-set lists (a list of one family leaves the other alone).
    const statements = [windowsResetScript(now.index)]
    if (manual.length > 0) statements.push(windowsSetScript(now.index, manual))
    return { ok: true, steps: [{ kind: 'run', ...encodedPowerShell(statements) }] }
  }

  function serversInUse(state: AdapterState): string[] {
    return state.owner === 'windows' ? [...state.ipv4Manual, ...state.ipv6Manual] : []
  }

  return {
    read,
    planApply,
    planRestore,
    serversInUse,
    async isAdmin() {
      if (lastAdmin === undefined) await read()
      return lastAdmin === true
    },
  }
}

