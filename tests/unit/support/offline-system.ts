import type { SystemAccess } from '../../../src/main/engine/check'
import type { SystemResolversResult } from '../../../src/main/platform/system-resolvers'

const NO_RESOLVERS: SystemResolversResult = { ok: false, code: 'resolvers.none', detail: '' }

/** An operating system with nothing to report and no commands: checks under test get only what a test gives them. */
export const offlineSystem: SystemAccess = {
  platform: 'linux',
  run: async () => ({ ok: false, stdout: '', stderr: '', code: null, error: 'not-found' }),
  listInterfaces: () => [],
  readDefaultGateways: async () => [],
  readSystemResolvers: async () => NO_RESOLVERS,
  // No hosts file lines: a test never reads this machine's own.
  readHostsFile: async () => ({ ok: true, path: '/etc/hosts', entries: [] }),
  readProxySettings: async () => null,
}

export const noSystemResolvers = async (): Promise<SystemResolversResult> => NO_RESOLVERS
