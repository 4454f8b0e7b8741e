// Release check, run on a packaged app: `node scripts/run-ts.mjs scripts/verify-fuses.ts PATH` (the
// executable, or the .app on macOS). Reads its fuse wire with @electron/fuses and fails unless every fuse
// is set the way electron-builder.config.ts asks.
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { ELECTRON_FUSES } from '../electron-builder.config'

const ENABLED = '1'.charCodeAt(0)
const DISABLED = '0'.charCodeAt(0)

/** One line per fuse that is not as configured; empty when all are. */
export function fuseMismatches(expected: Record<string, boolean | undefined>, wire: Record<number, number | string>): string[] {
  return Object.entries(expected)
    .filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean' && entry[0] !== 'resetAdHocDarwinSignature')
    .flatMap(([key, wanted]) => {
      const name = key[0]!.toUpperCase() + key.slice(1)
      const index = FuseV1Options[name as keyof typeof FuseV1Options]
      const actual = wire[index]
      if (actual === (wanted ? ENABLED : DISABLED)) return []
      return [`${name}: expected ${wanted ? 'enabled' : 'disabled'}, found ${actual === ENABLED ? 'enabled' : actual === DISABLED ? 'disabled' : String(actual ?? 'nothing')}`]
    })
}

export const expectedFuses = (): Record<string, boolean | undefined> => ({ ...ELECTRON_FUSES })

if (process.argv[1]?.endsWith('verify-fuses.ts')) {
  const app = process.argv[2]
  if (!app) {
    console.error('usage: node scripts/run-ts.mjs scripts/verify-fuses.ts PATH-TO-PACKAGED-APP')
    process.exit(2)
  }
  const mismatches = fuseMismatches(expectedFuses(), (await getCurrentFuseWire(app)) as unknown as Record<number, number>)
  for (const line of mismatches) console.error(`fuse ${line}`)
  if (mismatches.length > 0) process.exit(1)
  console.log(`fuses of ${app} are as configured`)
}
