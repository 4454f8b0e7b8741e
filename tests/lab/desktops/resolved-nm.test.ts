// The most common Linux desktop: NetworkManager configures the network and hands the DNS servers to
// systemd-resolved, whose stub (127.0.0.53) is /etc/resolv.conf. Debian booted for real (systemd as PID 1)
// in a lab world where the ISP's resolver gives the site's old address (isp-stale).
import { beforeAll, describe, expect, it } from 'vitest'
import { labUnavailableReason } from '../availability'
import { LAB, LAB6 } from '../lab'
import { WIRED_PROFILE } from './desktop'
import {
  bootedForSuite,
  expectLookupsThroughNewServer,
  expectResolvedCacheFlushed,
  expectStaleAddressDiagnosed,
  profileDns,
  resolvedLink,
  routerAdapter,
  shownDns,
  systemLookup,
} from './inside'

const unavailable = labUnavailableReason()
if (unavailable) console.log(`skipped suite tests/lab/desktops/resolved-nm.test.ts: ${unavailable}`)

describe.skipIf(unavailable)('Debian with NetworkManager and systemd-resolved, DNS from the router (DHCP and router advertisements)', () => {
  const desktop = bootedForSuite('resolved-nm', 'isp-stale')
  let profileBefore: Record<string, string>
  let domainsBefore: string[]

  beforeAll(async () => {
    profileBefore = await profileDns(desktop())
    domainsBefore = await resolvedLink(desktop(), 'domain')
  })

  it("before any change: NetMend shows the ISP's servers, from the network, owned by NetworkManager; lookups get the stale address and diagnose says so", async () => {
    expect(await shownDns(desktop())).toEqual({
      adapters: [routerAdapter('networkmanager', 'eth0', WIRED_PROFILE.name, [LAB6.ispResolver])],
      netmendChanged: false,
    })
    expect(await resolvedLink(desktop(), 'dns')).toEqual([LAB.ispResolver, LAB6.ispResolver])
    await expectStaleAddressDiagnosed(desktop())
  })

  it('dns use google: the profile holds the new servers, resolved asks them first, and a real lookup through the stub reaches the new server, not the ISP', async () => {
    const used = await desktop().netmend(['dns', 'use', 'google'])
    expect(used.code, used.stderr).toBe(0)
    expect(used.stdout).toContain(`Now using ${LAB.google}, ${LAB6.google} on ${WIRED_PROFILE.name}.`)
    expect(await profileDns(desktop())).toEqual({
      ...profileBefore,
      'ipv4.dns': LAB.google,
      'ipv4.ignore-auto-dns': 'yes',
      'ipv6.dns': LAB6.google,
      'ipv6.ignore-auto-dns': 'yes',
    })
    // NetworkManager 1.42's reapply may keep the router-advertised IPv6 server listed after them until the
    // next reconnect; what counts is that resolved asks the new ones first.
    expect((await resolvedLink(desktop(), 'dns')).slice(0, 2)).toEqual([LAB.google, LAB6.google])
    expect((await shownDns(desktop())).adapters[0]).toMatchObject({ ipv4: { servers: [LAB.google], source: 'manual' }, ipv6: { source: 'manual' } })
    // The stale answer went with the old servers (resolved forgets what they said), so the site works.
    await expectLookupsThroughNewServer(desktop())
  })

  it("flush empties systemd-resolved's cache", async () => {
    await expectResolvedCacheFlushed(desktop())
  })

  it("revert: the profile's exact previous values, the router's servers again in resolved, and the stale address again", async () => {
    const reverted = await desktop().netmend(['dns', 'revert'])
    expect(reverted.code, reverted.stderr).toBe(0)
    expect(reverted.stdout).toContain(`Back to your previous settings on ${WIRED_PROFILE.name}.`)
    expect(await profileDns(desktop())).toEqual(profileBefore)

    await desktop().waitForRouterNetwork()
    expect(await resolvedLink(desktop(), 'dns')).toEqual([LAB.ispResolver, LAB6.ispResolver])
    expect(await resolvedLink(desktop(), 'domain')).toEqual(domainsBefore)
    expect(await systemLookup(desktop(), LAB.siteName)).toEqual([LAB.oldSite])
    expect((await shownDns(desktop())).netmendChanged).toBe(false)

    const again = await desktop().netmend(['dns', 'revert'])
    expect(again.stdout).toMatch(/nothing to undo/)
    expect(await profileDns(desktop())).toEqual(profileBefore)
  })

  it('a profile with values set by hand (its own IPv4 server, an IPv6 server instead of the network’s, a search domain) gets exactly those back', async () => {
    const setByHand = await desktop().exec([
      'nmcli', 'connection', 'modify', WIRED_PROFILE.uuid,
      'ipv4.dns', LAB.quad9, 'ipv4.ignore-auto-dns', 'no', 'ipv4.dns-search', 'corp.example',
      'ipv6.dns', LAB6.google, 'ipv6.ignore-auto-dns', 'yes',
    ])
    expect(setByHand.code, setByHand.stderr).toBe(0)
    expect((await desktop().exec(['nmcli', 'device', 'reapply', 'eth0'])).code).toBe(0)
    const handMade = await profileDns(desktop())
    await desktop().waitFor('resolved to list the hand-set servers', async () => {
      const dns = await resolvedLink(desktop(), 'dns')
      return dns.includes(LAB.quad9) && dns.includes(LAB6.google) ? true : dns.join(' ')
    })

    const used = await desktop().netmend(['dns', 'use', 'cloudflare'])
    expect(used.code, used.stderr).toBe(0)
    expect(await profileDns(desktop())).toMatchObject({ 'ipv4.dns': LAB.cloudflare, 'ipv4.ignore-auto-dns': 'yes', 'ipv6.dns': '', 'ipv6.ignore-auto-dns': 'yes', 'ipv4.dns-search': 'corp.example' })

    const reverted = await desktop().netmend(['dns', 'revert'])
    expect(reverted.code, reverted.stderr).toBe(0)
    expect(await profileDns(desktop())).toEqual(handMade)
    await desktop().waitFor('resolved to list the hand-set servers again', async () => {
      const dns = await resolvedLink(desktop(), 'dns')
      return dns[0] === LAB.quad9 && dns.includes(LAB6.google) && !dns.includes(LAB.cloudflare) ? true : dns.join(' ')
    })
    expect(await resolvedLink(desktop(), 'domain')).toContain('corp.example')
  })
})
