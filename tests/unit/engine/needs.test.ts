// With no network, every check that needs one says the same line and sends nothing: the skip rules live
// in one place (the orchestrator), not in each check.
import { describe, expect, it } from 'vitest'
import { ALL_CHECKS, diagnose } from '../../../src/main/engine/diagnose'
import { DEFAULT_CONFIG, type EngineConfig } from '../../../src/main/engine/config'
import { parseSiteTarget } from '../../../src/main/engine/target'
import { offlineSystem } from '../support/offline-system'

// Loopback only: were a check to run anyway, it would knock on a closed port of this machine.
const LOOPBACK_CONFIG: EngineConfig = {
  ...DEFAULT_CONFIG,
  publicResolvers: [{ name: 'Loopback', address: '127.0.0.1' }],
  reachabilityTargets: [{ address: '127.0.0.1', port: 9 }],
  captivePortalUrl: 'http://127.0.0.1:9/generate_204',
}

describe('checks with no network connection', () => {
  it('every check but the connection itself is skipped with the one no-network line, the sign-in page check too', async () => {
    const parsed = parseSiteTarget('shop.lab.test')
    if (!parsed.ok) throw new Error(parsed.detail)
    const report = await diagnose({ config: LOOPBACK_CONFIG, target: parsed.target, system: offlineSystem })
    const lines = Object.fromEntries(report.checks.map((check) => [check.id, `${check.status}: ${check.summary.code}`]))
    expect(lines).toEqual({
      'net.interfaces': expect.stringMatching(/^fail: /),
      ...Object.fromEntries(ALL_CHECKS.filter((check) => check.id !== 'net.interfaces').map((check) => [check.id, 'skipped: skipped-no-network'])),
    })
    expect(report.verdict.code).toBe('no-network')
  })

  it('every check that needs a site says so before it says anything about the network', async () => {
    const report = await diagnose({ config: LOOPBACK_CONFIG, target: null, system: offlineSystem })
    const siteChecks = report.checks.filter((check) => check.id.startsWith('site.'))
    expect(siteChecks.map((check) => check.summary)).toEqual(siteChecks.map(() => ({ code: 'skipped-no-site' })))
    expect(siteChecks.length).toBeGreaterThanOrEqual(4)
  })
})
