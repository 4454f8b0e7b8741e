// Bundles a TypeScript probe (ES module source that imports project files by absolute path) into one
// runnable .mjs file, for tests that run project code in a child process inside a private namespace.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'

export const PROJECT_ROOT = resolve('.')

export interface BundledProbe {
  /** The bundled script, to run with process.execPath. */
  file: string
  dispose(): Promise<void>
}

export async function bundleProbe(script: string): Promise<BundledProbe> {
  const dir = await mkdtemp(join(tmpdir(), 'netmend-probe-'))
  await writeFile(join(dir, 'probe.ts'), script)
  await build({
    entryPoints: [join(dir, 'probe.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, 'probe.mjs'),
    logLevel: 'silent',
    nodePaths: [join(PROJECT_ROOT, 'node_modules')],
    // dns-packet is CommonJS and requires Node built-ins.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  })
  return { file: join(dir, 'probe.mjs'), dispose: () => rm(dir, { recursive: true, force: true }) }
}
