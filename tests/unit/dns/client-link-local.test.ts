import dgram from 'node:dgram'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { queryDns } from '../../../src/main/dns/client'
import { exchangeUdp } from '../../../src/main/dns/transport'

// Nothing here may reach a real link: an IPv6 link-local address without a zone fails in connect() with
// EINVAL before any datagram exists, and the send spy proves none was attempted.

afterEach(() => {
  vi.restoreAllMocks()
})

describe('a UDP connect that fails', () => {
  it.runIf(process.platform === 'linux')('is a failure value, not an uncaught ERR_SOCKET_DGRAM_NOT_CONNECTED, and sends nothing', async () => {
    const send = vi.spyOn(dgram.Socket.prototype, 'send')
    const result = await queryDns({ server: 'fe80::1', name: 'example.test', type: 'A', timeoutMs: 200, tries: 1 })
    expect(result).toMatchObject({ ok: false, code: 'dns.network-error', server: 'fe80::1' })
    expect(result.ok === false && result.detail).toMatch(/EINVAL/)
    expect(result.latencyMs).toBe(0)
    expect(send).not.toHaveBeenCalled()
  })

  it('settles the transport with the connect error instead of throwing', async () => {
    const send = vi.spyOn(dgram.Socket.prototype, 'send')
    const connect = vi.spyOn(dgram.Socket.prototype, 'connect').mockImplementation(function (this: dgram.Socket, ...args: unknown[]) {
      const callback = args.find((arg): arg is (error?: Error) => void => typeof arg === 'function')
      const error = Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' })
      process.nextTick(() => callback?.(error))
    })
    const onFirstSend = vi.fn()
    const outcome = await exchangeUdp({
      server: '127.0.0.1',
      port: 53,
      tries: 2,
      timeoutMs: 100,
      nextQuery: () => Buffer.alloc(12),
      onFirstSend,
      accept: () => undefined,
      now: () => performance.now(),
    })
    expect(connect).toHaveBeenCalledOnce()
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'EHOSTUNREACH' } })
    expect(onFirstSend).not.toHaveBeenCalled()
    expect(send).not.toHaveBeenCalled()
  })

  it('reports an unreachable server as dns.unreachable', async () => {
    vi.spyOn(dgram.Socket.prototype, 'connect').mockImplementation(function (this: dgram.Socket, ...args: unknown[]) {
      const callback = args.find((arg): arg is (error?: Error) => void => typeof arg === 'function')
      process.nextTick(() => callback?.(Object.assign(new Error('connect ENETUNREACH'), { code: 'ENETUNREACH' })))
    })
    const result = await queryDns({ server: '127.0.0.1', name: 'example.test', type: 'A', timeoutMs: 100, tries: 1 })
    expect(result).toMatchObject({ ok: false, code: 'dns.unreachable' })
  })
})

describe('link-local servers with a zone', () => {
  function refuseConnect(): { addresses: string[] } {
    const seen = { addresses: [] as string[] }
    vi.spyOn(dgram.Socket.prototype, 'connect').mockImplementation(function (this: dgram.Socket, ...args: unknown[]) {
      seen.addresses.push(String(args[1]))
      const callback = args.find((arg): arg is (error?: Error) => void => typeof arg === 'function')
      process.nextTick(() => callback?.(Object.assign(new Error('connect ENETUNREACH'), { code: 'ENETUNREACH' })))
    })
    return seen
  }

  it.each(['fe80::1%en0', 'fe80::1%eth0', 'FE80::1%wlp2s0', 'fe80::1%12', 'febf::1%br-lan.2'])('accepts %s and hands the zone to the socket', async (server) => {
    const seen = refuseConnect()
    const result = await queryDns({ server, name: 'example.test', type: 'A', timeoutMs: 100, tries: 1 })
    expect(result).toMatchObject({ ok: false, code: 'dns.unreachable', server })
    expect(seen.addresses).toEqual([server])
  })

  it.each([
    ['192.168.1.1%eth0', /only a link-local IPv6/],
    ['2001:db8::1%eth0', /only a link-local IPv6/],
    ['::1%lo', /only a link-local IPv6/],
    ['fe80::1%', /zone "" is not/],
    ['fe80::1%eth 0', /zone "eth 0" is not/],
    ['fe80::1%wlan_0', /zone "wlan_0" is not/],
    ['fe80::1%a%b', /is not/],
    ['fe80::1%example.com/x', /is not/],
  ])('refuses %s before touching a socket', async (server, detail) => {
    const seen = refuseConnect()
    const result = await queryDns({ server, name: 'example.test', type: 'A', timeoutMs: 100, tries: 1 })
    expect(result).toMatchObject({ ok: false, code: 'dns.bad-question' })
    expect(result.ok === false && result.detail).toMatch(detail)
    expect(seen.addresses).toEqual([])
  })
})
