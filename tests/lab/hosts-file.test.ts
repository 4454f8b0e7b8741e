// The hosts file in a lab world: `ip netns exec` puts /etc/netns/<client>/hosts over the client's
// /etc/hosts, so NetMend reads it exactly where it reads a real one.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FixId } from '../../src/shared/diagnosis'
import { labUnavailableReason } from './availability'
import { CLI_BUNDLE, diagnoseInWorld, fixIds, type CliRun } from './diagnose-in-world'
import { createWorld, LAB, type World } from './lab'

const SITE = `http://${LAB.siteName}/`
const unavailable = labUnavailableReason()
if (unavailable) console.log(`skipped suite tests/lab/hosts-file.test.ts: ${unavailable}`)

const NEVER_FOR_A_HOSTS_LINE: FixId[] = ['switch-dns', 'flush-dns-cache', 'contact-isp', 'contact-site-admin', 'watch-site', 'restart-router']

async function writeClientHosts(world: World, lines: string): Promise<void> {
  await writeFile(path.join('/etc/netns', world.clientNs, 'hosts'), `127.0.0.1 localhost\n${lines}`)
}

describe.skipIf(unavailable !== null)('the hosts file names the site', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld('healthy')
  })
  afterAll(async () => {
    await world?.destroy()
  })

  describe('at an old address where nothing answers, while DNS gives the live one', () => {
    let run: CliRun
    beforeAll(async () => {
      // The inet host itself: a real machine, with no web server on that address (connection refused).
      await writeClientHosts(world, `# moved long ago\n${LAB.inetAddress}\t${LAB.siteName} www.${LAB.siteName}\n`)
      run = await diagnoseInWorld(world, SITE)
    })

    it('says the hosts file has an old address, and offers the guided removal, never a DNS change', () => {
      expect(run.report.verdict.code).toBe('hosts-file-stale')
      expect(run.report.verdict.title).toMatch(/old address .* hosts file/)
      expect(run.report.verdict.explanation).toContain(LAB.inetAddress)
      expect(fixIds(run)).toEqual(['remove-hosts-line', 'retry'])
      for (const fix of NEVER_FOR_A_HOSTS_LINE) expect(fixIds(run)).not.toContain(fix)
      const removal = run.report.fixes.find((fix) => fix.id === 'remove-hosts-line')!
      expect(removal.explanation).toContain('sudo nano /etc/hosts')
      expect(removal.explanation).toContain(`${LAB.inetAddress} ${LAB.siteName}`)
    })

    it('records the file, the address and the failed fetch as evidence, and a finding', () => {
      const hosts = run.report.checks.find((check) => check.id === 'site.hosts')!
      expect(hosts.status).toBe('fail')
      expect(hosts.evidence).toMatchObject({ path: '/etc/hosts', os: 'linux', addresses: [LAB.inetAddress] })
      expect(hosts.evidence.fetches).toMatchObject([{ ok: false, address: LAB.inetAddress, code: 'http.refused' }])
      expect(run.report.checks.find((check) => check.id === 'site.http')?.status).toBe('pass')
      expect(run.report.findings.map((finding) => finding.code)).toContain('hosts-file-address-fails')
    })

    it('tells the same in the terminal, in German too', async () => {
      const english = await world.exec(['node', CLI_BUNDLE, 'diagnose', SITE, '--config', world.configPath])
      expect(english.stdout).toContain('This computer has an old address for shop.lab.test written in its hosts file')
      expect(english.stdout).toMatch(/hosts file\)?: Lists the site at 203\.0\.113\.2, which does not work/)
      const german = await world.exec(['node', CLI_BUNDLE, 'diagnose', SITE, '--config', world.configPath], { env: { LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' } })
      expect(german.stdout).toContain('In der Hosts-Datei dieses Computers steht eine alte Adresse für shop.lab.test')
    })
  })

  it('at the live address → the site works, nothing to remove', async () => {
    await writeClientHosts(world, `${LAB.site} ${LAB.siteName}\n`)
    const run = await diagnoseInWorld(world, SITE)
    expect(run.report.verdict.code).toBe('ok')
    expect(fixIds(run)).not.toContain('remove-hosts-line')
    expect(run.report.checks.find((check) => check.id === 'site.hosts')?.summary).toMatch(/works/)
  })
})
