// The only commands NetMend ever runs with admin rights, checked argument by argument just before they
// run: a fixed program, its fixed words, and values that are plainly IP addresses or adapter identifiers.
// Anything else is refused, so no text from a person, a config file or the network can become a command.
import { decodePowerShell } from './windows'
import type { Step } from './types'
import {
  isAdapterId,
  isNetworkManagerUuid,
  isSearchDomain,
  isServerAddress,
  isServiceName,
  isSystemServer,
  isWindowsIndex,
} from './validate'

const SERVER_LIST = (text: string): boolean => text === '' || text.split(' ').every(isSystemServer)
const POWERSHELL_PATH = /^([A-Za-z]:\\[A-Za-z0-9 ._()\\-]+\\)?powershell\.exe$/i

type ArgumentRule = (argument: string, index: number, all: readonly string[]) => boolean

const words = (...allowed: string[]): ArgumentRule => (argument) => allowed.includes(argument)

const RULES: Record<string, (args: readonly string[]) => boolean> = {
  resolvectl: (args) => {
    const [verb, link, ...rest] = args
    if (verb === 'flush-caches') return args.length === 1
    if (!isAdapterId(link)) return false
    if (verb === 'revert') return rest.length === 0
    if (verb === 'dns') return rest.every(isSystemServer)
    if (verb === 'domain') return rest.every(isSearchDomain)
    return false
  },
  nmcli: (args) => {
    if (args[0] === 'device') return args.length === 3 && args[1] === 'reapply' && isAdapterId(args[2])
    if (args[0] !== 'connection' || !isNetworkManagerUuid(args[2])) return false
    if (args[1] !== 'modify' || args.length % 2 !== 1) return false
    for (let index = 3; index < args.length; index += 2) {
      const [name, value] = [args[index] ?? '', args[index + 1] ?? '']
      if (name === 'ipv4.dns' || name === 'ipv6.dns') {
        if (!SERVER_LIST(value)) return false
      } else if (name === 'ipv4.ignore-auto-dns' || name === 'ipv6.ignore-auto-dns') {
        if (!words('yes', 'no')(value, index, args)) return false
      } else {
        return false
      }
    }
    return true
  },
  resolvconf: (args) => (args.length === 2 && args[0] === '-a' && args[1] === 'lo.netmend') || (args.length === 3 && args[0] === '-d' && args[1] === 'lo.netmend' && args[2] === '-f'),
  nscd: (args) => args.length === 2 && args[0] === '-i' && args[1] === 'hosts',
  '/usr/sbin/networksetup': (args) => {
    const [verb, service, ...servers] = args
    if (verb !== '-setdnsservers' || !isServiceName(service) || servers.length === 0) return false
    return (servers.length === 1 && servers[0] === 'Empty') || servers.every(isServerAddress)
  },
  '/usr/bin/dscacheutil': (args) => args.length === 1 && args[0] === '-flushcache',
  '/usr/bin/killall': (args) => args.length === 2 && args[0] === '-HUP' && args[1] === 'mDNSResponder',
}

const SET_SERVERS = /^Set-DnsClientServerAddress -InterfaceIndex (\d+) -ServerAddresses \(('[^']+'(?:,'[^']+')*)\)$/
const RESET_SERVERS = /^Set-DnsClientServerAddress -InterfaceIndex (\d+) -ResetServerAddresses$/

/** The statements NetMend's PowerShell may run elevated; each value is re-validated. */
export function isAllowedPowerShellScript(script: string): boolean {
  const statements = script.split('; ')
  if (statements[0] !== "$ErrorActionPreference = 'Stop'" || statements.length < 2) return false
  return statements.slice(1).every((statement) => {
    const reset = RESET_SERVERS.exec(statement)
    if (reset !== null) return isWindowsIndex(Number(reset[1]))
    const set = SET_SERVERS.exec(statement)
    if (set === null || !isWindowsIndex(Number(set[1]))) return false
    return (set[2] ?? '').split(',').every((quoted) => isServerAddress(quoted.slice(1, -1)))
  })
}

function isAllowedPowerShell(file: string, args: readonly string[]): boolean {
  if (!POWERSHELL_PATH.test(file)) return false
  if (args.length !== 4 || args[0] !== '-NoProfile' || args[1] !== '-NonInteractive' || args[2] !== '-EncodedCommand') return false
  const encoded = args[3] ?? ''
  return /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) && isAllowedPowerShellScript(decodePowerShell(encoded))
}

const RESOLVCONF_INPUT = /^(nameserver [0-9A-Fa-f:.]+\n)+$/
/** resolv.conf is a few hundred bytes; one argument of a command line may hold at most 128 KiB. */
const MAX_FILE_BASE64 = 32 * 1024
const FILE_PATH = /^\/[A-Za-z0-9._/-]+$/

/** An absolute path of plain characters with no "." or ".." parts, safe inside a command line. */
export function isPrivilegedFilePath(file: string): boolean {
  return FILE_PATH.test(file) && file.split('/').slice(1).every((part) => part !== '' && part !== '.' && part !== '..')
}

/** Why `step` may not run with admin rights, or undefined when every argument checks out. */
export function privilegedStepProblem(step: Step): string | undefined {
  if (step.kind === 'write-file') {
    const contentOk = step.content.length <= MAX_FILE_BASE64 && /^[A-Za-z0-9+/]*={0,2}$/.test(step.content)
    return isPrivilegedFilePath(step.path) && contentOk ? undefined : `refused file ${JSON.stringify(step.path)}`
  }
  if (step.input !== undefined) {
    const inputOk = step.file === 'resolvconf' && RESOLVCONF_INPUT.test(step.input) && step.input.trim().split('\n').every((line) => isServerAddress(line.slice('nameserver '.length)))
    if (!inputOk) return `refused input for ${step.file}`
  }
  const rule = RULES[step.file]
  const allowed = rule !== undefined ? rule(step.args) : isAllowedPowerShell(step.file, step.args)
  return allowed ? undefined : `refused command ${JSON.stringify([step.file, ...step.args])}`
}
