// Proxy auto-config (PAC) files: a JavaScript function FindProxyForURL(url, host) that a network hands out
// to say which proxy each address goes through. The file comes from the network, so it is run as hostile
// code: in a worker thread with a memory limit, inside a V8 context that holds nothing of ours (a
// null-prototype global, the PAC helpers defined by source inside it, the particulars passed as JSON
// text), with code generation from strings switched off (no eval or Function to reach back out), and under
// a deadline that also covers its promises. Only a string comes back. DNS lookups it asks for are answered
// from what NetMend already looked up. (pac-resolver was not used: it has no deadline for a file that
// loops, and its myIpAddress() connects to 8.8.8.8.)
import http from 'node:http'
import { Worker } from 'node:worker_threads'
import type { ProxyServer } from '../../../shared/evidence'
import { parseProxyAddress } from '../../platform/proxy/proxy-address'

/** Real PAC files are a few kilobytes; corporate ones reach a few hundred. */
export const MAX_PAC_BYTES = 1024 * 1024
const MAX_CHOICE_CHARS = 1000

// The standard PAC helpers (as browsers define them), written to run inside the PAC's own context.
const PAC_HELPERS = String.raw`
function isPlainHostName(h) { return String(h).indexOf('.') < 0 }
function dnsDomainIs(h, d) { h = String(h).toLowerCase(); d = String(d).toLowerCase(); return h.length >= d.length && h.substring(h.length - d.length) === d }
function localHostOrDomainIs(h, hd) { h = String(h).toLowerCase(); hd = String(hd).toLowerCase(); return h === hd || (h.indexOf('.') < 0 && hd.split('.')[0] === h) }
function dnsResolve(h) { var a = __known[String(h).toLowerCase()]; return typeof a === 'string' ? a : null }
function isResolvable(h) { return dnsResolve(h) !== null }
function myIpAddress() { return __myIp }
function dnsDomainLevels(h) { return String(h).split('.').length - 1 }
function shExpMatch(s, p) {
  var pattern = '^' + String(p).replace(/[.+^$()|{}\[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$'
  return new RegExp(pattern).test(String(s))
}
function __v4(a) { var p = String(a).split('.'); if (p.length !== 4) return null; var n = 0; for (var i = 0; i < 4; i++) { var x = Number(p[i]); if (!(x >= 0 && x <= 255) || p[i] === '') return null; n = n * 256 + x } return n }
function isInNet(h, pattern, mask) {
  var a = /^[0-9.]+$/.test(String(h)) ? String(h) : dnsResolve(h)
  var x = __v4(a), p = __v4(pattern), m = __v4(mask)
  if (x === null || p === null || m === null) return false
  for (var i = 3; i >= 0; i--) { var d = Math.pow(256, i); if ((Math.floor(x / d) % 256 & Math.floor(m / d) % 256) !== (Math.floor(p / d) % 256 & Math.floor(m / d) % 256)) return false }
  return true
}
var __days = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']
function weekdayRange(a, b, gmt) {
  if (b === 'GMT') { gmt = b; b = undefined }
  var now = new Date(__now), day = gmt === 'GMT' ? now.getUTCDay() : now.getDay()
  var from = __days.indexOf(String(a)), to = b === undefined ? from : __days.indexOf(String(b))
  if (from < 0 || to < 0) return false
  return from <= to ? day >= from && day <= to : day >= from || day <= to
}
function timeRange() {
  var args = Array.prototype.slice.call(arguments), gmt = args[args.length - 1] === 'GMT'
  if (gmt) args.pop()
  var now = new Date(__now), hour = gmt ? now.getUTCHours() : now.getHours()
  if (args.length === 1) return hour === Number(args[0])
  if (args.length === 2) return hour >= Number(args[0]) && hour < Number(args[1])
  return false
}
function dateRange() { return false }
function alert() {}
`

export interface PacInputs {
  url: string
  host: string
  /** Addresses already looked up, by lower-case name: what dnsResolve and isResolvable answer. */
  known: Record<string, string>
  myIp: string
  /** The clock the PAC's date and time helpers read (milliseconds since 1970). */
  now: number
  timeoutMs: number
}

export type PacEvaluation = { ok: true; choice: string } | { ok: false; error: string }

