import dgram from 'node:dgram'
import net from 'node:net'
import { performance } from 'node:perf_hooks'

export type Outcome<T> =
  | { kind: 'reply'; reply: T }
  | { kind: 'timeout' }
  | { kind: 'aborted' }
  | { kind: 'error'; error: Error }

interface Exchange<T> {
  server: string
  port: number
  signal?: AbortSignal
  /** The parsed reply, or undefined to ignore the message and keep waiting. */
  accept: (message: Buffer) => T | undefined
}

export interface UdpExchange<T> extends Exchange<T> {
  tries: number
  timeoutMs: number
  /** The datagram for the next try; called once per try. */
  nextQuery: () => Buffer
  onFirstSend: (at: number) => void
}

export interface TcpExchange<T> extends Exchange<T> {
  query: Buffer
  timeoutMs: number
}

/** Sends up to `tries` datagrams, one per `timeoutMs`, and settles on the first accepted reply. */
export function exchangeUdp<T>(exchange: UdpExchange<T>): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket(net.isIPv6(exchange.server) ? 'udp6' : 'udp4')
    let server: { address: string; port: number } | undefined
    let timer: NodeJS.Timeout | undefined
    let triesLeft = exchange.tries
    let deadline = Infinity

    const finish = settleOnce(exchange.signal, resolve, () => {
      clearTimeout(timer)
      socket.close()
    })
    if (finish.done) return

    const sendNextTry = (): void => {
      triesLeft--
      socket.send(exchange.nextQuery(), (error) => {
        if (error) finish({ kind: 'error', error })
      })
      timer = setTimeout(() => (triesLeft > 0 ? sendNextTry() : finish({ kind: 'timeout' })), exchange.timeoutMs)
    }

    // Connecting makes the kernel report ICMP port-unreachable (as ECONNREFUSED) and drop foreign datagrams.
    // A failed connect (EINVAL for a link-local address without its zone, ENETUNREACH, ...) arrives here,
    // not as an 'error' event, and leaves the socket unconnected: nothing may be sent on it.
    socket.connect(exchange.port, exchange.server, (error?: Error) => {
      if (finish.done) return
      if (error) return finish({ kind: 'error', error })
      try {
        server = socket.remoteAddress()
      } catch (unconnected) {
        return finish({ kind: 'error', error: unconnected as Error })
      }
      const firstSentAt = performance.now()
      deadline = firstSentAt + exchange.tries * exchange.timeoutMs
      exchange.onFirstSend(firstSentAt)
      sendNextTry()
    })
    socket.on('error', (error) => finish({ kind: 'error', error }))
    socket.on('message', (message, from) => {
      if (from.address !== server?.address || from.port !== server.port) return
      // Timers only run between batches of I/O callbacks, so a flood of costly packets could otherwise outlast the deadline.
      if (performance.now() >= deadline) return finish({ kind: 'timeout' })
      const reply = acceptSafely(exchange, message)
      if (reply !== undefined) finish({ kind: 'reply', reply })
    })
  })
}

/** Sends one length-prefixed query over TCP and settles on the first accepted reply on the stream. */
export function exchangeTcp<T>(exchange: TcpExchange<T>): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: exchange.server, port: exchange.port })
    const frames = new LengthPrefixedFrames()
    const deadline = performance.now() + exchange.timeoutMs
    const timer = setTimeout(() => finish({ kind: 'timeout' }), Math.max(0, exchange.timeoutMs))

    const finish = settleOnce(exchange.signal, resolve, () => {
      clearTimeout(timer)
      socket.destroy()
    })

    socket.on('connect', () => {
      const prefix = Buffer.alloc(2)
      prefix.writeUInt16BE(exchange.query.length)
      socket.write(Buffer.concat([prefix, exchange.query]))
    })
    socket.on('data', (chunk) => {
      for (const message of frames.push(chunk)) {
        if (performance.now() >= deadline) return finish({ kind: 'timeout' }) // see exchangeUdp
        const reply = acceptSafely(exchange, message)
        if (reply !== undefined) return finish({ kind: 'reply', reply })
      }
    })
    socket.on('error', (error) => finish({ kind: 'error', error }))
    socket.on('close', () => finish({ kind: 'error', error: new Error('TCP connection closed before an answer arrived') }))
  })
}

type Finish<T> = ((outcome: Outcome<T>) => void) & { done: boolean }

/** Resolves at most once, on the first outcome or on abort, and releases resources exactly then. */
function settleOnce<T>(signal: AbortSignal | undefined, resolve: (outcome: Outcome<T>) => void, release: () => void): Finish<T> {
  const onAbort = (): void => finish({ kind: 'aborted' })
  const finish = Object.assign(
    (outcome: Outcome<T>): void => {
      if (finish.done) return
      finish.done = true
      signal?.removeEventListener('abort', onAbort)
      try {
        release()
      } finally {
        resolve(outcome)
      }
    },
    { done: false },
  )
  signal?.addEventListener('abort', onAbort, { once: true })
  if (signal?.aborted) onAbort()
  return finish
}

// A reply parser bug must cost us one ignored message, not an uncaught exception in a socket callback.
function acceptSafely<T>(exchange: Exchange<T>, message: Buffer): T | undefined {
  try {
    return exchange.accept(message)
  } catch {
    return undefined
  }
}

/** Splits a TCP byte stream into DNS messages (RFC 1035 §4.2.2: two-byte big-endian length, then the message). */
class LengthPrefixedFrames {
  private chunks: Buffer[] = []
  private buffered = 0

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk)
    this.buffered += chunk.length
    const messages: Buffer[] = []
    while (this.buffered >= 2) {
      const head = this.chunks[0]!.length >= 2 ? this.chunks[0]! : this.flatten()
      const frameLength = 2 + head.readUInt16BE(0)
      if (this.buffered < frameLength) break
      const all = this.flatten()
      messages.push(all.subarray(2, frameLength))
      this.chunks = [all.subarray(frameLength)]
      this.buffered -= frameLength
    }
    return messages
  }

  // Copying only once a whole frame is buffered keeps a server that trickles bytes from costing quadratic time.
  private flatten(): Buffer {
    const all = Buffer.concat(this.chunks, this.buffered)
    this.chunks = [all]
    return all
  }
}
