// `npm start` (electron-vite preview) and `npm run dev` (electron-vite dev).
// Electron 45 no longer downloads its binary on `npm ci`, and electron-vite 6 only reads
// node_modules/electron/path.txt, which exists once the binary is installed: so Electron's own installer
// runs first. Without internet it fails with a stack trace; people get one line instead.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
const electronVersion = require('electron/package.json').version
const [mode = 'preview', ...rest] = process.argv.slice(2)

/** The installer's last words (its stack trace's first line), e.g. "TypeError: fetch failed". */
function installerReason(stderr) {
  const firstLine = stderr.split('\n').map((line) => line.trim()).find(Boolean)
  return firstLine ? firstLine.replace(/^\w*Error: /, '') : 'no reason given'
}

// install.js exits at once when the right binary is already there.
const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
if (install.status !== 0) {
  console.error(
    `NetMend could not download Electron ${electronVersion}, the desktop app's runtime (${installerReason(install.stderr ?? String(install.error))}). ` +
      'The command-line tool (npx netmend diagnose) and the tests (npm test) work without it; run this again once this computer is online.',
  )
  process.exit(1)
}

const electronViteBin = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js')
const electronVite = spawn(process.execPath, [electronViteBin, mode, ...rest], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => electronVite.kill(signal))
electronVite.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
