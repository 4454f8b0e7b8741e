import { describe, expect, it } from 'vitest'
import { parseScutilDns } from '../../../src/main/platform/scutil-dns'
import { fixture } from './fixture-helpers'

describe('parseScutilDns', () => {
  it('splits the main and scoped sections and reads each resolver block', () => {
    const dns = parseScutilDns(fixture('macos/scutil-dns-home.txt'))
    expect(dns.main).toHaveLength(7)
    expect(dns.scoped).toHaveLength(1)
    expect(dns.main[0]).toEqual({
      nameservers: [
        { address: '192.168.178.1', port: 53, interface: 'en0' },
        { address: 'fd00::3ea6:2fff:fe78:1a2b', port: 53, interface: 'en0' },
      ],
      searchDomains: ['fritz.box'],
      interface: 'en0',
      flags: ['Request A records', 'Request AAAA records'],
    })
    expect(dns.main[1]?.domain).toBe('local')
    expect(dns.main[1]?.nameservers).toEqual([])
    expect(dns.scoped[0]?.flags[0]).toBe('Scoped')
  })

  it('keeps the zone of a link-local server and the domain of supplemental VPN resolvers', () => {
    const dns = parseScutilDns(fixture('macos/scutil-dns-vpn-split.txt'))
    expect(dns.main[0]?.nameservers[1]).toEqual({ address: 'fe80::1', port: 53, interface: 'en0', zone: 'en0' })
    expect(dns.main[1]).toMatchObject({
      domain: 'corp.example.com',
      interface: 'utun4',
      nameservers: [
        { address: '10.20.0.10', port: 53, interface: 'utun4' },
        { address: '10.20.0.11', port: 53, interface: 'utun4' },
      ],
    })
  })

  it('reads a non-standard port', () => {
    const text = 'DNS configuration\n\nresolver #1\n  nameserver[0] : 127.0.0.1\n  port     : 5053\n  flags    : Request A records\n'
    expect(parseScutilDns(text).main[0]?.nameservers).toEqual([{ address: '127.0.0.1', port: 5053 }])
  })

  it('returns empty sections for junk', () => {
    expect(parseScutilDns('No DNS configuration available\n')).toEqual({ main: [], scoped: [] })
    expect(parseScutilDns('resolver #1\n  nameserver[0] : 1.1.1.1\n')).toEqual({ main: [], scoped: [] })
    expect(parseScutilDns('DNS configuration\n\nresolver #1\n  nameserver[0] : bogus\n  ::::\n').main[0]?.nameservers).toEqual([])
  })

  it('reads real captures with VPNs: Supplemental blocks keep their flags, placeholders are no servers', () => {
    const tailscale = parseScutilDns(fixture('macos/scutil-dns-tailscale.txt'))
    expect(tailscale.main[0]).toMatchObject({ interface: 'utun4', searchDomains: ['skynet.local'], flags: ['Supplemental', 'Request A records', 'Request AAAA records'] })
    expect(tailscale.main[0]?.domain).toBeUndefined()
    expect(tailscale.main.map((block) => block.interface ?? block.domain)).toEqual(['utun4', 'en0', 'local', '254.169.in-addr.arpa'])
    const forti = parseScutilDns(fixture('macos/scutil-dns-openfortivpn-ppp.txt'))
    expect(forti.main[0]).toMatchObject({ interface: 'ppp0', nameservers: [] })
    expect(forti.scoped).toEqual([{ nameservers: [{ address: '10.0.2.1', port: 53, interface: 'en0' }], searchDomains: ['home-domain'], interface: 'en0', flags: [] }])
    const eduvpn = parseScutilDns(fixture('macos/scutil-dns-eduvpn-wireguard.txt'))
    expect(eduvpn.main[0]?.nameservers.map((server) => server.address)).toEqual(['10.83.200.1', 'fdbf:5677:c5d:e515::1'])
  })
})

describe('parseScutilDns on hostile output: one pass, whatever the line', () => {
  // The old key/value pattern /^\s*([^:]+?)\s*:\s*(.*?)\s*$/ took about 7 s on the first of these lines
  // (2,000 blanks) while main waited, and grows far faster than the line: on the megabyte lines it would
  // not finish in hours. Read in one pass, each input here takes milliseconds, well inside the test's
  // 5 s; with the old pattern (or the old /\(([^)]+)\)/ for if_index) the run never finishes.
  const block = (line: string): string => `DNS configuration\n\nresolver #1\n${line}\n  nameserver[0] : 192.0.2.1\n`
  it.each([
    ['2,000 blanks', ' '.repeat(2000)],
    ['a megabyte of blanks', ' '.repeat(1 << 20)],
    ['blanks around a colon', `${' '.repeat(1 << 19)}:${' '.repeat(1 << 19)}x`],
    ['an if_index with a megabyte of opening parentheses', `  if_index : 4 ${'('.repeat(1 << 20)}`],
    ['a nameserver key with a megabyte of brackets', `  nameserver[${'['.repeat(1 << 20)} : 192.0.2.9`],
    ['a megabyte of "resolver #"', `resolver #${'1'.repeat(1 << 20)}x`],
  ])('%s', (_label, line) => {
    expect(parseScutilDns(block(line)).main.flatMap((parsed) => parsed.nameservers.map((server) => server.address))).toContain('192.0.2.1')
  })
})
