// The layer and cycle rules of .dependency-cruiser.cjs (run by `npm run lint`), each shown to fire on a
// small tree that breaks it, next to imports the same rules allow.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cruise, type ICruiseResult } from 'dependency-cruiser'
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const CONFIG = fileURLToPath(new URL('../../../.dependency-cruiser.cjs', import.meta.url))

// Each file of the tree, and what it imports. Comments say which rule a line must break.
const TREE: Record<string, string> = {
  'node_modules/electron/package.json': '{ "name": "electron", "main": "index.js" }',
  'node_modules/electron/index.js': 'module.exports = {}',
  'src/shared/result.ts': 'export type Result = { ok: boolean }',
  'src/shared/contract.ts': [
    "import type { Result } from './result'",
    "import { readFileSync } from 'node:fs' // shared imports only shared",
    "import { main } from '../main/cli/main' // shared imports only shared",
    'export type Contract = { result: Result; main: typeof main; read: typeof readFileSync }',
  ].join('\n'),
  'src/preload/index.ts': "import 'electron'\nimport './api'",
  'src/preload/api.ts': [
    "import type { Contract } from '../shared/contract'",
    "import { config } from '../main/engine/config' // preload exposes the contract only",
    "import 'electron' // only the preload's binding (index.ts) may",
    'export const api = (contract: Contract) => [contract, config]',
  ].join('\n'),
  'src/renderer/src/view.ts': [
    "import type { Contract } from '../../shared/contract'",
    "import { config } from '../../main/engine/config' // the renderer reaches main through the contract",
    'export type View = { contract?: Contract; config: typeof config }',
  ].join('\n'),
  'src/main/dns/records.ts': 'export type Answer = string',
  'src/main/dns/wire.ts': "import type { Answer } from './records'\nimport type { Question } from './client' // a cycle of types\nexport type Packet = { answer: Answer; question: Question }",
  'src/main/dns/client.ts': "import type { Packet } from './wire'\nexport type Question = string\nexport type Reply = Packet",
  'src/main/platform/reader.ts': "import { config } from '../engine/config' // platform is the bottom layer\nexport const read = () => config",
  'src/main/engine/config.ts': "import type { Reply } from '../dns/client'\nexport const config: Reply[] = []",
  'src/main/engine/diagnose.ts': [
    "import { config } from './config'",
    "import { handlers } from '../ipc/handlers' // the engine never imports who runs it",
    "import { main } from '../cli/main' // the engine never imports who runs it",
    'export const diagnose = () => [config, handlers, main]',
  ].join('\n'),
  'src/main/ipc/handlers.ts': "import { read } from '../platform/reader'\nexport const handlers = [read]",
  'src/main/cli/main.ts': 'export const main = 1',
  'src/main/history/store.ts': [
    "import { start } from '../electron/index' // nothing imports the Electron entry",
    "import 'electron' // only src/main/electron may",
    'export const store = start',
  ].join('\n'),
  'src/main/electron/index.ts': "import 'electron'\nimport { handlers } from '../ipc/handlers'\nexport const start = handlers",
}

const EXPECTED_VIOLATIONS = [
  'electron-only-in-the-shell: src/main/history/store.ts -> node_modules/electron/index.js',
  'electron-only-in-the-shell: src/preload/api.ts -> node_modules/electron/index.js',
  'engine-knows-not-who-runs-it: src/main/engine/diagnose.ts -> src/main/cli/main.ts',
  'engine-knows-not-who-runs-it: src/main/engine/diagnose.ts -> src/main/ipc/handlers.ts',
  'no-cycle: src/main/dns/client.ts -> src/main/dns/wire.ts',
  'nothing-imports-the-electron-entry: src/main/history/store.ts -> src/main/electron/index.ts',
  'platform-and-dns-are-the-bottom: src/main/platform/reader.ts -> src/main/engine/config.ts',
  'preload-exposes-the-contract-only: src/preload/api.ts -> src/main/engine/config.ts',
  'renderer-reaches-main-through-the-contract: src/renderer/src/view.ts -> src/main/engine/config.ts',
  'shared-imports-only-shared: src/shared/contract.ts -> fs',
  'shared-imports-only-shared: src/shared/contract.ts -> src/main/cli/main.ts',
]

// Cruising boots TypeScript; on a loaded machine that alone can outlast vitest's default 5 s.
const CRUISE_TIMEOUT_MS = 120_000

describe('layer and cycle rules', { timeout: CRUISE_TIMEOUT_MS }, () => {
  let tree: string
  let cwd: string
  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), 'netmend-layers-'))
    for (const [path, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(tree, path)), { recursive: true })
      writeFileSync(join(tree, path), `${text}\n`)
    }
    cwd = process.cwd()
  })
  afterAll(() => rmSync(tree, { recursive: true, force: true }))

  it('fires on every import that breaks a layer or closes a cycle, and on nothing else', async () => {
    const options = await extractDepcruiseOptions(CONFIG)
    // Paths in the rules are relative to where the cruise runs.
    process.chdir(tree)
    let result: ICruiseResult
    try {
      result = (await cruise(['src'], { ...options, baseDir: tree })).output as ICruiseResult
    } finally {
      process.chdir(cwd)
    }
    const violations = result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`)
    expect(violations.sort()).toEqual(EXPECTED_VIOLATIONS)
  })
})
