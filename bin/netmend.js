#!/usr/bin/env node
// Runs the bundled CLI (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const bundle = new URL('../out/cli/netmend.cjs', import.meta.url)
if (!existsSync(bundle)) {
  process.stderr.write('netmend: not built yet — run "npm install" (or "npm run build:cli") in the NetMend folder first.\n')
  process.exit(2)
}
createRequire(import.meta.url)(bundle.pathname)
