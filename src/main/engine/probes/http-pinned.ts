import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import type { TLSSocket } from 'node:tls'
import type { HttpFailureCode, HttpTimings, PinnedFetchResult } from '../../../shared/evidence'

export type { HttpFailureCode, PinnedFetchResult } from '../../../shared/evidence'

export interface PinnedFetchOptions {
  url: URL
  /** The IP address to connect to, whatever DNS says: like `curl --resolve`, keeping Host and SNI. */
  address: string
  timeoutMs: number
  signal?: AbortSignal
  bodyLimitBytes?: number
}

const TLS_CODES: Record<string, HttpFailureCode> = {
  CERT_HAS_EXPIRED: 'tls.expired',
  CERT_NOT_YET_VALID: 'tls.expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls.name-mismatch',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls.untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls.untrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls.untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls.untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'tls.untrusted',
  CERT_UNTRUSTED: 'tls.untrusted',
  CERT_REVOKED: 'tls.untrusted',
}

export function failureCodeOf(error: NodeJS.ErrnoException, isHttps: boolean, tlsStarted: boolean): HttpFailureCode {
  const code = error.code ?? ''
  if (TLS_CODES[code]) return TLS_CODES[code]
  if (code === 'ECONNREFUSED') return 'http.refused'
  if (['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN'].includes(code)) return 'http.unreachable'
  if (isHttps && tlsStarted && (code === 'ECONNRESET' || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /ssl|tls/i.test(error.message))) {
    return 'tls.failed'
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'http.reset'
  if (code.startsWith('HPE_')) return 'http.protocol'
  return isHttps && tlsStarted ? 'tls.failed' : 'http.reset'
}

function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address)
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }])
    else callback(null, address, family)
  }
}

/** GET the URL from one specific server address, recording status, revealing headers and timings. Never rejects. */
export function fetchPinned(options: PinnedFetchOptions): Promise<PinnedFetchResult> {
  const { url, address } = options
  const isHttps = url.protocol === 'https:'
  const started = performance.now()
  const elapsed = (): number => Math.round(performance.now() - started)
  const timings: HttpTimings = { totalMs: 0 }
  const limit = options.bodyLimitBytes ?? 4096

  return new Promise((resolve) => {
    let settled = false
    let tlsStarted = false
    const settle = (result: PinnedFetchResult): void => {
      if (settled) return
      settled = true
      timings.totalMs = elapsed()
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      request.destroy()
      resolve(result)
    }
    const fail = (code: HttpFailureCode, detail: string): void => settle({ ok: false, address, code, detail, timings })
    // Details are data a person's words can carry: the time allowed, or the system's error code.
    const onAbort = (): void => fail('http.aborted', '')

    const transport = isHttps ? https : http
    const request = transport.request(url, {
      method: 'GET',
      lookup: pinnedLookup(address),
      agent: false,
      headers: { 'User-Agent': 'NetMend/0.1 (network diagnosis)', Accept: '*/*', Connection: 'close' },
      ...(isHttps ? { servername: isIP(url.hostname) ? undefined : url.hostname, rejectUnauthorized: true } : {}),
    })
    const timer = setTimeout(() => fail('http.timeout', `${options.timeoutMs} ms`), options.timeoutMs)
    if (options.signal?.aborted) return onAbort()
    options.signal?.addEventListener('abort', onAbort, { once: true })

    request.once('socket', (socket) => {
      socket.once('connect', () => {
        timings.connectMs = elapsed()
        tlsStarted = isHttps
      })
      if (isHttps) socket.once('secureConnect', () => (timings.tlsMs = elapsed() - (timings.connectMs ?? 0)))
    })
    request.once('error', (error: NodeJS.ErrnoException) => fail(failureCodeOf(error, isHttps, tlsStarted), error.code ?? error.message))
    request.once('response', (response) => {
      timings.firstByteMs = elapsed()
      const chunks: Buffer[] = []
      let received = 0
      const done = (): void =>
        settle({
          ok: true,
          address,
          status: response.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')])),
          bodySnippet: Buffer.concat(chunks).toString('utf8', 0, Math.min(received, limit)),
          timings,
          ...(isHttps ? { tlsProtocol: (response.socket as TLSSocket).getProtocol?.() ?? undefined } : {}),
        })
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        received += chunk.length
        if (received >= limit) done()
      })
      response.once('end', done)
      response.once('error', done)
    })
    request.end()
  })
}
