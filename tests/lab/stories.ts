// What the lab's story suites share: worlds built when a story first needs them, and the check of what the
// person is told (the verdict, the fixes offered and the fixes never offered).
import { afterAll, expect } from 'vitest'
import type { FixId, VerdictCode } from '../../src/shared/diagnosis'
import { fixIds, type CliRun } from './diagnose-in-world'
import { createWorld, type World, type WorldName } from './lab'

/** For a suite's describe block: builds each world the first time a story asks for it, destroys them all after the suite. */
export function worldsOnDemand(): (name: WorldName) => Promise<World> {
  const worlds = new Map<WorldName, World>()
  afterAll(async () => {
    for (const world of worlds.values()) await world.destroy()
  })
  return async (name) => {
    let world = worlds.get(name)
    if (!world) {
      world = await createWorld(name)
      worlds.set(name, world)
    }
    return world
  }
}

export interface ToldStory {
  verdict: VerdictCode
  offered: FixId[]
  notOffered: FixId[]
}

/** `shown` is printed when the verdict is not the one expected. */
export function expectTold(run: CliRun, { verdict, offered, notOffered }: ToldStory, shown: unknown): void {
  const fixes = fixIds(run)
  expect(run.report.verdict.code, JSON.stringify(shown)).toBe(verdict)
  for (const fix of offered) expect(fixes).toContain(fix)
  for (const fix of notOffered) expect(fixes).not.toContain(fix)
  if (verdict !== 'ok') expect(run.code).toBe(1)
}
