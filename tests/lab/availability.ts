// Can this machine host lab worlds? Suites use it as `describe.skipIf(labUnavailableReason())`.
import { execFileSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import path from 'node:path'

/** Programs the lab runs; scripts/lab-deps.sh installs them. */
export const LAB_TOOLS = ['ip', 'nft', 'dnsmasq', 'nginx', 'dig', 'curl', 'ping', 'openssl'] as const

const SBIN_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin']

/** PATH for the lab's child processes: the caller's PATH plus the sbin directories root's tools live in. */
export function labPath(): string {
  const dirs = (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(path.delimiter).filter(Boolean)
  for (const d of SBIN_DIRS) if (!dirs.includes(d)) dirs.push(d)
  return dirs.join(path.delimiter)
}

/** Absolute path of `tool` on labPath(), or null. */
export function findTool(tool: string): string | null {
  for (const dir of labPath().split(path.delimiter)) {
    const candidate = path.join(dir, tool)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // keep looking
    }
  }
  return null
}

let cached: string | null | undefined

/**
 * null when the lab can run here (Linux, root, every tool present, `ip netns add` works);
 * otherwise a one-line reason to print next to the skipped suite.
 */
export function labUnavailableReason(): string | null {
  if (cached !== undefined) return cached
  cached = computeReason()
  return cached
}

function computeReason(): string | null {
  if (process.platform !== 'linux') return `network lab needs Linux (this is ${process.platform})`
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'network lab needs root (ip netns, nftables)'
  const missing = LAB_TOOLS.filter((t) => findTool(t) === null)
  if (missing.length > 0) return `network lab tools missing: ${missing.join(', ')} (run: bash scripts/lab-deps.sh)`
  const probe = `nmlab-${process.pid}-probe`
  const env = { ...process.env, PATH: labPath() }
  try {
    execFileSync('ip', ['netns', 'add', probe], { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 })
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim()
    return `network lab cannot create network namespaces: ${stderr || String(err)}`
  }
  try {
    execFileSync('ip', ['netns', 'del', probe], { env, stdio: 'ignore', timeout: 10_000 })
  } catch {
    // the probe namespace is named after our pid, so sweepLeftoverLabs removes it later
  }
  return null
}
