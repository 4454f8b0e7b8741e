import dgram from 'node:dgram'
import net from 'node:net'
import * as dnsPacket from 'dns-packet'
import type { Answer, DecodedPacket, Packet } from 'dns-packet'

/** A query as the test server saw it. */
export interface Received {
  bytes: Buffer
  packet: DecodedPacket
  transport: 'udp' | 'tcp'
}

export interface UdpContext {
  query: Received
  /** Sends bytes back to the client from the server's own socket. */
  send: (bytes: Buffer) => Promise<void>
  client: dgram.RemoteInfo
}

export interface ServerBehaviour {
  host?: '127.0.0.1' | '::1'
  /** Omit to never answer over UDP. */
  udp?: (context: UdpContext) => void | Promise<void>
  /** Omit to refuse TCP connections (nothing listens). */
  tcp?: (query: Received, socket: net.Socket) => void | Promise<void>
}

export interface LoopbackServer {
  host: string
  port: number
  /** Every query received, in order, over either transport. */
  received: Received[]
  close: () => Promise<void>
}

/** Starts a DNS server on loopback, with UDP and (optionally) TCP on the same ephemeral port. */
export async function startServer(behaviour: ServerBehaviour): Promise<LoopbackServer> {
  const host = behaviour.host ?? '127.0.0.1'
  for (let attempt = 0; ; attempt++) {
    const udp = dgram.createSocket(host === '::1' ? 'udp6' : 'udp4')
    await new Promise<void>((resolve) => udp.bind(0, host, resolve))
    const port = udp.address().port
    try {
      const tcp = behaviour.tcp ? await listenTcp(host, port) : undefined
      return serve(host, port, udp, tcp, behaviour)
    } catch (error) {
      udp.close()
      if (attempt >= 20) throw error
    }
  }
}

function listenTcp(host: string, port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(port, host, () => resolve(server))
  })
}

function serve(host: string, port: number, udp: dgram.Socket, tcp: net.Server | undefined, behaviour: ServerBehaviour): LoopbackServer {
  const received: Received[] = []
  const connections = new Set<net.Socket>()

  udp.on('message', (bytes, client) => {
    const query: Received = { bytes, packet: dnsPacket.decode(bytes), transport: 'udp' }
    received.push(query)
    const send = (reply: Buffer): Promise<void> =>
      new Promise((resolve) => {
        try {
          udp.send(reply, client.port, client.address, () => resolve())
        } catch {
          resolve() // the test already closed the server
        }
      })
    void behaviour.udp?.({ query, send, client })
  })

  tcp?.on('connection', (socket) => {
    connections.add(socket)
    socket.on('close', () => connections.delete(socket))
    socket.on('error', () => {})
    let pending = Buffer.alloc(0)
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk])
      if (pending.length < 2 || pending.length < 2 + pending.readUInt16BE(0)) return
      const bytes = pending.subarray(2, 2 + pending.readUInt16BE(0))
      const query: Received = { bytes, packet: dnsPacket.decode(bytes), transport: 'tcp' }
      received.push(query)
      void behaviour.tcp?.(query, socket)
    })
  })

  return {
    host,
    port,
    received,
    close: async () => {
      for (const socket of connections) socket.destroy()
      await Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        tcp ? new Promise<void>((resolve) => tcp.close(() => resolve())) : undefined,
      ])
    },
  }
}

export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const

/** Encodes a response to `query` echoing its ID and question. */
export function replyTo(
  query: Received,
  contents: { rcode?: number; truncated?: boolean; answers?: Answer[]; authorities?: Answer[]; additionals?: Answer[] } = {},
): Buffer {
  const flags =
    dnsPacket.RECURSION_DESIRED |
    dnsPacket.RECURSION_AVAILABLE |
    (contents.truncated ? dnsPacket.TRUNCATED_RESPONSE : 0) |
    (contents.rcode ?? RCODE.NOERROR)
  const packet: Packet = {
    type: 'response',
    id: query.packet.id,
    flags,
    questions: query.packet.questions,
    answers: contents.answers ?? [],
    authorities: contents.authorities ?? [],
    additionals: contents.additionals ?? [],
  }
  return dnsPacket.encode(packet)
}

export function withLengthPrefix(message: Buffer): Buffer {
  const prefix = Buffer.alloc(2)
  prefix.writeUInt16BE(message.length)
  return Buffer.concat([prefix, message])
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Finds a loopback UDP port with nothing behind it, so datagrams sent there draw ICMP port-unreachable. */
export async function closedUdpPort(host = '127.0.0.1'): Promise<number> {
  const socket = dgram.createSocket(host === '::1' ? 'udp6' : 'udp4')
  await new Promise<void>((resolve) => socket.bind(0, host, resolve))
  const port = socket.address().port
  await new Promise<void>((resolve) => socket.close(() => resolve()))
  return port
}

export async function ipv6LoopbackWorks(): Promise<boolean> {
  const socket = dgram.createSocket('udp6')
  const works = await new Promise<boolean>((resolve) => {
    socket.once('error', () => resolve(false))
    socket.bind(0, '::1', () => resolve(true))
  })
  if (works) socket.close()
  return works
}
