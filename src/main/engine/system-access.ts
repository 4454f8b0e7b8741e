import { readDefaultGateways } from '../platform/gateway'
import { hostsFilePath, readHostsFile } from '../platform/hosts-file'
import { readProxySettings } from '../platform/proxy/read-proxy-settings'
import { listActiveInterfaces } from '../platform/interfaces'
import { runCommand, type CommandOptions } from '../platform/run-command'
import { readSystemResolvers } from '../platform/system-resolvers'
import type { SystemAccess } from './check'

// A check that times out stops waiting for these reads; the commands behind them (a cold PowerShell can take
// seconds) then must not keep the CLI from exiting. The orchestrator's own timers keep the process alive
// for as long as anyone still waits.
const READ_IN_BACKGROUND: CommandOptions = { background: true }

export function realSystemAccess(): SystemAccess {
  return {
    platform: process.platform,
    run: runCommand,
    listInterfaces: () => listActiveInterfaces(),
    readDefaultGateways: () => readDefaultGateways({ command: READ_IN_BACKGROUND }),
    // On Windows this is c-ares' list of the system's servers, not PowerShell: the DNS checks all wait on it.
    readSystemResolvers: () => readSystemResolvers({ command: READ_IN_BACKGROUND }),
    readHostsFile: () => readHostsFile(hostsFilePath(process.platform)),
    readProxySettings: () => readProxySettings({ platform: process.platform, env: process.env, run: (file, args) => runCommand(file, args, READ_IN_BACKGROUND) }),
  }
}
