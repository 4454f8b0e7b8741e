// Following a site the way a browser does, against a real HTTP server on loopback.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchLikeBrowser, MAX_REDIRECTS } from '../../../src/main/engine/probes/fetch-like-browser'

let server: http.Server
let port = 0

// Paths: /to/<n> redirects to /to/<n-1>, /to/0 answers; /loop-a ↔ /loop-b; /away goes to another name.
beforeAll(async () => {
  server = http.createServer((request, response) => {
    const path = request.url ?? '/'
    const host = request.headers.host ?? ''
    const countdown = /^\/to\/(\d+)$/.exec(path)
    if (countdown) {
      const left = Number(countdown[1])
      if (left === 0) return response.writeHead(200).end(`arrived at ${host}`)
      return response.writeHead(302, { location: `/to/${left - 1}` }).end()
    }
    if (path === '/loop-a') return response.writeHead(301, { location: '/loop-b' }).end()
    if (path === '/loop-b') return response.writeHead(301, { location: '/loop-a#again' }).end()
    if (path === '/cookie-once') return response.writeHead(302, { location: '/cookie-once', 'set-cookie': 'seen=1' }).end()
    if (path === '/away') return response.writeHead(307, { location: `http://other.test:${port}/to/0` }).end()
    if (path === '/mail') return response.writeHead(302, { location: 'mailto:someone@example.test' }).end()
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const asked: string[] = []
const fetchPath = (path: string, resolved: string | null = '127.0.0.1') =>
  fetchLikeBrowser({
    url: new URL(`http://site.test:${port}${path}`),
    address: '127.0.0.1',
    timeoutMs: 3000,
    signal: new AbortController().signal,
    resolveHost: async (host) => {
      asked.push(host)
      return resolved ?? undefined
    },
  })

describe('fetching like a browser', () => {
  it('follows redirects on the same site and records each one', async () => {
    const result = await fetchPath('/to/3')
    expect(result.ok && result.status).toBe(200)
    expect(result.url).toBe(`http://site.test:${port}/to/0`)
    expect(result.redirects?.map((hop) => [hop.url, hop.status])).toEqual([
      [`http://site.test:${port}/to/3`, 302],
      [`http://site.test:${port}/to/2`, 302],
      [`http://site.test:${port}/to/1`, 302],
    ])
  })

  it('a single answer carries no journey', async () => {
    const result = await fetchPath('/to/0')
    expect(result.ok && result.status).toBe(200)
    expect(result.redirects).toBeUndefined()
  })

  it(`gives up after ${MAX_REDIRECTS} redirects`, async () => {
    const result = await fetchPath(`/to/${MAX_REDIRECTS + 1}`)
    expect(!result.ok && result.code).toBe('http.too-many-redirects')
    expect(result.redirects).toHaveLength(MAX_REDIRECTS + 1)
    expect((await fetchPath(`/to/${MAX_REDIRECTS}`)).ok).toBe(true)
  })

  it('sees a loop as soon as a page comes round again', async () => {
    const result = await fetchPath('/loop-a')
    expect(!result.ok && result.code).toBe('http.redirect-loop')
    expect(result.redirects).toHaveLength(2)
  })

  it('a page that sets a cookie and sends the browser back to itself is no loop by itself', async () => {
    const result = await fetchPath('/cookie-once')
    expect(!result.ok && result.code).toBe('http.too-many-redirects')
  })

  it('looks up another name through the resolver it is given, and fetches the page there with that name', async () => {
    asked.length = 0
    const result = await fetchPath('/away')
    expect(asked).toEqual(['other.test'])
    expect(result.ok && result.bodySnippet).toBe(`arrived at other.test:${port}`)
    expect(result.address).toBe('127.0.0.1')
  })

  it('a redirect to a name that cannot be found ends there', async () => {
    const result = await fetchPath('/away', null)
    expect(!result.ok && result.code).toBe('http.redirect-unresolved')
    expect(!result.ok && result.detail).toBe('other.test')
  })

  it('a redirect to something that is not a web page is the last answer', async () => {
    const result = await fetchPath('/mail')
    expect(result.ok && result.status).toBe(302)
  })
})
