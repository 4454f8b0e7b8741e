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
