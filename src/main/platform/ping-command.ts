import { isIP } from 'node:net'
import { linkLocalZone } from './ip-address'

export interface PingCommand {
  file: string
  args: string[]
}

/**
 * The system ping for one echo to `address`. A link-local IPv6 address needs its zone (interface name on
 * Linux and macOS, interface index on Windows) or the echo leaves on no interface at all. Undefined for
 * anything that is not an IP literal, so a name never reaches the command line.
 */
export function pingCommand(address: string, options: { platform: NodeJS.Platform; timeoutMs: number; zone?: string }): PingCommand | undefined {
  const version = isIP(address)
  if (version === 0 || address.includes('%')) return undefined
  const zone = linkLocalZone(address, options.zone)
  if (zone !== undefined && !/^[0-9A-Za-z_.:@][0-9A-Za-z_.:@-]{0,63}$/.test(zone)) return undefined
  const seconds = String(Math.max(1, Math.round(options.timeoutMs / 1000)))
  switch (options.platform) {
    case 'win32':
      // ping.exe takes the scope only as fe80::1%12; -6 keeps it from trying IPv4 for the literal.
      return version === 6
        ? { file: 'ping', args: ['-6', '-n', '1', '-w', String(options.timeoutMs), zone === undefined ? address : `${address}%${zone}`] }
        : { file: 'ping', args: ['-n', '1', '-w', String(options.timeoutMs), address] }
    case 'darwin':
      // ping6 has no timeout option (its -t asks for node information); the runner's timeout ends it.
      return version === 6
        ? { file: 'ping6', args: ['-c', '1', ...(zone === undefined ? [] : ['-I', zone]), address] }
        : { file: 'ping', args: ['-c', '1', '-t', seconds, address] }
    default:
      // iputils and busybox both take -I interface for the scope of a link-local destination.
      return { file: 'ping', args: ['-c', '1', '-W', seconds, ...(zone === undefined ? [] : ['-I', zone]), address] }
  }
}
