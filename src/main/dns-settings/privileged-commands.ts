// Everything NetMend ever does with admin rights, as fixed lists checked just before it happens: which
// programs (found in the system's own folders, never through PATH or the environment), with which words,
// and which files. Values are re-validated here whatever produced them: IP literals, adapter identifiers,
// resolv.conf grammar. Anything else is refused, so no text from a person, a file in NetMend's data folder,
// a config file or the network can become a command or pick a file.
import { findSystemTool } from '../platform/root-only'
import { isLocalWindowsFolder, powershellUnder, trustedSystemRoot } from '../platform/windows-system-root'
import { resolvConfProblem } from './resolv-conf-grammar'
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

/** The one file NetMend writes: programs read it, and a symlink there leads to what is written. */
export const RESOLV_CONF = '/etc/resolv.conf'

/**
 * Where /etc/resolv.conf may lead when NetMend writes it as a plain file: the file itself, or the file a
 * NetworkManager that no longer runs left it linked to. Resolved on the privileged side (root's realpath in
 * the elevated shell, or in this process when it is root); a link to anywhere else is refused.
 */
export const RESOLV_CONF_TARGETS: readonly string[] = [
  RESOLV_CONF,
  '/run/NetworkManager/resolv.conf',
  '/run/NetworkManager/no-stub-resolv.conf',
  '/var/run/NetworkManager/resolv.conf',
  '/var/run/NetworkManager/no-stub-resolv.conf',
]

/** Linux programs by name; the privileged side finds each in the system folders (root-only.ts). */
const LINUX_TOOLS = ['resolvectl', 'nmcli', 'resolvconf', 'nscd'] as const
/** macOS programs live where the sealed system volume keeps them. */
const MACOS_TOOLS = ['/usr/sbin/networksetup', '/usr/bin/dscacheutil', '/usr/bin/killall'] as const
/** Windows' own PowerShell, under the folder the kernel names (windows-system-root.ts). */
export const POWERSHELL = 'powershell.exe'

const MAX_SERVERS = 6
/** Our resolvconf record. Debian's interface-order puts lo.* records before every real interface. */
export const RESOLVCONF_RECORD = 'lo.netmend'

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const MAX_ENCODED_POWERSHELL = 16 * 1024
const STOP_ON_ERRORS = "$ErrorActionPreference = 'Stop'"
const SET_SERVERS = /^Set-DnsClientServerAddress -InterfaceIndex ([0-9]{1,10}) -ServerAddresses \(('[0-9A-Fa-f:.]{2,45}'(?:,'[0-9A-Fa-f:.]{2,45}'){0,11})\)$/
const RESET_SERVERS = /^Set-DnsClientServerAddress -InterfaceIndex ([0-9]{1,10}) -ResetServerAddresses$/

const serverList = (text: string): boolean => text === '' || text.split(' ').every(isSystemServer)
const oneOrMore = (values: readonly string[], check: (value: string) => boolean): boolean =>
  values.length > 0 && values.length <= 32 && values.every(check)

const RULES: Record<string, (args: readonly string[]) => boolean> = {
  resolvectl: (args) => {
    const [verb, link, ...rest] = args
    if (verb === 'flush-caches') return args.length === 1
    if (!isAdapterId(link)) return false
    if (verb === 'revert') return rest.length === 0
    if (verb === 'dns') return oneOrMore(rest, isSystemServer)
    if (verb === 'domain') return oneOrMore(rest, isSearchDomain)
    return false
  },
  nmcli: (args) => {
    if (args[0] === 'device') return args.length === 3 && args[1] === 'reapply' && isAdapterId(args[2])
    if (args[0] !== 'connection' || args[1] !== 'modify' || !isNetworkManagerUuid(args[2])) return false
    const properties = args.slice(3)
    if (properties.length === 0 || properties.length % 2 !== 0) return false
    for (let index = 0; index < properties.length; index += 2) {
      const [name, value] = [properties[index] ?? '', properties[index + 1] ?? '']
      if (name === 'ipv4.dns' || name === 'ipv6.dns') {
        if (!serverList(value)) return false
      } else if (name === 'ipv4.ignore-auto-dns' || name === 'ipv6.ignore-auto-dns') {
        if (value !== 'yes' && value !== 'no') return false
      } else {
        return false
      }
    }
    return true
  },
  resolvconf: (args) =>
    (args.length === 2 && args[0] === '-a' && args[1] === RESOLVCONF_RECORD) ||
    (args.length === 3 && args[0] === '-d' && args[1] === RESOLVCONF_RECORD && args[2] === '-f'),
  nscd: (args) => args.length === 2 && args[0] === '-i' && args[1] === 'hosts',
  '/usr/sbin/networksetup': (args) => {
    const [verb, service, ...servers] = args
    if (verb !== '-setdnsservers' || !isServiceName(service) || servers.length === 0 || servers.length > MAX_SERVERS) return false
    return (servers.length === 1 && servers[0] === 'Empty') || servers.every(isServerAddress)
  },
  '/usr/bin/dscacheutil': (args) => args.length === 1 && args[0] === '-flushcache',
  '/usr/bin/killall': (args) => args.length === 2 && args[0] === '-HUP' && args[1] === 'mDNSResponder',
  [POWERSHELL]: (args) => {
    if (args.length !== 4 || args[0] !== '-NoProfile' || args[1] !== '-NonInteractive' || args[2] !== '-EncodedCommand') return false
    const encoded = args[3] ?? ''
    return encoded.length <= MAX_ENCODED_POWERSHELL && BASE64.test(encoded) && isAllowedPowerShellScript(decodePowerShell(encoded))
  },
}

