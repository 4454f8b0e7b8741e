// Bundles the CLI into one file so `netmend` starts fast on plain Node (no TypeScript loader at run time).
import { build } from 'esbuild'

await build({
  entryPoints: ['src/main/cli/main.ts'],
  outfile: 'out/cli/netmend.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
})
