// Runs a TypeScript script on plain Node by bundling it first (used by the benchmark).
import { build } from 'esbuild'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const [entry, ...rest] = process.argv.slice(2)
// Inside the project, so the bundle's external packages resolve from node_modules.
const cache = resolve('node_modules/.cache')
mkdirSync(cache, { recursive: true })
const dir = mkdtempSync(join(cache, 'netmend-run-'))
const outfile = join(dir, 'script.mjs')
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' })
process.argv = [process.argv[0], entry, ...rest]
try {
  await import(pathToFileURL(outfile).href)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
