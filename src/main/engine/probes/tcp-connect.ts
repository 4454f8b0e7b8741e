import { Socket } from 'node:net'
import type { TcpConnectOutcome, TcpConnectResult } from '../../../shared/evidence'

const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN', 'EHOSTDOWN'])

/** Opens (and at once closes) a TCP connection: "refused" still proves the host answered. */
export function connectTcp(address: string, port: number, options: { timeoutMs: number; signal?: AbortSignal }): Promise<TcpConnectResult> {
  const started = performance.now()
  return new Promise((resolve) => {
    const socket = new Socket()
    let settled = false
    const finish = (outcome: TcpConnectOutcome, errorCode?: string): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      socket.destroy()
      resolve({ address, port, outcome, latencyMs: Math.round(performance.now() - started), ...(errorCode ? { errorCode } : {}) })
    }
    const onAbort = (): void => finish('aborted')
    const timer = setTimeout(() => finish('timeout'), options.timeoutMs)
    if (options.signal?.aborted) return finish('aborted')
    options.signal?.addEventListener('abort', onAbort, { once: true })
    socket.once('connect', () => finish('connected'))
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') finish('refused', error.code)
      else if (error.code && UNREACHABLE_CODES.has(error.code)) finish('unreachable', error.code)
      else finish('error', error.code)
    })
    socket.connect({ host: address, port })
  })
}
