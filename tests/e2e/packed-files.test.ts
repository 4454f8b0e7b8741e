// What the installers would carry, computed from the built app (out/, built by this project's setup) with
// electron-builder's own file matcher and the `files` patterns of electron-builder.config.ts: the bundles
// and package.json, nothing of the sources, tests or maps. Production dependencies (which electron-builder
// adds from node_modules) must be exactly the packages the main bundle loads at run time.
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { configuration } from '../../electron-builder.config'

const ROOT = resolve('.')
const fromElectronBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'))
type Filter = (file: string, stat: Stats) => boolean
const { FileMatcher } = fromElectronBuilder('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, expand: (pattern: string) => string, patterns: unknown) => { createFilter(): Filter }
}

/** Walks the project as electron-builder walks the app folder: a directory the filter refuses is not entered. */
function packedFiles(filter: Filter): string[] {
  const found: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      const stat = statSync(path)
      if (!filter(path, stat)) continue
      if (stat.isDirectory()) walk(path)
      else found.push(relative(ROOT, path))
    }
  }
  walk(ROOT)
  return found.sort()
}

/** Packages the bundle imports (statically or with import()), without Node's built-ins and Electron. */
function runtimePackages(bundle: string): string[] {
  const specifiers = [...bundle.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"'./][^"']*)["']/g)].map((match) => match[1]!)
  const packages = specifiers.filter((name) => !name.startsWith('node:') && name !== 'electron').map((name) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/'))
  return [...new Set(packages)].sort()
}

describe('what the installers would pack', () => {
  let filter: Filter
  let files: string[]
  beforeAll(() => {
    filter = new FileMatcher(ROOT, '/app', (pattern) => pattern, configuration({}).files).createFilter()
    files = packedFiles(filter)
  })

  it('the built main, preload and renderer (with the help pages), and package.json', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/help.html']))
    for (const file of files) expect(file).toMatch(/^(package\.json|out\/(main|preload|renderer)\/.+)$/)
  })

  it('no sources, tests, docs, scripts, CLI bundle, source maps or node_modules (added separately, production only)', () => {
    const fileStat = statSync('package.json')
    for (const file of ['src/main/electron/index.ts', 'tests/e2e/main-boot.test.ts', 'docs/help/dns.md', 'scripts/start-app.mjs', 'resources/icon.svg', 'out/cli/netmend.cjs', 'out/main/index.js.map', 'out/renderer/assets/index.js.map', 'README.md', 'electron-builder.config.ts'])
      expect(filter(join(ROOT, file), fileStat), file).toBe(false)
    expect(filter(join(ROOT, 'node_modules'), statSync('node_modules'))).toBe(false)
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([])
  })

  it("production dependencies are exactly the packages the main process loads: nothing the app needs is missing, nothing else ships", () => {
    const dependencies = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies ?? {}).sort()
    expect(runtimePackages(readFileSync('out/main/index.js', 'utf8'))).toEqual(dependencies)
    expect(runtimePackages(readFileSync('out/preload/index.cjs', 'utf8').replace(/require\(/g, 'import('))).toEqual([])
  })
})
