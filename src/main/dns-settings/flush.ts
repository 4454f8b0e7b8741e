// Clearing the DNS cache the system actually has, and saying so honestly when there is none.
//   Windows: ipconfig /flushdns (no admin rights needed)
//   macOS:   dscacheutil -flushcache, then killall -HUP mDNSResponder (admin)
//   Linux:   resolvectl flush-caches when systemd-resolved answers lookups; nscd -i hosts when nscd runs;
//            otherwise glibc keeps no cache at all.
import { access } from 'node:fs/promises'
import { parseResolvConf } from '../platform/resolv-conf'
import type { Step } from './types'

export type FlushPlan =
  | { method: 'none' }
  | { method: string; privileged: true; steps: Step[] }
  | { method: string; privileged: false; file: string; args: string[] }

const NSCD_SOCKETS = ['/run/nscd/socket', '/var/run/nscd/socket']

export async function nscdRunning(exists: (file: string) => Promise<boolean> = fileExists): Promise<boolean> {
  for (const socket of NSCD_SOCKETS) if (await exists(socket)) return true
  return false
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file)
    return true
  } catch {
    return false
  }
}

export interface FlushFacts {
  /** Linux: /etc/resolv.conf as this process sees it. */
  resolvConf?: string
  nscd?: boolean
  /** Windows: the Windows folder as the kernel names it (windows-system-root.ts), when it can be resolved. */
  systemRoot?: string
}

export function planFlush(platform: NodeJS.Platform, facts: FlushFacts = {}): FlushPlan {
  switch (platform) {
    case 'win32': {
      // Found under the kernel's Windows folder where it can be (an elevated NetMend runs it elevated).
      const root = facts.systemRoot
      return { method: 'ipconfig /flushdns', privileged: false, file: root === undefined ? 'ipconfig' : `${root}\\System32\\ipconfig.exe`, args: ['/flushdns'] }
    }
    case 'darwin':
      return {
        method: 'dscacheutil -flushcache; killall -HUP mDNSResponder',
        privileged: true,
        steps: [
          { kind: 'run', file: '/usr/bin/dscacheutil', args: ['-flushcache'] },
          { kind: 'run', file: '/usr/bin/killall', args: ['-HUP', 'mDNSResponder'] },
        ],
      }
    case 'linux': {
      const conf = parseResolvConf(facts.resolvConf ?? '')
      const stub = conf.nameservers.some((server) => server.address === '127.0.0.53')
      const steps: Step[] = []
      const methods: string[] = []
      if (stub) {
        steps.push({ kind: 'run', file: 'resolvectl', args: ['flush-caches'] })
        methods.push('resolvectl flush-caches')
      }
      if (facts.nscd === true) {
        steps.push({ kind: 'run', file: 'nscd', args: ['-i', 'hosts'] })
        methods.push('nscd -i hosts')
      }
      return steps.length === 0 ? { method: 'none' } : { method: methods.join('; '), privileged: true, steps }
    }
    default:
      return { method: 'none' }
  }
}
