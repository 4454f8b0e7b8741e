import { it, expect } from 'vitest'
import { queryDns } from '../../../src/main/dns/client'
import { replyTo, startServer, delay } from './loopback-server'
it('abort right after start', async () => {
  const errors: unknown[] = []
  const rec = (e: unknown) => errors.push(e)
  process.on('uncaughtException', rec)
  for (const host of ['127.0.0.1', '::1'] as const) {
  const s = await startServer({ host, udp: ({ query, send }) => send(replyTo(query, { truncated: true })), tcp: () => {} })
    for (let i = 0; i < 20; i++) {
      const c = new AbortController()
      const p = queryDns({ server: host, port: s.port, name: 'a.test', type: 'A', signal: c.signal })
      if (i % 4 === 0) c.abort()
      else if (i % 4 === 1) queueMicrotask(() => c.abort())
      else if (i % 4 === 2) setImmediate(() => c.abort())
      else setTimeout(() => c.abort(), i % 3)
      const r = await p
      expect(r).toMatchObject({ ok: false, code: 'dns.aborted' })
    }
  await s.close()
  }
  await delay(50)
  process.off('uncaughtException', rec)
  expect(errors).toEqual([])
})
