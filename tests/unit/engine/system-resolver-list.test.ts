import { describe, expect, it } from 'vitest'
import { systemResolversToAsk } from '../../../src/main/engine/checks/system-resolver-list'
import { parseResolvConf } from '../../../src/main/platform/resolv-conf'
import { parseScutilDns } from '../../../src/main/platform/scutil-dns'
import type { SystemResolver, SystemResolversResult } from '../../../src/main/platform/system-resolvers'
import { parseDnsClientServerItems } from '../../../src/main/platform/windows-dns'

const read = (resolvers: SystemResolver[]): SystemResolversResult => ({
  ok: true,
  resolvers,
  manager: 'plain-file',
  viaLocalStub: false,
  upstream: [],
  searchDomains: [],
})

describe('the system resolvers the DNS checks ask', () => {
  it('asks a link-local server through its interface, end to end from resolv.conf', () => {
    const conf = parseResolvConf('nameserver 192.168.1.1\nnameserver fe80::1%wlp3s0\nnameserver fd00::1%wlp3s0\n')
    expect(systemResolversToAsk(read(conf.nameservers))).toEqual([
      { address: '192.168.1.1', port: 53, origin: { kind: 'system' } },
      { address: 'fe80::1%wlp3s0', port: 53, origin: { kind: 'system' } },
      // A zone changes nothing for a global address; the client would refuse it.
      { address: 'fd00::1', port: 53, origin: { kind: 'system' } },
    ])
  })

  it('asks a link-local server through its interface, end to end from scutil --dns', () => {
    const text = [
      'DNS configuration',
      '',
      'resolver #1',
      '  nameserver[0] : 192.168.1.1',
      '  nameserver[1] : fe80::1%en0',
      '  nameserver[2] : fe80::2',
      '  if_index : 6 (en0)',
      '  flags    : Request A records, Request AAAA records',
      '',
    ].join('\n')
    const block = parseScutilDns(text).main[0]!
    expect(systemResolversToAsk(read(block.nameservers)).map((resolver) => resolver.address)).toEqual(['192.168.1.1', 'fe80::1%en0', 'fe80::2%en0'])
  })

  it('asks a link-local server by interface index on Windows, never by alias', () => {
    const resolvers = parseDnsClientServerItems([
      { InterfaceAlias: 'Wi-Fi', InterfaceIndex: 12, AddressFamily: 23, ServerAddresses: ['fe80::1', 'fd00::53'] },
      { InterfaceAlias: 'Wi-Fi', InterfaceIndex: 12, AddressFamily: 2, ServerAddresses: ['192.168.1.1'] },
    ])
    expect(resolvers).toEqual([
      { address: 'fe80::1', port: 53, interface: 'Wi-Fi', zone: '12' },
      { address: 'fd00::53', port: 53, interface: 'Wi-Fi' },
      { address: '192.168.1.1', port: 53, interface: 'Wi-Fi' },
    ])
    expect(systemResolversToAsk(read(resolvers)).map((resolver) => resolver.address)).toEqual(['fe80::1%12', 'fd00::53', '192.168.1.1'])
  })

  it('asks nothing when the resolvers could not be read', () => {
    expect(systemResolversToAsk({ ok: false, code: 'resolvers.unreadable', detail: 'x' })).toEqual([])
  })
})
