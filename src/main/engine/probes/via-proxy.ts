// Fetches a page through a web proxy the way a browser does: a plain page by asking the proxy for the whole
// address, a secure one through a tunnel (CONNECT) with TLS to the site inside it. Bounded in time and bytes.
import http from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import type { Duplex } from 'node:stream'
import tls from 'node:tls'
import type { HttpTimings, ProxyFetchResult, ProxyServer } from '../../../shared/evidence'
import { proxyName } from '../../platform/proxy/proxy-address'
import { failureCodeOf } from './http-pinned'

export interface ProxyFetchOptions {
  url: URL
  proxy: ProxyServer
  timeoutMs: number
  signal?: AbortSignal
  bodyLimitBytes?: number
}

const HEADERS = { 'User-Agent': 'NetMend/0.1 (network diagnosis)', Accept: '*/*', Connection: 'close' }
const PROXY_AUTH_REQUIRED = 407

const flatHeaders = (headers: http.IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]))

/** Never rejects. */
export function fetchViaProxy(options: ProxyFetchOptions): Promise<ProxyFetchResult> {
  const { url, proxy } = options
  const name = proxyName(proxy)
  const isHttps = url.protocol === 'https:'
  const limit = options.bodyLimitBytes ?? 4096
  const started = performance.now()
  const elapsed = (): number => Math.round(performance.now() - started)
  const timings: HttpTimings = { totalMs: 0 }
  const requests: http.ClientRequest[] = []
  // The tunnel's socket leaves its request once the proxy opens it: it is closed here, or it would hold the process open.
  const sockets: Duplex[] = []

  return new Promise((resolve) => {
    let settled = false
    let stage: 'proxy' | 'site' = 'proxy'
    const settle = (result: ProxyFetchResult): void => {
      if (settled) return
      settled = true
      timings.totalMs = elapsed()
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      for (const request of requests) request.destroy()
      for (const socket of sockets) socket.destroy()
      resolve(result)
    }
    const fail = (code: Extract<ProxyFetchResult, { ok: false }>['code'], detail: string, status?: number): void =>
      settle({ ok: false, proxy: name, code, at: stage, ...(status === undefined ? {} : { status }), detail, timings })
    const onError = (error: NodeJS.ErrnoException): void => fail(failureCodeOf(error, isHttps && stage === 'site', stage === 'site'), error.code ?? error.message)
    const onAbort = (): void => fail('http.aborted', '')
    const timer = setTimeout(() => fail('http.timeout', `${options.timeoutMs} ms`), options.timeoutMs)
    if (options.signal?.aborted) return onAbort()
    options.signal?.addEventListener('abort', onAbort, { once: true })

    const readPage = (response: http.IncomingMessage): void => {
      timings.firstByteMs = elapsed()
      if (response.statusCode === PROXY_AUTH_REQUIRED && stage === 'proxy') return fail('proxy.sign-in', '', PROXY_AUTH_REQUIRED)
      let received = 0
      const done = (): void => settle({ ok: true, proxy: name, status: response.statusCode ?? 0, headers: flatHeaders(response.headers), timings })
      response.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received >= limit) done()
      })
      response.once('end', done)
      response.once('error', done)
    }
    const track = (request: http.ClientRequest): http.ClientRequest => {
      requests.push(request)
      request.once('error', onError)
      request.once('socket', (socket) => socket.once('connect', () => (timings.connectMs ??= elapsed())))
      return request
    }

    const proxyAt = { host: proxy.host, port: proxy.port, agent: false as const, family: isIP(proxy.host) || undefined }
    if (!isHttps) {
      // A plain page: the proxy is asked for the whole address, and its answer is the page (or its own error).
      const request = track(http.request({ ...proxyAt, method: 'GET', path: url.href, headers: { ...HEADERS, Host: url.host } }))
      request.once('response', readPage)
      request.end()
      return
    }
    const authority = `${url.hostname.includes(':') ? `[${url.hostname}]` : url.hostname}:${url.port || 443}`
    const connect = track(http.request({ ...proxyAt, method: 'CONNECT', path: authority, headers: { Host: authority, 'User-Agent': HEADERS['User-Agent'] } }))
    connect.once('connect', (response, socket) => {
      sockets.push(socket)
      const status = response.statusCode ?? 0
      if (status === PROXY_AUTH_REQUIRED) return fail('proxy.sign-in', '', status)
      if (status < 200 || status >= 300) return fail('proxy.refused-tunnel', '', status)
      stage = 'site'
      const tlsStart = elapsed()
      const page = track(
        https.request(url, {
          method: 'GET',
          agent: false,
          headers: HEADERS,
          createConnection: () => {
            const secure = tls.connect({ socket, servername: isIP(url.hostname) ? undefined : url.hostname, rejectUnauthorized: true })
            secure.once('secureConnect', () => (timings.tlsMs = elapsed() - tlsStart))
            return secure
          },
        }),
      )
      page.once('response', readPage)
      page.end()
    })
    connect.end()
  })
}
