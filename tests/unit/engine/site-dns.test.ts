// The site's lookup stops waiting for silent public resolvers once it has what it needs, so the fetch keeps its time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { askSystemAndPublic } from '../../../src/main/engine/checks/site-dns'
import { replyTo, startServer, type LoopbackServer, type Received } from '../dns/loopback-server'

const answer = (query: Received): Buffer => {
  const question = query.packet.questions?.[0]
  const type = question?.type === 'AAAA' ? 'AAAA' : 'A'
  return replyTo(query, { answers: [{ name: question?.name ?? 'shop.lab.test', type, ttl: 60, data: type === 'A' ? '203.0.113.80' : '2001:db8::80' }] })
}

let system: LoopbackServer
let publicFast: LoopbackServer
let publicSilent: LoopbackServer

beforeAll(async () => {
  system = await startServer({ udp: ({ query, send }) => send(answer(query)) })
  publicFast = await startServer({ udp: ({ query, send }) => send(answer(query)) })
  publicSilent = await startServer({}) // never answers
})

afterAll(async () => {
  await Promise.all([system.close(), publicFast.close(), publicSilent.close()])
})

const ask = (server: LoopbackServer, label: string) => ({ address: server.host, port: server.port, label })

describe("the site's lookup", () => {
  it('finishes once the system and one public resolver answered A and AAAA, leaving out the silent one', async () => {
    const result = await askSystemAndPublic([ask(system, 'system')], [ask(publicSilent, 'silent'), ask(publicFast, 'fast')], 'shop.lab.test', 2000, new AbortController().signal)
    // Waiting for the silent resolver (two tries of ~950 ms) would have brought its two timeouts into the list.
    expect(result.system).toHaveLength(2)
    expect(result.public.map((a) => a.label)).toEqual(['fast', 'fast'])
    expect(result.public.every((a) => a.response.ok)).toBe(true)
  })

  it('still waits for the system resolvers, and keeps every public answer when none is cut off', async () => {
    const result = await askSystemAndPublic([ask(system, 'system')], [ask(publicFast, 'fast')], 'shop.lab.test', 2000, new AbortController().signal)
    expect(result.system).toHaveLength(2)
    expect(result.public).toHaveLength(2)
  })
})
