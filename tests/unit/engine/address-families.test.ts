import { describe, expect, it } from 'vitest'
import type { CheckContext } from '../../../src/main/engine/check'
import { withinReach } from '../../../src/main/engine/address-families'
import type { NetworkInterfaceInfo } from '../../../src/main/platform/interfaces'

const contextWith = (addresses: NetworkInterfaceInfo['addresses']): CheckContext =>
  ({ outcomes: { 'net.interfaces': { status: 'pass', summary: '', data: { interfaces: [{ name: 'eth0', addresses }] } } } }) as unknown as CheckContext

const targets = [{ address: '198.51.100.1' }, { address: '2001:db8::1' }]

describe('withinReach', () => {
  it('leaves out IPv6 targets on a computer with only IPv4 (a link-local IPv6 address does not count)', () => {
    const context = contextWith([
      { address: '192.0.2.100', family: 'IPv4', internal: false, scope: 'global' },
      { address: 'fe80::1', family: 'IPv6', internal: false, scope: 'link-local' },
    ])
    expect(withinReach(targets, context)).toEqual([{ address: '198.51.100.1' }])
  })

  it('keeps both on a dual-stack computer, and IPv6 alone on an IPv6-only one', () => {
    const dual = contextWith([
      { address: '192.0.2.100', family: 'IPv4', internal: false, scope: 'global' },
      { address: '2001:db8::100', family: 'IPv6', internal: false, scope: 'global' },
    ])
    expect(withinReach(targets, dual)).toEqual(targets)
    expect(withinReach(targets, contextWith([{ address: '2001:db8::100', family: 'IPv6', internal: false, scope: 'global' }]))).toEqual([{ address: '2001:db8::1' }])
  })

  it('keeps everything rather than nothing', () => {
    expect(withinReach([{ address: '2001:db8::1' }], contextWith([{ address: '192.0.2.100', family: 'IPv4', internal: false, scope: 'global' }]))).toEqual([{ address: '2001:db8::1' }])
  })
})
