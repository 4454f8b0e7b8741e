// A computer whose clock is wrong: the CLI runs under Debian's faketime (its clock three days behind, or
// ahead), against the world's real servers, whose certificate is valid from now for two days and whose Date
// headers tell the real time. NODE_EXTRA_CA_CERTS makes the site's certificate trusted, so only its dates
// can fail, exactly as a real site's certificate does on such a computer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FixId } from '../../src/shared/diagnosis'
import { findTool, labUnavailableReason } from './availability'
import { CLI_BUNDLE, type CliJsonReport } from './diagnose-in-world'
import { createWorld, LAB, type World } from './lab'

const SECURE_SITE = `https://${LAB.siteName}/`
const unavailable = labUnavailableReason() ?? (findTool('faketime') ? null : 'faketime missing (run: bash scripts/lab-deps.sh)')
if (unavailable) console.log(`skipped suite tests/lab/clock.test.ts: ${unavailable}`)

const NEVER_FOR_A_CLOCK: FixId[] = ['switch-dns', 'flush-dns-cache', 'contact-site-admin', 'contact-isp', 'watch-site', 'restart-router']

describe.skipIf(unavailable !== null)("this computer's clock", () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld('healthy')
  })
  afterAll(async () => {
    await world?.destroy()
  })

  const diagnoseAt = async (offset: string | null): Promise<{ report: CliJsonReport; stdout: string }> => {
    const argv = ['node', CLI_BUNDLE, 'diagnose', SECURE_SITE, '--json', '--config', world.configPath]
    const result = await world.exec(offset === null ? argv : ['faketime', offset, ...argv], { env: { NODE_EXTRA_CA_CERTS: world.certPath }, timeoutMs: 20_000 })
    return { report: JSON.parse(result.stdout) as CliJsonReport, stdout: result.stdout }
  }

  it('right → the secure site works, the clock agrees with the servers', async () => {
    const { report } = await diagnoseAt(null)
    expect(report.verdict.code).toBe('ok')
    expect(report.checks.find((check) => check.id === 'net.clock')?.status).toBe('pass')
  })

  it('three days behind → "your computer\'s clock is wrong", set the clock, nothing else blamed', async () => {
    const { report } = await diagnoseAt('-3 days')
    expect(report.verdict.code).toBe('clock-wrong')
    expect(report.verdict.title).toBe("Your computer's clock is wrong")
    expect(report.verdict.explanation).toContain('3 days behind')
    expect(report.fixes.map((fix) => fix.id)).toEqual(['set-clock', 'retry'])
    expect(report.fixes[0]!.explanation).toContain('timedatectl')
    for (const fix of NEVER_FOR_A_CLOCK) expect(report.fixes.map((entry) => entry.id)).not.toContain(fix)
    const clock = report.checks.find((check) => check.id === 'net.clock')!
    expect(clock.status).toBe('fail')
    expect(clock.evidence).toMatchObject({ servers: [{ from: 'portal' }] })
    expect(clock.evidence.skewMs as number).toBeLessThan(-2 * 86_400_000)
    const site = report.checks.find((check) => check.id === 'site.http')!
    expect(site.evidence).toMatchObject({ fetches: [{ ok: false, code: 'tls.expired' }] })
  })

  it('a few seconds off is no problem: the site still works and nothing is said about the clock', async () => {
    const { report } = await diagnoseAt('+20 seconds')
    expect(report.verdict.code).toBe('ok')
    expect(report.findings.map((finding) => finding.code)).not.toContain('clock-off')
  })
})
