// The site check against a real HTTP server on loopback: a name typed bare goes https first, then http.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckContext } from '../../../src/main/engine/check'
import { siteHttpCheck } from '../../../src/main/engine/checks/site-http'
import { DEFAULT_CONFIG } from '../../../src/main/engine/config'
import { parseSiteTarget } from '../../../src/main/engine/target'
import { noSystemResolvers, offlineSystem } from '../support/offline-system'

let server: http.Server
let port = 0

beforeAll(async () => {
  // Plain http only: an https request to it fails the secure handshake.
  server = http.createServer((_request, response) => response.writeHead(200).end('plain page'))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

function run(typed: string) {
  const parsed = parseSiteTarget(typed)
  if (!parsed.ok) throw new Error(`fixture: ${typed}`)
  const context: CheckContext = {
    config: DEFAULT_CONFIG,
    target: parsed.target,
    system: offlineSystem,
    systemResolvers: noSystemResolvers,
    routerSilent: new AbortController().signal,
    now: Date.now,
    outcomes: {},
    remainingMs: () => 3000,
  }
  return siteHttpCheck.run(context, new AbortController().signal)
}

describe('the site check, for a name typed without https:// or http://', () => {
  it('falls back to http when https fails, and says which one answered', async () => {
    const outcome = await run(`127.0.0.1:${port}`)
    const [fetch] = outcome.evidence?.fetches ?? []
    expect(fetch?.ok && fetch.status).toBe(200)
    expect(fetch?.url).toBe(`http://127.0.0.1:${port}/`)
    expect(fetch?.httpsFailure).toMatch(/^tls\.|^http\./)
    expect(outcome.status).toBe('pass')
  })

  it('keeps to https when the person typed it', async () => {
    const outcome = await run(`https://127.0.0.1:${port}/`)
    const [fetch] = outcome.evidence?.fetches ?? []
    expect(fetch?.ok).toBe(false)
    expect(fetch?.httpsFailure).toBeUndefined()
    expect(outcome.status).toBe('fail')
  })
})
