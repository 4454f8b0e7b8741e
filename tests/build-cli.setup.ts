import { execFileSync } from 'node:child_process'

// Tests run the real CLI bundle, so build it once from the current sources before any test starts.
export default function buildCli(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' })
}
