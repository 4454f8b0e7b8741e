// The router check knocks before it pings: starting ping stalls the whole diagnosis for a moment, and a
// router that answers a knock needs none. No packet leaves this machine: TCP connects are intercepted and
// ping is a recording fake.
import net from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CheckContext } from '../../../src/main/engine/check'
import { gatewayCheck } from '../../../src/main/engine/checks/gateway'
import { DEFAULT_CONFIG } from '../../../src/main/engine/config'
import type { CommandRunner } from '../../../src/main/platform/run-command'
import { offlineSystem } from '../support/offline-system'

afterEach(() => {
  vi.restoreAllMocks()
})

/** Knocks are refused (the router is there) after `afterMs`, or never answered when it is null. */
function knocksAnswer(afterMs: number | null): void {
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket) {
    if (afterMs !== null) setTimeout(() => this.emit('error', Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' })), afterMs)
    return this
  })
}

function routerCheck(pingAnswers: boolean): { run: () => ReturnType<typeof gatewayCheck.run>; pings: string[][] } {
  const pings: string[][] = []
  const ping: CommandRunner = async (_file, args) => {
    pings.push([...args])
    return pingAnswers ? { ok: true, stdout: '', stderr: '', code: 0 } : { ok: false, stdout: '', stderr: '', code: 1, error: 'failed' }
  }
  const context: CheckContext = {
    config: DEFAULT_CONFIG,
    target: null,
    system: { ...offlineSystem, run: ping, readDefaultGateways: async () => [{ address: '192.168.1.1', family: 'IPv4', interface: 'eth0' }] },
    outcomes: {},
    systemResolvers: offlineSystem.readSystemResolvers,
    remainingMs: () => 1500,
    routerSilent: new AbortController().signal,
    now: Date.now,
  }
  return { run: () => gatewayCheck.run(context, new AbortController().signal), pings }
}

describe('the router check', () => {
  it('does not ping a router that answered a knock at once', async () => {
    knocksAnswer(0)
    const check = routerCheck(true)
    expect(await check.run()).toMatchObject({ status: 'pass', summary: { code: 'gateway-answers' } })
    expect(check.pings).toEqual([])
  })

  it('pings a router whose knocks go unanswered, and finds it by the ping', async () => {
    knocksAnswer(null)
    const check = routerCheck(true)
    expect(await check.run()).toMatchObject({ status: 'pass', summary: { code: 'gateway-answers' } })
    expect(check.pings).toHaveLength(1)
  })

  it('still takes a knock that answers after the ping started', async () => {
    // Refused only after the ping has begun (a timer set later than the knocks' head start fires later).
    knocksAnswer(300)
    const check = routerCheck(false)
    expect(await check.run()).toMatchObject({ status: 'pass', summary: { code: 'gateway-answers' } })
    expect(check.pings).toHaveLength(1)
  })
})
