// systemd-resolved without NetworkManager (masked): systemd-networkd configures the link from the router's
// DHCP and router advertisements and hands the servers to resolved; /etc/resolv.conf is resolved's stub.
// NetMend talks to resolved with resolvectl. Debian booted for real, in the isp-stale world.
import { describe, expect, it } from 'vitest'
import { labUnavailableReason } from '../availability'
import { LAB, LAB6 } from '../lab'
import { routerHandsOutDns } from './desktop'
import {
  bootedForSuite,
  expectLookupsThroughNewServer,
  expectResolvedCacheFlushed,
  expectStaleAddressDiagnosed,
  resolvedLink,
  routerAdapter,
  shownDns,
  systemLookup,
} from './inside'

const unavailable = labUnavailableReason()
if (unavailable) console.log(`skipped suite tests/lab/desktops/resolved.test.ts: ${unavailable}`)

describe.skipIf(unavailable)('Debian with systemd-resolved alone (systemd-networkd, DNS from DHCP and router advertisements)', () => {
  const desktop = bootedForSuite('resolved', 'isp-stale')

  it("before any change: NetMend shows resolved's link with the ISP's servers and search domain; lookups get the stale address and diagnose says so", async () => {
    expect(await shownDns(desktop())).toEqual({ adapters: [routerAdapter('systemd-resolved', 'eth0', 'eth0', [LAB6.ispResolver])], netmendChanged: false })
    expect(await resolvedLink(desktop(), 'domain')).toEqual([LAB.searchDomain])
    await expectStaleAddressDiagnosed(desktop())
  })

  it('dns use google: resolved uses exactly the new servers for every name ("~."), keeps the search domain, and a lookup through the stub reaches the new server', async () => {
    const used = await desktop().netmend(['dns', 'use', 'google'])
    expect(used.code, used.stderr).toBe(0)
    expect(await resolvedLink(desktop(), 'dns')).toEqual([LAB.google, LAB6.google])
    expect(await resolvedLink(desktop(), 'domain')).toEqual([LAB.searchDomain, '~.'])
    await expectLookupsThroughNewServer(desktop())
  })

  it("flush empties systemd-resolved's cache", async () => {
    await expectResolvedCacheFlushed(desktop())
  })

  it('revert: the same servers and domains as before, still following DHCP (a new network’s servers arrive), and the stale address again', async () => {
    const reverted = await desktop().netmend(['dns', 'revert'])
    expect(reverted.code, reverted.stderr).toBe(0)
    expect(await resolvedLink(desktop(), 'dns')).toEqual([LAB.ispResolver, LAB6.ispResolver])
    expect(await resolvedLink(desktop(), 'domain')).toEqual([LAB.searchDomain])
    expect(await systemLookup(desktop(), LAB.siteName)).toEqual([LAB.oldSite])
    expect((await shownDns(desktop())).netmendChanged).toBe(false)

    // Not pinned: when DHCP hands out another server (another network, a changed router), the link takes it.
    await routerHandsOutDns(desktop().world, LAB.quad9)
    expect((await desktop().exec(['networkctl', 'renew', 'eth0'])).code).toBe(0)
    await desktop().waitFor(
      'the link to take the DNS server DHCP hands out now',
      async () => {
        const dns = await resolvedLink(desktop(), 'dns')
        return dns[0] === LAB.quad9 ? true : dns.join(' ')
      },
      30_000,
    )
  })
})
