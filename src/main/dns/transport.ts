import dgram from 'node:dgram'
import net from 'node:net'

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
  /** The clock deadlines are kept on, in milliseconds. */
  now: () => number
}

export interface UdpExchange<T> extends Exchange<T> {
  tries: number
  timeoutMs: number
  /** The datagram for the next try; called once per try. */
  nextQuery: () => Buffer
  onFirstSend: (at: number) => void
  /** Once it fires, no further try is sent: see DnsQuestion.lastTry. */
  lastTry?: AbortSignal
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
    let firstSentAt: number | undefined
    let deadline = Infinity

    const stopRetrying = (): void => {
      triesLeft = 0
      // A whole try already went unanswered: that is the answer, without waiting out the one under way.
      if (firstSentAt !== undefined && exchange.now() - firstSentAt >= exchange.timeoutMs) finish({ kind: 'timeout' })
    }
    const finish = settleOnce(exchange.signal, resolve, () => {
      clearTimeout(timer)
      exchange.lastTry?.removeEventListener('abort', stopRetrying)
      socket.close()
    })
    if (finish.done) return
    if (exchange.lastTry?.aborted) stopRetrying()
    else exchange.lastTry?.addEventListener('abort', stopRetrying, { once: true })

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
      firstSentAt = exchange.now()
      deadline = firstSentAt + exchange.tries * exchange.timeoutMs
      exchange.onFirstSend(firstSentAt)
      sendNextTry()
    })
    socket.on('error', (error) => finish({ kind: 'error', error }))
    socket.on('message', (message, from) => {
      if (from.address !== server?.address || from.port !== server.port) return
      // Timers only run between batches of I/O callbacks, so a flood of costly packets could otherwise outlast the deadline.
      if (exchange.now() >= deadline) return finish({ kind: 'timeout' })
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
    const deadline = exchange.now() + exchange.timeoutMs
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
      const framed = frames.push(chunk)
      if (!framed.ok) return finish({ kind: 'error', error: new Error(framed.problem) })
      for (const message of framed.messages) {
        if (exchange.now() >= deadline) return finish({ kind: 'timeout' }) // see exchangeUdp
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

/** A DNS message is at least its 12-byte header; a shorter frame cannot be the reply and is skipped. */
const DNS_HEADER_BYTES = 12
/** One honest reply is at most 2 + 65,535 bytes; a server that sends several times that is not answering. */
const MAX_STREAM_BYTES = 4 * (2 + 0xffff)

type Framed = { ok: true; messages: Buffer[] } | { ok: false; problem: string }

/**
 * Splits a TCP byte stream into DNS messages (RFC 1035 §4.2.2: two-byte big-endian length, then the
 * message). Whatever the server sends, one query buffers at most one frame plus one chunk, copies each
 * byte at most once more, and reads at most MAX_STREAM_BYTES.
 */
class LengthPrefixedFrames {
  private chunks: Buffer[] = []
  private buffered = 0
  private received = 0

  push(chunk: Buffer): Framed {
    this.received += chunk.length
    if (this.received > MAX_STREAM_BYTES) return { ok: false, problem: `the server sent more than ${MAX_STREAM_BYTES} bytes without answering` }
    this.chunks.push(chunk)
    this.buffered += chunk.length
    if (this.buffered < 2 || this.buffered < 2 + this.nextLength()) return { ok: true, messages: [] }
    // Copying only once a whole frame is buffered keeps a server that trickles bytes from costing quadratic time.
    const all = Buffer.concat(this.chunks, this.buffered)
    const messages: Buffer[] = []
    let offset = 0
    while (all.length - offset >= 2) {
      const length = all.readUInt16BE(offset)
      if (all.length - offset < 2 + length) break
      if (length >= DNS_HEADER_BYTES) messages.push(all.subarray(offset + 2, offset + 2 + length))
      offset += 2 + length
    }
    this.chunks = [all.subarray(offset)]
    this.buffered = all.length - offset
    return { ok: true, messages }
  }

  /** The length prefix of the next frame, read across chunk boundaries without copying. */
  private nextLength(): number {
    const first = this.chunks[0]!
    return first.length >= 2 ? first.readUInt16BE(0) : (first[0]! << 8) | this.chunks[1]![0]!
  }
}
