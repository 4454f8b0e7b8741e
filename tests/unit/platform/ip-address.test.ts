import { describe, expect, it } from 'vitest'
import {
  addressScope,
  ipFamily,
  ipv4FromHostOrderHex,
  ipv6FromHex,
  isLoopbackAddress,
  splitZone,
} from '../../../src/main/platform/ip-address'

describe('addressScope', () => {
  it.each([
    ['192.168.178.42', 'global'],
    ['10.0.0.1', 'global'],
    ['169.254.12.7', 'link-local'],
    ['169.253.1.1', 'global'],
    ['127.0.0.1', 'loopback'],
    ['127.0.0.53', 'loopback'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::3ea6:2fff:fe78:1a2b%en0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'global'],
    ['FE80::1', 'link-local'],
    ['fd00::1', 'global'],
    ['2001:db8::1', 'global'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['not an address', 'global'],
  ] as const)('%s is %s', (address, scope) => {
    expect(addressScope(address)).toBe(scope)
  })

  it('calls only loopback addresses loopback', () => {
    expect(isLoopbackAddress('127.0.1.1')).toBe(true)
    expect(isLoopbackAddress('192.168.1.1')).toBe(false)
  })
})

describe('ipFamily and splitZone', () => {
  it('names the family or nothing', () => {
    expect(ipFamily('1.2.3.4')).toBe('IPv4')
    expect(ipFamily('2001:db8::1')).toBe('IPv6')
    expect(ipFamily('1.2.3')).toBeUndefined()
    expect(ipFamily('fe80::1%en0')).toBe('IPv6')
  })

  it('separates the zone', () => {
    expect(splitZone('fe80::1%en0')).toEqual({ address: 'fe80::1', zone: 'en0' })
    expect(splitZone('fe80::1%')).toEqual({ address: 'fe80::1' })
    expect(splitZone('10.0.0.1')).toEqual({ address: '10.0.0.1' })
  })
})

describe('hex decoding from /proc', () => {
  it('reads IPv4 in host byte order', () => {
    expect(ipv4FromHostOrderHex('01B2A8C0', 'LE')).toBe('192.168.178.1')
    expect(ipv4FromHostOrderHex('C0A8B201', 'BE')).toBe('192.168.178.1')
    expect(ipv4FromHostOrderHex('xyz', 'LE')).toBeUndefined()
  })

  it('formats IPv6 the RFC 5952 way', () => {
    expect(ipv6FromHex('fe800000000000003ea62ffffe781a2b')).toBe('fe80::3ea6:2fff:fe78:1a2b')
    expect(ipv6FromHex('20010db8000000010000000000000001')).toBe('2001:db8:0:1::1')
    expect(ipv6FromHex('00000000000000000000000000000001')).toBe('::1')
    expect(ipv6FromHex('00000000000000000000000000000000')).toBe('::')
    expect(ipv6FromHex('20010db8000000000001000000000000')).toBe('2001:db8:0:0:1::')
    expect(ipv6FromHex('20010db8000000000001000000000001')).toBe('2001:db8::1:0:0:1')
    expect(ipv6FromHex('20010db8000100010001000100010001')).toBe('2001:db8:1:1:1:1:1:1')
    expect(ipv6FromHex('20010db8000000010001000100010000')).toBe('2001:db8:0:1:1:1:1:0')
    expect(ipv6FromHex('fe80')).toBeUndefined()
  })
})
