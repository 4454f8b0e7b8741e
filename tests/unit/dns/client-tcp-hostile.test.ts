// A server that answers UDP with the truncation bit and then sends the client anything at all over TCP
// must cost one query bounded memory and end it by its deadline.
import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { queryDns } from '../../../src/main/dns/client'
import { replyTo, startServer } from './loopback-server'

/** Writes `bytes` as fast as the socket takes them, until it closes; resolves with how many were accepted. */
function stream(socket: net.Socket, chunk: Buffer, totalBytes: number): Promise<number> {
  return new Promise((resolve) => {
    let written = 0
    const pump = (): void => {
      while (written < totalBytes && !socket.destroyed) {
        written += chunk.length
        if (!socket.write(chunk)) return void socket.once('drain', pump)
      }
    }
    socket.on('close', () => resolve(written))
    socket.on('error', () => undefined)
    pump()
  })
}

describe('DNS over TCP against a hostile server', () => {
  it('a stream of empty frames ends the query long before its deadline, without copying the stream per frame', { timeout: 30_000 }, async () => {
    let accepted: Promise<number> | undefined
    const server = await startServer({
      udp: ({ query, send }) => send(replyTo(query, { truncated: true })),
      // Zero bytes are a stream of empty frames: a length of 0, again and again.
      tcp: (_query, socket) => void (accepted = stream(socket, Buffer.alloc(64 * 1024), 64 * 1024 * 1024)),
    })
    try {
      const response = await queryDns({ server: server.host, port: server.port, name: 'empty.test', type: 'A', timeoutMs: 60_000, tries: 1 })
      expect(response).toMatchObject({ ok: false, code: 'dns.network-error' })
      expect(response.ok || response.detail).toMatch(/more than \d+ bytes/)
      // The client hung up long before the 64 MiB were sent: only what fits in the kernel's buffers got out.
      expect(await accepted).toBeLessThan(64 * 1024 * 1024)
    } finally {
      await server.close()
    }
  })

  it('stops reading once a stream has carried more than any honest answer needs', { timeout: 30_000 }, async () => {
    const server = await startServer({
      udp: ({ query, send }) => send(replyTo(query, { truncated: true })),
      // Well-formed frames of header-sized garbage that never match the query, forever.
      tcp: (_query, socket) => {
        const frame = Buffer.alloc(14)
        frame.writeUInt16BE(12, 0)
        void stream(socket, Buffer.concat(Array<Buffer>(4096).fill(frame)), 64 * 1024 * 1024)
      },
    })
    try {
      const response = await queryDns({ server: server.host, port: server.port, name: 'noise.test', type: 'A', timeoutMs: 60_000, tries: 1 })
      expect(response).toMatchObject({ ok: false, code: 'dns.network-error' })
      expect(response.ok || response.detail).toMatch(/more than \d+ bytes/)
    } finally {
      await server.close()
    }
  })
})
