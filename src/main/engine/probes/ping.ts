import { isIP } from 'node:net'
import type { CommandRunner } from '../../platform/run-command'

/** One ICMP echo through the system's ping tool (no raw sockets without root); false when unavailable. */
export async function pingOnce(address: string, options: { run: CommandRunner; platform: NodeJS.Platform; timeoutMs: number; signal?: AbortSignal }): Promise<boolean> {
  if (isIP(address) === 0) return false
  const seconds = String(Math.max(1, Math.round(options.timeoutMs / 1000)))
  const args =
    options.platform === 'win32'
      ? ['-n', '1', '-w', String(options.timeoutMs), address]
      : options.platform === 'darwin'
        ? ['-c', '1', '-t', seconds, address]
        : ['-c', '1', '-W', seconds, address]
  const file = isIP(address) === 6 && options.platform === 'darwin' ? 'ping6' : 'ping'
  const output = await options.run(file, args, { timeoutMs: options.timeoutMs + 500, signal: options.signal })
  return output.ok && output.code === 0
}
