import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

// The end-to-end suites drive the built renderer, exactly what the app ships.
export default function buildApp(): void {
  execFileSync(process.execPath, [resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' })
}
