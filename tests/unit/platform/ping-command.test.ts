import { describe, expect, it } from 'vitest'
import { pingCommand } from '../../../src/main/platform/ping-command'

describe('the ping command for one echo', () => {
  it('pins a link-local IPv6 gateway to its interface on Linux with -I', () => {
    expect(pingCommand('fe80::1', { platform: 'linux', timeoutMs: 1000, zone: 'wlp3s0' })).toEqual({
      file: 'ping',
      args: ['-c', '1', '-W', '1', '-I', 'wlp3s0', 'fe80::1'],
    })
  })

  it('pins a link-local IPv6 gateway to its interface on macOS with ping6 -I, without the -t that ping6 reads as a node-information query', () => {
    expect(pingCommand('fe80::3ea6:2fff:fe78:1a2b', { platform: 'darwin', timeoutMs: 1000, zone: 'en0' })).toEqual({
      file: 'ping6',
      args: ['-c', '1', '-I', 'en0', 'fe80::3ea6:2fff:fe78:1a2b'],
    })
    expect(pingCommand('2001:db8::1', { platform: 'darwin', timeoutMs: 1000 })).toEqual({ file: 'ping6', args: ['-c', '1', '2001:db8::1'] })
  })

  it('gives Windows the interface index as %zone and forces IPv6', () => {
    expect(pingCommand('fe80::1', { platform: 'win32', timeoutMs: 800, zone: '14' })).toEqual({
      file: 'ping',
      args: ['-6', '-n', '1', '-w', '800', 'fe80::1%14'],
    })
  })

  it('leaves IPv4 and global IPv6 gateways as they were, whatever zone comes along', () => {
    expect(pingCommand('192.168.1.1', { platform: 'linux', timeoutMs: 1000, zone: 'eth0' })).toEqual({ file: 'ping', args: ['-c', '1', '-W', '1', '192.168.1.1'] })
    expect(pingCommand('2001:db8::1', { platform: 'linux', timeoutMs: 2400, zone: 'eth0' })).toEqual({ file: 'ping', args: ['-c', '1', '-W', '2', '2001:db8::1'] })
    expect(pingCommand('192.168.1.1', { platform: 'darwin', timeoutMs: 1000 })).toEqual({ file: 'ping', args: ['-c', '1', '-t', '1', '192.168.1.1'] })
    expect(pingCommand('192.168.1.1', { platform: 'win32', timeoutMs: 1000, zone: '3' })).toEqual({ file: 'ping', args: ['-n', '1', '-w', '1000', '192.168.1.1'] })
  })

  it('refuses anything that is not a plain IP literal or a sane zone, so no option or name reaches ping', () => {
    expect(pingCommand('router.lan', { platform: 'linux', timeoutMs: 1000 })).toBeUndefined()
    expect(pingCommand('-f', { platform: 'linux', timeoutMs: 1000 })).toBeUndefined()
    expect(pingCommand('fe80::1%eth0', { platform: 'linux', timeoutMs: 1000 })).toBeUndefined()
    expect(pingCommand('fe80::1', { platform: 'linux', timeoutMs: 1000, zone: 'eth0 -f' })).toBeUndefined()
    expect(pingCommand('fe80::1', { platform: 'linux', timeoutMs: 1000, zone: '-f' })).toBeUndefined()
  })
})
