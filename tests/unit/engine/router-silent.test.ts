import net from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DefaultGateway } from '../../../src/shared/evidence'
import { DEFAULT_CONFIG, type EngineConfig } from '../../../src/main/engine/config'
import { diagnose } from '../../../src/main/engine/diagnose'
import { startServer, type LoopbackServer } from '../dns/loopback-server'
import { offlineSystem } from '../support/offline-system'

// No packet leaves this machine: this computer has IPv4 only, so the IPv6 public resolvers and internet
// servers below are out of reach and left out; the system's resolver is a silent server on loopback; the
// router's TCP knocks are intercepted and its ping is the offline system's, which never answers.
const CONFIG: EngineConfig = {
  ...DEFAULT_CONFIG,
  publicResolvers: [{ name: 'Nowhere', address: '2001:db8::53' }],
  reachabilityTargets: [{ address: '2001:db8::1', port: 443 }],
}
const IPV4_ONLY = [{ name: 'eth0', addresses: [{ address: '192.0.2.100', family: 'IPv4' as const, internal: false, scope: 'global' as const }] }]

const ROUTER: DefaultGateway = { address: '192.168.1.1', family: 'IPv4', interface: 'eth0' }

let resolver: LoopbackServer | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await resolver?.close()
  resolver = undefined
})

/** The router's knocks: refused (it is there and alive) or unreachable (silent). */
function routerAnswers(alive: boolean): void {
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket) {
    const code = alive ? 'ECONNREFUSED' : 'EHOSTUNREACH'
    process.nextTick(() => this.emit('error', Object.assign(new Error(code), { code })))
    return this
  })
}

/** The questions the silent system resolver was asked, with how many times each. */
async function questionsAskedWith(gateways: DefaultGateway[]): Promise<Map<string, number>> {
  resolver = await startServer({})
  const resolvers = [{ address: resolver.host, port: resolver.port }]
  await diagnose({
    config: CONFIG,
    target: null,
    system: {
      ...offlineSystem,
      listInterfaces: () => IPV4_ONLY,
      readDefaultGateways: async () => gateways,
      readSystemResolvers: async () => ({ ok: true, resolvers, manager: 'plain-file', viaLocalStub: false, upstream: [], searchDomains: [] }),
    },
  })
  const asked = new Map<string, number>()
  for (const query of resolver.received) {
    const name = query.packet.questions?.[0]?.name ?? ''
    asked.set(name, (asked.get(name) ?? 0) + 1)
  }
  return asked
}

describe('a silent router: what lies beyond it gets one try, not two', () => {
  it('with the router silent, each question goes to the silent resolver once', async () => {
    routerAnswers(false)
    const asked = await questionsAskedWith([ROUTER])
    expect(asked.size).toBe(2) // the resolver check's question and the made-up name
    expect([...asked.values()]).toEqual([1, 1])
  })

  it('with the router answering, the silent resolver is asked again', async () => {
    routerAnswers(true)
    const asked = await questionsAskedWith([ROUTER])
    expect(asked.size).toBe(2)
    expect([...asked.values()]).toEqual([2, 2])
  })

  it('with no router found (a VPN route names none), the silent resolver is asked again', async () => {
    const asked = await questionsAskedWith([])
    expect(asked.size).toBe(2)
    expect([...asked.values()]).toEqual([2, 2])
  })
})