// Runs in a worker thread (started from this text, so every bundle carries it): whatever the file does, a
// crash, an unhandled rejection or memory grown without end, ends that thread, never NetMend.
const PAC_WORKER = String.raw`
const vm = require('node:vm')
const { parentPort, workerData } = require('node:worker_threads')
const { script, helpers, inputs } = workerData
// The thread waits to be ended once it has answered, so its answer never races its own exit.
parentPort.on('message', () => {})
const answer = (result) => parentPort.postMessage(result)
try {
  // Compiled alone first: a file that is a valid script by itself cannot close the try block it is put in below.
  new vm.Script(script, { filename: 'proxy.pac' })
  const context = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate' })
  const run = (code) => vm.runInContext(code, context, { timeout: inputs.timeoutMs, filename: 'proxy.pac' })
  run(helpers + '\nvar __known = ' + JSON.stringify(inputs.known) + '; var __myIp = ' + JSON.stringify(inputs.myIp) + '; var __now = ' + JSON.stringify(inputs.now) + ';')
  // What the script throws is caught where it was thrown: no object of its making reaches Node's error handling.
  if (run('var __ran = false; try {\n' + script + '\n;__ran = true } catch (__thrown) {} __ran') !== true) answer({ ok: false, error: 'threw' })
  else {
    const call = 'FindProxyForURL(' + JSON.stringify(inputs.url) + ', ' + JSON.stringify(inputs.host) + ')'
    const choice = run('(function () { try { var r = ' + call + '; return typeof r === "string" ? r : null } catch (__thrown) { return null } })()')
    // Only a primitive string leaves the context.
    answer(typeof choice === 'string' ? { ok: true, choice: choice.slice(0, ${MAX_CHOICE_CHARS}) } : { ok: false, error: 'no-answer' })
  }
} catch (error) {
  // Only V8's own errors get here: a syntax error, the deadline.
  const message = error && typeof error.message === 'string' ? error.message : 'failed'
  answer({ ok: false, error: message.slice(0, 200) })
}
`

/** A PAC file gets this much memory; real ones need a few megabytes. */
const PAC_MEMORY_MB = 32
/** Starting a worker thread on a busy machine takes a while; the file's own time is inputs.timeoutMs. */
const WORKER_START_MS = 1500

/** Never rejects. */
export function evaluatePac(script: string, inputs: PacInputs): Promise<PacEvaluation> {
  return new Promise((resolve) => {
    const worker = new Worker(PAC_WORKER, {
      eval: true,
      workerData: { script, helpers: PAC_HELPERS, inputs },
      resourceLimits: { maxOldGenerationSizeMb: PAC_MEMORY_MB, maxYoungGenerationSizeMb: 8, codeRangeSizeMb: 8 },
      env: {},
      stdout: true,
      stderr: true,
    })
    let settled = false
    const finish = (result: PacEvaluation): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      resolve(result)
    }
    const timer = setTimeout(() => finish({ ok: false, error: 'timeout' }), inputs.timeoutMs + WORKER_START_MS)
    worker.once('message', (result: PacEvaluation) => finish(result))
    worker.once('error', () => finish({ ok: false, error: 'threw' }))
    worker.once('exit', () => finish({ ok: false, error: 'threw' }))
  })
}

/**
 * The first usable entry of a PAC answer ("PROXY host:port; DIRECT"): a proxy, or null for going direct.
 * Undefined when no entry is one NetMend can use (SOCKS only, junk).
 */
export function firstPacChoice(choice: string): ProxyServer | null | undefined {
  for (const entry of choice.split(';')) {
    const [kind, address] = entry.trim().split(/\s+/, 2)
    if (kind?.toUpperCase() === 'DIRECT') return null
    if ((kind?.toUpperCase() === 'PROXY' || kind?.toUpperCase() === 'HTTP') && address) {
      const proxy = parseProxyAddress(address)
      if (proxy) return proxy
    }
  }
  return undefined
}

/** GETs the PAC file: plain http only (as WPAD), at most MAX_PAC_BYTES, within the time given. Never rejects. */
export function fetchPacFile(url: string, timeoutMs: number, signal?: AbortSignal): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return resolve({ ok: false, error: 'bad-url' })
    }
    if (parsed.protocol !== 'http:') return resolve({ ok: false, error: 'not-http' })
    let settled = false
    const finish = (result: { ok: true; text: string } | { ok: false; error: string }): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      request.destroy()
      resolve(result)
    }
    const request = http.get(parsed, { agent: false, signal, headers: { 'User-Agent': 'NetMend/0.1 (network diagnosis)' } }, (response) => {
      if (response.statusCode !== 200) return finish({ ok: false, error: `status ${response.statusCode}` })
      const chunks: Buffer[] = []
      let received = 0
      response.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received > MAX_PAC_BYTES) return finish({ ok: false, error: 'too-large' })
        chunks.push(chunk)
      })
      response.once('end', () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') }))
      response.once('error', (error) => finish({ ok: false, error: error.message }))
    })
    const timer = setTimeout(() => finish({ ok: false, error: 'timeout' }), timeoutMs)
    request.once('error', (error: NodeJS.ErrnoException) => finish({ ok: false, error: error.code ?? error.message }))
  })
}
