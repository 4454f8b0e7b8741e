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
})
