// The router check on an IPv6-only network, whose router is link-local. No packet leaves this machine:
// TCP connects are intercepted and ping is a recording fake.
import net from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CheckContext } from '../../../src/main/engine/check'
import { gatewayCheck } from '../../../src/main/engine/checks/gateway'
import { DEFAULT_CONFIG } from '../../../src/main/engine/config'
import type { DefaultGateway } from '../../../src/main/platform/gateway'
import type { CommandRunner } from '../../../src/main/platform/run-command'

afterEach(() => {
  vi.restoreAllMocks()
})

/** Every TCP connect is recorded; those to `answering` are refused (the router is alive), the rest unreachable. */
function interceptTcp(answering: string[]): string[] {
  const hosts: string[] = []
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args: unknown[]) {
    const host = String((args[0] as { host: string }).host)
    hosts.push(host)
    const code = answering.includes(host) ? 'ECONNREFUSED' : 'EHOSTUNREACH'
    process.nextTick(() => this.emit('error', Object.assign(new Error(code), { code })))
    return this
  })
  return hosts
}

function contextWith(platform: NodeJS.Platform, gateways: DefaultGateway[], run: CommandRunner): CheckContext {
  return {
    config: DEFAULT_CONFIG,
    target: null,
    system: {
      platform,
      run,
      listInterfaces: () => [],
      readDefaultGateways: async () => gateways,
      readSystemResolvers: async () => ({ ok: false, code: 'resolvers.none', detail: '' }),
      readHostsFile: async () => ({ ok: true, path: '/etc/hosts', entries: [] }), readProxySettings: async () => null,
    },
    outcomes: {},
    systemResolvers: async () => ({ ok: false, code: 'resolvers.none', detail: '' }),
    remainingMs: () => 1500,
    now: Date.now,
    routerSilent: new AbortController().signal,
  }
}

function recordingPing(succeeds: boolean): { run: CommandRunner; calls: { file: string; args: readonly string[] }[] } {
  const calls: { file: string; args: readonly string[] }[] = []
  const run: CommandRunner = async (file, args) => {
    calls.push({ file, args })
    return succeeds ? { ok: true, stdout: '', stderr: '', code: 0 } : { ok: false, stdout: '', stderr: '', code: 1, error: 'failed' }
  }
  return { run, calls }
}

describe('a link-local IPv6 router', () => {
  it('is probed through its interface on Linux: ping -I and TCP to fe80::1%eth0, and answers', async () => {
    const hosts = interceptTcp([])
    const { run, calls } = recordingPing(true)
    const gateways: DefaultGateway[] = [{ address: 'fe80::1', family: 'IPv6', interface: 'eth0', zone: 'eth0' }]
    const outcome = await gatewayCheck.run(contextWith('linux', gateways, run), new AbortController().signal)
    expect(outcome).toMatchObject({ status: 'pass', evidence: { answering: ['fe80::1'] } })
    expect(hosts.sort()).toEqual(['fe80::1%eth0', 'fe80::1%eth0', 'fe80::1%eth0'])
    expect(calls).toEqual([{ file: 'ping', args: ['-c', '1', '-W', '1', '-I', 'eth0', 'fe80::1'] }])
  })

  it('answers a ping through its interface index on Windows', async () => {
    interceptTcp([])
    const { run, calls } = recordingPing(true)
    const gateways: DefaultGateway[] = [{ address: 'fe80::1', family: 'IPv6', interface: 'WLAN', zone: '14' }]
    const outcome = await gatewayCheck.run(contextWith('win32', gateways, run), new AbortController().signal)
    expect(outcome).toMatchObject({ status: 'pass', evidence: { answering: ['fe80::1'] } })
    expect(calls).toEqual([{ file: 'ping', args: ['-6', '-n', '1', '-w', '1000', 'fe80::1%14'] }])
  })

  it('is pinged with ping6 -I on macOS', async () => {
    interceptTcp([])
    const { run, calls } = recordingPing(true)
    const gateways: DefaultGateway[] = [{ address: 'fe80::1', family: 'IPv6', interface: 'en0', zone: 'en0' }]
    expect(await gatewayCheck.run(contextWith('darwin', gateways, run), new AbortController().signal)).toMatchObject({ status: 'pass' })
    expect(calls).toEqual([{ file: 'ping6', args: ['-c', '1', '-I', 'en0', 'fe80::1'] }])
  })

  it('leaves an IPv4 router addressed as before and reports a silent one by its plain address', async () => {
    const hosts = interceptTcp([])
    const { run, calls } = recordingPing(false)
    const gateways: DefaultGateway[] = [{ address: '192.168.1.1', family: 'IPv4', interface: 'eth0' }]
    const outcome = await gatewayCheck.run(contextWith('linux', gateways, run), new AbortController().signal)
    expect(outcome).toMatchObject({ status: 'fail', evidence: { answering: [] } })
    expect(outcome.summary).toEqual({ code: 'gateway-silent', address: '192.168.1.1' })
    expect(hosts).toEqual(['192.168.1.1', '192.168.1.1', '192.168.1.1'])
    expect(calls).toEqual([{ file: 'ping', args: ['-c', '1', '-W', '1', '192.168.1.1'] }])
  })
})
