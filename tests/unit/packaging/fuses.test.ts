// scripts/verify-fuses.ts checks the fuses of the packaged app in the release workflow. Here it reads a
// stand-in binary: a fuse wire after Electron's sentinel, flipped by @electron/fuses (the library
// electron-builder flips fuses with).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses'
import { afterAll, describe, expect, it } from 'vitest'
import { expectedFuses, fuseMismatches } from '../../../scripts/verify-fuses'

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const dir = mkdtempSync(join(tmpdir(), 'netmend-fuses-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Electron as shipped: wire version 1, eight fuses, every one enabled ('1'). */
function stockBinary(name: string): string {
  const file = join(dir, name)
  writeFileSync(file, Buffer.concat([Buffer.from('ELF…'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.alloc(8, '1'), Buffer.from('…')]))
  return file
}
const wire = async (file: string) => (await getCurrentFuseWire(file)) as unknown as Record<number, number>

describe('checking the fuses of a packaged app', () => {
  it('a stock Electron fails the check, fuse by fuse', async () => {
    expect(await fuseMismatches(expectedFuses(), await wire(stockBinary('stock')))).toEqual([
      'RunAsNode: expected disabled, found enabled',
      'EnableNodeOptionsEnvironmentVariable: expected disabled, found enabled',
      'EnableNodeCliInspectArguments: expected disabled, found enabled',
    ])
  })

  it('the same binary with the configured fuses flipped passes', async () => {
    const file = stockBinary('flipped')
    const options = Object.fromEntries(
      Object.entries(expectedFuses()).map(([key, value]) => [FuseV1Options[(key[0]!.toUpperCase() + key.slice(1)) as keyof typeof FuseV1Options], value]),
    )
    await flipFuses(file, { version: FuseVersion.V1, ...options })
    expect(fuseMismatches(expectedFuses(), await wire(file))).toEqual([])
  })
})