const TOOLS_OF: Partial<Record<NodeJS.Platform, readonly string[]>> = {
  linux: LINUX_TOOLS,
  darwin: MACOS_TOOLS,
  win32: [POWERSHELL],
}


export function decodePowerShell(encoded: string): string {
  return Buffer.from(encoded, 'base64').toString('utf16le')
}

/** The statements NetMend's PowerShell may run elevated, after errors are made fatal; each value is re-validated. */
export function isAllowedPowerShellStatement(statement: string): boolean {
  const reset = RESET_SERVERS.exec(statement)
  if (reset !== null) return isWindowsIndex(Number(reset[1]))
  const set = SET_SERVERS.exec(statement)
  if (set === null || !isWindowsIndex(Number(set[1]))) return false
  return (set[2] ?? '').split(',').every((quoted) => isServerAddress(quoted.slice(1, -1)))
}

/** A whole script: errors made fatal first, then allowed statements only. */
export function isAllowedPowerShellScript(script: string): boolean {
  const statements = script.split('; ')
  return statements[0] === STOP_ON_ERRORS && statements.length >= 2 && statements.slice(1).every(isAllowedPowerShellStatement)
}

/** Why `step` may not run with admin rights on `platform`, or undefined when every part of it checks out. */
export function privilegedStepProblem(step: Step, platform: NodeJS.Platform): string | undefined {
  if (step.kind === 'write-resolv-conf') {
    if (platform !== 'linux') return 'files are written with admin rights on Linux only'
    if (!BASE64.test(step.content)) return 'refused resolv.conf: not base64'
    const problem = resolvConfProblem(Buffer.from(step.content, 'base64'))
    return problem === undefined ? undefined : `refused resolv.conf: ${problem}`
  }
  if (!(TOOLS_OF[platform] ?? []).includes(step.file)) return `refused program ${JSON.stringify(step.file)}`
  if (step.input !== undefined) {
    const lines = step.input.split('\n')
    const inputOk =
      step.file === 'resolvconf' &&
      lines.pop() === '' &&
      lines.length > 0 &&
      lines.length <= MAX_SERVERS &&
      lines.every((line) => line.startsWith('nameserver ') && isServerAddress(line.slice('nameserver '.length)))
    if (!inputOk) return `refused input for ${step.file}`
  }
  const rule = RULES[step.file]
  return rule !== undefined && rule(step.args) ? undefined : `refused command ${JSON.stringify([step.file, ...step.args])}`
}

export interface ProgramSeams {
  /** Linux: where a system program is (default: the root-only search of root-only.ts). */
  locateTool?: (name: string) => Promise<string | undefined>
  /** Windows: the Windows folder as the kernel names it (default: windows-system-root.ts). */
  systemRoot?: () => string | undefined
}

/**
 * The absolute program the privileged side runs for `file` (a name from the lists above), or undefined
 * when it cannot be found without trusting PATH or the environment.
 */
export async function privilegedProgram(file: string, platform: NodeJS.Platform, seams: Required<ProgramSeams>): Promise<string | undefined> {
  if (!(TOOLS_OF[platform] ?? []).includes(file)) return undefined
  if (platform === 'linux') return seams.locateTool(file)
  if (platform === 'win32') {
    const root = seams.systemRoot()
    return root !== undefined && isLocalWindowsFolder(root) ? powershellUnder(root) : undefined
  }
  return file
}

export const defaultProgramSeams: Required<ProgramSeams> = {
  locateTool: (name) => findSystemTool(name),
  systemRoot: trustedSystemRoot,
}
