// Runs a TypeScript probe inside a private network namespace holding only its own loopback interface,
// given the link-local address fe80::1: real link-local traffic that cannot reach any real link.
import { execFile, execFileSync } from 'node:child_process'
import { afterAll, beforeAll } from 'vitest'
import { bundleProbe } from './bundle-probe'

export { PROJECT_ROOT } from './bundle-probe'

/** Linux, root and unshare are all needed; suites skip themselves otherwise. */
export function canMakeNamespaces(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  try {
    execFileSync('unshare', ['-n', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore', timeout: 5000 })
    return true
  } catch {
    return false
  }
}

interface LinkLocalProbe {
  /** Runs the probe in a fresh namespace and returns what it printed on stdout. */
  run(): Promise<string>
  dispose(): Promise<void>
}

/** Bundles `script` (ES module source that imports project files by absolute path) into a runnable probe. */
async function prepareLinkLocalProbe(script: string): Promise<LinkLocalProbe> {
  const probe = await bundleProbe(script)
  const shell = `ip link set lo up && ip -6 addr add fe80::1/64 dev lo nodad && exec ${JSON.stringify(process.execPath)} ${JSON.stringify(probe.file)}`
  return {
    run: () =>
      new Promise<string>((done, fail) =>
        execFile('unshare', ['-n', 'sh', '-c', shell], { timeout: 15_000 }, (error, out, err) => (error ? fail(new Error(`${error.message}\n${err}`)) : done(out))),
      ),
    dispose: probe.dispose,
  }
}

/**
 * For a test file: bundles the probe before its tests (when namespaces can be made here) and removes it
 * after them. `runnable` says whether the suite can run; `run` runs the probe once more.
 */
export function useLinkLocalProbe(script: string): { runnable: boolean; run: () => Promise<string> } {
  const runnable = canMakeNamespaces()
  let probe: LinkLocalProbe | undefined
  beforeAll(async () => {
    if (runnable) probe = await prepareLinkLocalProbe(script)
  })
  afterAll(async () => {
    await probe?.dispose()
  })
  return { runnable, run: () => probe!.run() }
}
