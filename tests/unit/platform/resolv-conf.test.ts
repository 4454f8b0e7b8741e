import { describe, expect, it } from 'vitest'
import { parseResolvConf } from '../../../src/main/platform/resolv-conf'
import { fixture } from './fixture-helpers'

describe('parseResolvConf', () => {
  it('reads the systemd-resolved stub file', () => {
    const conf = parseResolvConf(fixture('linux/resolv-systemd-stub.conf'))
    expect(conf.nameservers).toEqual([{ address: '127.0.0.53', port: 53 }])
    expect(conf.searchDomains).toEqual(['fritz.box'])
    expect(conf.options).toEqual(['edns0', 'trust-ad'])
    expect(conf.comments[0]).toContain('managed by man:systemd-resolved(8)')
  })

  it('reads IPv4, IPv6 and IPv6 with a zone', () => {
    const conf = parseResolvConf(fixture('linux/resolv-networkmanager.conf'))
    expect(conf.nameservers).toEqual([
      { address: '192.168.178.1', port: 53 },
      { address: 'fe80::3ea6:2fff:fe78:1a2b', port: 53, interface: 'wlp3s0', zone: 'wlp3s0' },
    ])
  })

  it('takes the domain line as the search list and keeps options', () => {
    const conf = parseResolvConf(fixture('linux/resolv-plain.conf'))
    expect(conf.nameservers.map((server) => server.address)).toEqual(['9.9.9.9', '2620:fe::fe'])
    expect(conf.searchDomains).toEqual(['example.org'])
    expect(conf.options).toEqual(['timeout:2', 'attempts:3', 'rotate'])
  })

  it('lets the last search or domain line win and drops the root domain', () => {
    expect(parseResolvConf('search a.example b.example\ndomain c.example\n').searchDomains).toEqual(['c.example'])
    expect(parseResolvConf('domain c.example\nsearch a.example b.example\n').searchDomains).toEqual(['a.example', 'b.example'])
    expect(parseResolvConf('search .\n').searchDomains).toEqual([])
  })

  it('reads only what the C library would and survives junk', () => {
    const conf = parseResolvConf(fixture('linux/resolv-junk.conf'))
    expect(conf.nameservers.map((server) => server.address)).toEqual([
      '1.1.1.1',
      '1.1.1.1',
      '8.8.8.8',
      '9.9.9.9',
      '149.112.112.112',
    ])
    expect(conf.searchDomains).toEqual(['a.example', 'b.example'])
    expect(conf.options).toEqual(['ndots:2'])
  })

  it('handles CRLF line ends, binary noise and empty input', () => {
    const crlf = parseResolvConf(fixture('linux/resolv-crlf.conf'))
    expect(crlf.nameservers.map((server) => server.address)).toEqual(['192.168.1.1', '192.168.1.2'])
    expect(crlf.searchDomains).toEqual(['home.arpa'])
    expect(parseResolvConf('\u0000\u00ff\ufffd\nnameserver \u0000\n').nameservers).toEqual([])
    expect(parseResolvConf('')).toEqual({ nameservers: [], searchDomains: [], options: [], comments: [] })
  })
})
