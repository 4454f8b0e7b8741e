// resolvconf: ifupdown and dhclient configure the link and hand the ISP's server to resolvconf, which
// builds /etc/resolv.conf (a symlink to /run/resolvconf/resolv.conf) from its records. NetMend adds a
// record of its own (lo.netmend, listed first) and removes it on revert. Debian booted for real, isp-stale.
import { beforeAll, describe, expect, it } from 'vitest'
import { labUnavailableReason } from '../availability'
import { LAB, LAB6 } from '../lab'
import {
  bootedForSuite,
  expectLookupsThroughNewServer,
  expectNothingToFlush,
  expectStaleAddressDiagnosed,
  fileInside,
  nameservers,
  routerAdapter,
  shownDns,
  systemLookup,
} from './inside'

const unavailable = labUnavailableReason()
if (unavailable) console.log(`skipped suite tests/lab/desktops/resolvconf.test.ts: ${unavailable}`)

const NETMEND_RECORD = '/run/resolvconf/interface/lo.netmend'

describe.skipIf(unavailable)('Debian with resolvconf (ifupdown and dhclient)', () => {
  const desktop = bootedForSuite('resolvconf', 'isp-stale')
  let resolvConfBefore: Buffer

  beforeAll(async () => {
    resolvConfBefore = await fileInside(desktop(), '/etc/resolv.conf')
  })

  it("before any change: resolvconf's file lists dhclient's server; NetMend shows it as resolvconf's; diagnose says the address is stale", async () => {
    expect((await desktop().exec(['readlink', '/etc/resolv.conf'])).stdout.trim()).toBe('../run/resolvconf/resolv.conf')
    expect(nameservers(resolvConfBefore)).toEqual([LAB.ispResolver])
    expect(await shownDns(desktop())).toEqual({ adapters: [routerAdapter('resolvconf', 'resolv.conf', '/etc/resolv.conf (resolvconf)', [])], netmendChanged: false })
    await expectStaleAddressDiagnosed(desktop())
  })

  it("dns use google: NetMend's record comes first in the file glibc reads, and the lookup reaches the new server", async () => {
    const used = await desktop().netmend(['dns', 'use', 'google'])
    expect(used.code, used.stderr).toBe(0)
    expect(nameservers(await fileInside(desktop(), NETMEND_RECORD))).toEqual([LAB.google, LAB6.google])
    expect(nameservers(await fileInside(desktop(), '/etc/resolv.conf'))).toEqual([LAB.google, LAB6.google, LAB.ispResolver])
    await expectLookupsThroughNewServer(desktop())
  })

  it('flush says there is no cache to clear, and changes nothing', async () => {
    await expectNothingToFlush(desktop())
  })

  it('revert: the record is gone and the file is byte for byte what it was; lookups are stale again', async () => {
    const reverted = await desktop().netmend(['dns', 'revert'])
    expect(reverted.code, reverted.stderr).toBe(0)
    expect((await desktop().exec(['test', '-e', NETMEND_RECORD])).code).toBe(1)
    expect(await fileInside(desktop(), '/etc/resolv.conf')).toEqual(resolvConfBefore)
    expect(await systemLookup(desktop(), LAB.siteName)).toEqual([LAB.oldSite])
    expect((await shownDns(desktop())).netmendChanged).toBe(false)
  })
})
