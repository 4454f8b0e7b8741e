import { readFile as readFileFromDisk } from 'node:fs/promises'
import os from 'node:os'
import type { DefaultGateway } from './default-gateway'
import { parseProcNetIpv6Route, parseProcNetRoute, type RankedGateway } from './linux-routes'
import { parseNetstatDefaultRoutes } from './macos-routes'
import { runPowerShellJson } from './powershell'
import { runCommand, type CommandOptions, type CommandOutput, type CommandRunner } from './run-command'
import { parseRoutePrint, routeExePath } from './windows-route-print'
import { DEFAULT_ROUTES_SCRIPT, parseNetRouteItems } from './windows-routes'

export type { DefaultGateway } from './default-gateway'

export interface ReadDefaultGatewaysOptions {
  platform?: NodeJS.Platform
  run?: CommandRunner
  readFile?: (path: string) => Promise<string>
  /** For the commands that read the routes (netstat, PowerShell): their limits, and whether they may outlive interest in them. */
  command?: CommandOptions
  /** Windows: this machine's interfaces, to name the adapters `route print` refers to by address or index. */
  networkInterfaces?: () => NodeJS.Dict<os.NetworkInterfaceInfo[]>
}

const readUtf8 = (path: string): Promise<string> => readFileFromDisk(path, 'utf8')

async function readOrEmpty(readFile: (path: string) => Promise<string>, path: string): Promise<string> {
  try {
    return await readFile(path)
  } catch {
    return ''
  }
}

async function runOrFail(run: CommandRunner, file: string, args: readonly string[], command: CommandOptions): Promise<CommandOutput> {
  try {
    return await run(file, args, command)
  } catch {
    return { ok: false, stdout: '', stderr: '', code: null, error: 'failed' }
  }
}

function withoutDuplicates(gateways: readonly DefaultGateway[]): DefaultGateway[] {
  const seen = new Set<string>()
  const unique: DefaultGateway[] = []
  for (const { address, family, interface: iface, zone } of gateways) {
    const key = `${address.toLowerCase()}|${iface}`
    if (seen.has(key)) continue
    seen.add(key)
    unique.push(zone === undefined ? { address, family, interface: iface } : { address, family, interface: iface, zone })
  }
  return unique
}

async function readLinuxGateways(readFile: (path: string) => Promise<string>): Promise<DefaultGateway[]> {
  // /proc/net is per network namespace, so this reflects the namespace we run in.
  const [ipv4Table, ipv6Table] = await Promise.all([
    readOrEmpty(readFile, '/proc/net/route'),
    readOrEmpty(readFile, '/proc/net/ipv6_route'),
  ])
  const byMetric = (left: RankedGateway, right: RankedGateway): number => left.metric - right.metric
  return [
    ...parseProcNetRoute(ipv4Table, os.endianness()).sort(byMetric),
    ...parseProcNetIpv6Route(ipv6Table).sort(byMetric),
  ]
}

async function readMacGateways(run: CommandRunner, command: CommandOptions): Promise<DefaultGateway[]> {
  const outputs = await Promise.all([
    runOrFail(run, 'netstat', ['-rn', '-f', 'inet'], command),
    runOrFail(run, 'netstat', ['-rn', '-f', 'inet6'], command),
  ])
  return outputs.flatMap((output) => parseNetstatDefaultRoutes(output.stdout))
}

async function readWindowsGateways(run: CommandRunner, options: ReadDefaultGatewaysOptions): Promise<DefaultGateway[]> {
  const command = options.command ?? {}
  // route.exe answers in milliseconds; Get-NetRoute needs PowerShell, seconds when cold, past the router check's deadline.
  const printed = await runOrFail(run, routeExePath(), ['print'], command)
  const fast = printed.ok ? parseRoutePrint(printed.stdout, (options.networkInterfaces ?? os.networkInterfaces)()) : undefined
  if (fast !== undefined) return fast
  const result = await runPowerShellJson(run, DEFAULT_ROUTES_SCRIPT, command)
  return result.ok ? parseNetRouteItems(result.items) : []
}

/** Default gateways, preferred first where the OS exposes a metric; empty when none or unreadable. */
export async function readDefaultGateways(options: ReadDefaultGatewaysOptions = {}): Promise<DefaultGateway[]> {
  const platform = options.platform ?? process.platform
  const run = options.run ?? runCommand
  const readFile = options.readFile ?? readUtf8
  switch (platform) {
    case 'linux':
      return withoutDuplicates(await readLinuxGateways(readFile))
    case 'darwin':
      return withoutDuplicates(await readMacGateways(run, options.command ?? {}))
    case 'win32':
      return withoutDuplicates(await readWindowsGateways(run, options))
    default:
      return []
  }
}
