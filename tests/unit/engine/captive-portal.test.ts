// The sign-in page check against a real HTTP server on loopback: which answers show a sign-in page.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckContext, CheckOutcome } from '../../../src/main/engine/check'
import { captivePortalCheck } from '../../../src/main/engine/checks/captive-portal'
import { DEFAULT_CONFIG } from '../../../src/main/engine/config'
import { noSystemResolvers, offlineSystem } from '../support/offline-system'

type Reply = { status: number; headers?: Record<string, string>; body?: string }

let server: http.Server
let port = 0
const replies = new Map<string, Reply>()

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const reply = replies.get(request.url ?? '') ?? { status: 204 }
    response.writeHead(reply.status, reply.headers)
    response.end(reply.body ?? '')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

async function probe(path: string, reply: Reply, host = 'check.lab.test'): Promise<CheckOutcome<'portal.captive'>> {
  replies.set(path, reply)
  const context: CheckContext = {
    config: { ...DEFAULT_CONFIG, captivePortalUrl: `http://${host}:${port}${path}` },
    target: null,
    system: offlineSystem,
    systemResolvers: noSystemResolvers,
    routerSilent: new AbortController().signal,
    // The check host's address, as the system resolver check found it: loopback. None for an IP address.
    outcomes: host === '127.0.0.1' ? {} : {
      'dns.system': {
        status: 'pass',
        summary: { code: 'resolvers-answer', answered: 1, total: 1 },
        evidence: {
          question: 'check.lab.test',
          resolversRead: { ok: true, resolvers: [{ address: '127.0.0.53', port: 53 }], manager: 'systemd-resolved', viaLocalStub: true, upstream: [], searchDomains: [] },
          answers: [
            {
              resolver: '127.0.0.53',
              origin: { kind: 'system' },
              response: { ok: true, rcode: 'NOERROR', answers: [{ name: 'check.lab.test', type: 'A', ttl: 60, data: '127.0.0.1' }], authorities: [], latencyMs: 1, transport: 'udp', server: '127.0.0.53' },
            },
          ],
        },
      },
    },
    remainingMs: () => 2000,
    now: Date.now,
  }
  return captivePortalCheck.run(context, new AbortController().signal)
}

describe('sign-in page check', () => {
  it.each<[string, Reply, CheckOutcome['status']]>([
    ['the expected empty 204 → no sign-in page', { status: 204 }, 'pass'],
    ['a redirect to a login page on another host → sign-in page', { status: 302, headers: { location: 'http://portal.hotel.test/login' } }, 'fail'],
    ['a 200 with a login form in place of the empty page → sign-in page', { status: 200, body: '<form>Sign in</form>' }, 'fail'],
    ['a redirect to a login page on the same host → sign-in page', { status: 302, headers: { location: '/login' } }, 'fail'],
    ['a redirect without a readable target → sign-in page', { status: 302 }, 'fail'],
    ['403 from a company proxy → could not tell', { status: 403, body: 'Forbidden' }, 'skipped'],
    ['407 proxy authentication → could not tell', { status: 407, body: 'Proxy Authentication Required' }, 'skipped'],
    ['503 from the check server → could not tell', { status: 503, body: 'down' }, 'skipped'],
    ['an empty 200 → could not tell', { status: 200 }, 'skipped'],
  ])('%s', async (_story, reply, status) => {
    const outcome = await probe(`/case-${replies.size}`, reply)
    expect(outcome.status).toBe(status)
  })

  it('an IP address as the check URL is fetched there, without waiting for any address book', async () => {
    const outcome = await probe('/by-address', { status: 302, headers: { location: '/login' } }, '127.0.0.1')
    expect(outcome.status).toBe('fail')
    expect(outcome.evidence?.address).toBe('127.0.0.1')
  })
})
