// The built app is small: production bundles are minified, and the window's JavaScript stays within its
// budget gzipped (what it costs to load and parse at every start). Reads the build the e2e setup made; a
// size is deterministic, so it can be asserted. `npm run bench` prints the same numbers.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const OUT = resolve('out')
const RENDERER_JS_BUDGET_BYTES = 80 * 1024
/** What an unminified bundle leaves in: one comment per module, naming its source file. */
const MODULE_COMMENT = /^\/\/ (?:src|node_modules)\//m

const javaScriptIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.c?js$/.test(file))
    .map((file) => join(dir, file))

const gzippedBytes = (files: string[]): number => files.reduce((total, file) => total + gzipSync(readFileSync(file), { level: 9 }).length, 0)

describe('the size of the built app', () => {
  it(`the window's JavaScript (main window and help pages) is at most ${RENDERER_JS_BUDGET_BYTES / 1024} KB gzipped`, () => {
    const files = javaScriptIn(join(OUT, 'renderer'))
    expect(files.length).toBeGreaterThan(0)
    const bytes = gzippedBytes(files)
    console.log(`renderer JavaScript: ${(bytes / 1024).toFixed(1)} KB gzipped in ${files.length} files`)
    expect(bytes).toBeLessThanOrEqual(RENDERER_JS_BUDGET_BYTES)
  })

  it('main, preload and renderer bundles are minified', () => {
    for (const file of [...javaScriptIn(join(OUT, 'main')), ...javaScriptIn(join(OUT, 'preload')), ...javaScriptIn(join(OUT, 'renderer'))]) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(MODULE_COMMENT)
    }
  })
})
