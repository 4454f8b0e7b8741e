import { readDefaultGateways } from '../platform/gateway'
import { listActiveInterfaces } from '../platform/interfaces'
import { runCommand } from '../platform/run-command'
import { readSystemResolvers } from '../platform/system-resolvers'
import type { SystemAccess } from './check'

export function realSystemAccess(): SystemAccess {
  return {
    platform: process.platform,
    run: runCommand,
    listInterfaces: () => listActiveInterfaces(),
    readDefaultGateways: () => readDefaultGateways(),
    readSystemResolvers: () => readSystemResolvers(),
  }
}
