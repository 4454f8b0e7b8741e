// A connection whose first SYN went unanswered ends once lastTry fires, instead of at its own deadline.
// No packet leaves this machine: connects are intercepted and never answered.
import net from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { connectTcp } from '../../../src/main/engine/probes/tcp-connect'
import { settlesBefore } from '../support/order'

afterEach(() => {
  vi.restoreAllMocks()
})

const neverAnswered = (): void => void vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket) {
  return this
})

describe('connectTcp with lastTry', () => {
  it("fired before: ends as a timeout after the first SYN's second, long before its own minute", async () => {
    neverAnswered()
    const connecting = connectTcp('192.0.2.1', 443, { timeoutMs: 60_000, lastTry: AbortSignal.abort() })
    expect(await settlesBefore(connecting, 30_000)).toBe(true)
    expect(await connecting).toMatchObject({ outcome: 'timeout' })
    // Timers never fire early: the first try had its whole second.
    expect((await connecting).latencyMs).toBeGreaterThanOrEqual(990)
  }, 40_000)

  it('fired after the first second: ends at once', async () => {
    neverAnswered()
    const lastTry = new AbortController()
    const connecting = connectTcp('192.0.2.1', 443, { timeoutMs: 60_000, lastTry: lastTry.signal })
    await new Promise((resolve) => setTimeout(resolve, 1000))
    lastTry.abort()
    expect(await settlesBefore(connecting, 30_000)).toBe(true)
    expect(await connecting).toMatchObject({ outcome: 'timeout' })
  }, 40_000)

  it('never fired: keeps waiting, so the tests above are ended by lastTry', async () => {
    neverAnswered()
    const stop = new AbortController()
    const connecting = connectTcp('192.0.2.1', 443, { timeoutMs: 60_000, lastTry: new AbortController().signal, signal: stop.signal })
    expect(await settlesBefore(connecting, 2000)).toBe(false)
    stop.abort()
    expect(await connecting).toMatchObject({ outcome: 'aborted' })
  })
})
