// Reverting on systemd-resolved without NetworkManager, on a simulated link: what its manager (systemd-networkd's
// DHCP) gives it, and what someone set at run time with resolvectl, which a `resolvectl revert` drops.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDnsSettingsService } from '../../../src/main/dns-settings'
import { createLinuxBackend } from '../../../src/main/dns-settings/linux'
import type { DnsQuestion, DnsResponse } from '../../../src/main/dns/client'
import type { CommandRunner } from '../../../src/main/platform/run-command'
import { failed, ok } from './helpers'

const STUB_RESOLV_CONF = '# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).\nnameserver 127.0.0.53\noptions edns0 trust-ad\nsearch fritz.box\n'

/** Link 2 (wlp2s0): DHCP's values unless something set its own at run time (until `resolvectl revert`). */
function simulatedResolved(fromDhcp: { dns: string[]; domains: string[] }, setAtRunTime: { dns?: string[]; domains?: string[] } = {}, lookupWorks = true) {
  const link = { dhcp: fromDhcp, runtime: { ...setAtRunTime } }
  const changes: string[][] = []
  const effective = () => ({ dns: link.runtime.dns ?? link.dhcp.dns, domains: link.runtime.domains ?? link.dhcp.domains })
  const run: CommandRunner = async (file, args) => {
    const [verb, device, ...values] = args
    // Reads run resolvectl by name; the admin steps by the absolute path the privileged side found.
    if (path.posix.basename(file) !== 'resolvectl') return failed(8) // NetworkManager is not running
    if (device === undefined && (verb === 'dns' || verb === 'domain')) return ok(`Global:\nLink 2 (wlp2s0): ${effective()[verb === 'dns' ? 'dns' : 'domains'].join(' ')}\n`)
    if (device !== 'wlp2s0') return failed()
    changes.push(args.slice())
    if (verb === 'dns') link.runtime.dns = values
    else if (verb === 'domain') link.runtime.domains = values
    else if (verb === 'revert') link.runtime = {}
    else if (verb !== 'flush-caches') return failed()
    return ok('')
  }
  const backend = createLinuxBackend({
    run,
    readFile: async () => Buffer.from(STUB_RESOLV_CONF),
    readLink: async () => '../run/systemd/resolve/stub-resolv.conf',
    defaultInterfaces: async () => ['wlp2s0'],
  })
  const answering = async (question: DnsQuestion): Promise<DnsResponse> => ({ ok: true, rcode: 'NXDOMAIN', answers: [], authorities: [], latencyMs: 3, transport: 'udp', server: question.server })
  const service = createDnsSettingsService({
    platform: 'linux',
    run,
    backend,
    dataDir: mkdtempSync(path.join(tmpdir(), 'netmend-resolved-')),
    isElevated: async () => true,
    locateTool: async (name) => `/usr/bin/${name}`,
    verify: { query: answering, lookup: async () => (lookupWorks ? { ok: true, detail: '1 address' } : { ok: false, detail: 'EAI_AGAIN' }) },
  })
  return { link, changes, effective, service }
}

describe('revert on systemd-resolved alone', () => {
  it('DNS from DHCP: revert hands the link back to DHCP, which it keeps following (moving to another network changes it)', async () => {
    const home = simulatedResolved({ dns: ['192.168.178.1'], domains: ['fritz.box'] })
    expect(await home.service.use(['1.1.1.1'])).toMatchObject({ ok: true })
    expect(home.effective()).toEqual({ dns: ['1.1.1.1'], domains: ['fritz.box', '~.'] })
    await home.service.confirm()
    home.changes.length = 0

    expect(await home.service.revert()).toEqual({ ok: true, adapters: ['wlp2s0'] })
    expect(home.changes).toEqual([['revert', 'wlp2s0']])
    expect(home.effective()).toEqual({ dns: ['192.168.178.1'], domains: ['fritz.box'] })
    // Nothing is pinned: the next network's DHCP servers are used.
    home.link.dhcp = { dns: ['10.20.0.1'], domains: ['office.example'] }
    expect(home.effective()).toEqual({ dns: ['10.20.0.1'], domains: ['office.example'] })
  })

  it('DNS set by hand at run time: the revert drops it, so a second round sets it again, exactly', async () => {
    const handSet = simulatedResolved({ dns: [], domains: [] }, { dns: ['192.0.2.53', '2001:db8::53'], domains: ['corp.example'] })
    expect(await handSet.service.use(['1.1.1.1'])).toMatchObject({ ok: true })
    await handSet.service.confirm()
    handSet.changes.length = 0

    expect(await handSet.service.revert()).toEqual({ ok: true, adapters: ['wlp2s0'] })
    expect(handSet.changes).toEqual([
      ['revert', 'wlp2s0'],
      ['revert', 'wlp2s0'],
      ['dns', 'wlp2s0', '192.0.2.53', '2001:db8::53'],
      ['domain', 'wlp2s0', 'corp.example'],
    ])
    expect(handSet.effective()).toEqual({ dns: ['192.0.2.53', '2001:db8::53'], domains: ['corp.example'] })
  })

  it('a switch that fails its check is rolled back the same way: the DHCP values come back, unpinned', async () => {
    const home = simulatedResolved({ dns: ['192.168.178.1'], domains: ['fritz.box'] }, {}, false)
    expect(await home.service.use(['1.1.1.1'])).toMatchObject({ ok: false, code: 'dns-settings.verification-failed' })
    expect(home.changes.at(-1)).toEqual(['revert', 'wlp2s0'])
    home.link.dhcp = { dns: ['10.20.0.1'], domains: ['office.example'] }
    expect(home.effective()).toEqual({ dns: ['10.20.0.1'], domains: ['office.example'] })
  })
})
