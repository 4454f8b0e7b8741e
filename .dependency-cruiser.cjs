// Who may import whom, checked by `npm run lint` (dependency-cruiser, type-only imports included).
// The layers, bottom up: shared (pure TypeScript) < main's platform and dns < engine < dns-settings and
// history < ipc, cli and the composition root < electron. Preload and renderer reach main only through
// the contract in shared. tests/unit/lint/layers.test.ts shows each rule firing.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'A cycle, even one of types only, means two modules are one: split out what both need.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-only-shared',
      severity: 'error',
      comment: 'shared is pure TypeScript that every process loads: no Node, no Electron, no main or renderer code.',
      from: { path: '^src/shared/' },
      to: { pathNot: '^src/shared/' },
    },
    {
      name: 'preload-exposes-the-contract-only',
      severity: 'error',
      comment: 'The preload exposes the contract from shared; it never carries main or renderer code into the page.',
      from: { path: '^src/preload/' },
      to: { path: '^src/(main|renderer)/' },
    },
    {
      name: 'renderer-reaches-main-through-the-contract',
      severity: 'error',
      comment: 'The renderer is a web page: it talks to main only through the contract in shared.',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|preload)/' },
    },
    {
      name: 'engine-knows-not-who-runs-it',
      severity: 'error',
      comment: 'The engine runs the same under the app, the CLI and the tests: it never imports them.',
      from: { path: '^src/main/engine/' },
      to: { path: '^src/main/(ipc|cli|electron|compose)/' },
    },
    {
      name: 'platform-and-dns-are-the-bottom',
      severity: 'error',
      comment: 'Reading the OS and speaking DNS know nothing of checks, settings changes or windows.',
      from: { path: '^src/main/(platform|dns)/' },
      to: { path: '^src/main/(engine|dns-settings|history|ipc|cli|electron|compose)/' },
    },
    {
      name: 'nothing-imports-the-electron-entry',
      severity: 'error',
      comment: 'src/main/electron is the top: it wires Electron to the rest, and nothing imports it back.',
      from: { path: '^src/', pathNot: '^src/main/electron/' },
      to: { path: '^src/main/electron/' },
    },
    {
      name: 'electron-only-in-the-shell',
      severity: 'error',
      comment: "Only src/main/electron (and the preload's binding) may import 'electron': the rest must run on plain Node and in tests.",
      from: { path: '^src/', pathNot: '^src/main/electron/|^src/preload/index\\.ts$' },
      to: { path: '(^|/)node_modules/electron/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
  },
}
