import { Socket } from 'node:net'
import type { TcpConnectOutcome, TcpConnectResult } from '../../../shared/evidence'

const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN', 'EHOSTDOWN'])
// The wait before the first SYN is sent again (RFC 6298's initial retransmission timeout, Linux's too).
const FIRST_TRY_MS = 1000

export interface ConnectOptions {
  timeoutMs: number
  signal?: AbortSignal
  /** Once it fires, a connection that got no answer to its first SYN in FIRST_TRY_MS ends as a timeout (see DnsQuestion.lastTry). */
  lastTry?: AbortSignal
}

/** Opens (and at once closes) a TCP connection: "refused" still proves the host answered. */
export function connectTcp(address: string, port: number, options: ConnectOptions): Promise<TcpConnectResult> {
  const started = performance.now()
  return new Promise((resolve) => {
    const socket = new Socket()
    let settled = false
    const finish = (outcome: TcpConnectOutcome, errorCode?: string): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      options.lastTry?.removeEventListener('abort', stopRetrying)
      socket.destroy()
      resolve({ address, port, outcome, latencyMs: Math.round(performance.now() - started), ...(errorCode ? { errorCode } : {}) })
    }
    const onAbort = (): void => finish('aborted')
    let timer = setTimeout(() => finish('timeout'), options.timeoutMs)
    const stopRetrying = (): void => {
      if (FIRST_TRY_MS >= options.timeoutMs) return
      clearTimeout(timer)
      timer = setTimeout(() => finish('timeout'), Math.max(0, FIRST_TRY_MS - (performance.now() - started)))
    }
    if (options.signal?.aborted) return finish('aborted')
    options.signal?.addEventListener('abort', onAbort, { once: true })
    if (options.lastTry?.aborted) stopRetrying()
    else options.lastTry?.addEventListener('abort', stopRetrying, { once: true })
    socket.once('connect', () => finish('connected'))
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') finish('refused', error.code)
      else if (error.code && UNREACHABLE_CODES.has(error.code)) finish('unreachable', error.code)
      else finish('error', error.code)
    })
    socket.connect({ host: address, port })
  })
}
