// PAC files are code from the network: they get the standard helpers, a deadline, and nothing of ours.
import { describe, expect, it } from 'vitest'
import { evaluatePac, firstPacChoice, type PacInputs } from '../../../src/main/engine/probes/pac'
import { bypassMatches, proxyForUrl } from '../../../src/main/engine/proxy-choice'

const inputs: PacInputs = {
  url: 'http://shop.lab.test/cart',
  host: 'shop.lab.test',
  known: { 'shop.lab.test': '203.0.113.80' },
  myIp: '192.0.2.100',
  now: Date.UTC(2026, 10, 30, 10, 0, 0),
  timeoutMs: 200,
}
const pac = (body: string): string => `function FindProxyForURL(url, host) { ${body} }`

describe('evaluatePac', async () => {
  it('answers with the standard helpers as browsers define them', async () => {
    const script = pac(`
      if (isPlainHostName(host) || localHostOrDomainIs(host, 'intranet.lab.test')) return 'DIRECT';
      if (isInNet(host, '203.0.113.0', '255.255.255.0') && shExpMatch(url, 'http://*.lab.test/*') && dnsDomainIs(host, '.lab.test'))
        return 'PROXY proxy.lab.test:3128; DIRECT';
      return 'DIRECT';`)
    expect(await evaluatePac(script, inputs)).toEqual({ ok: true, choice: 'PROXY proxy.lab.test:3128; DIRECT' })
    expect(await evaluatePac(pac('return myIpAddress() + " " + dnsResolve(host) + " " + isResolvable("nowhere.test") + " " + dnsDomainLevels(host)'), inputs)).toEqual({
      ok: true,
      choice: '192.0.2.100 203.0.113.80 false 2',
    })
    expect(await evaluatePac(pac('return weekdayRange("MON", "FRI", "GMT") && timeRange(9, 17, "GMT") ? "PROXY office:1" : "DIRECT"'), inputs)).toEqual({ ok: true, choice: 'PROXY office:1' })
  })

  it('stops a PAC file that never ends, in a loop or in promises', async () => {
    expect(await evaluatePac(pac('while (true) {}'), inputs)).toMatchObject({ ok: false, error: expect.stringMatching(/timed out/) })
    expect(await evaluatePac('(async function loop() { for (;;) await null })(); ' + pac('return "DIRECT"'), inputs)).toMatchObject({ ok: false, error: expect.stringMatching(/timed out/) })
  })

  it('gives a PAC file no way out: no eval, no Function, no process, no require', async () => {
    const escapes = [
      'return String(this.constructor.constructor("return process")().pid)',
      'return String(eval("1+1"))',
      'return String(Function("return 1")())',
      'return typeof process + typeof require + typeof globalThis.process',
      'try { null.x } catch (e) { return String(e.constructor.constructor("return process")()) }',
    ]
    for (const body of escapes) {
      const result = await evaluatePac(pac(body), inputs)
      expect(result.ok ? result.choice : 'refused').toMatch(/^(refused|undefinedundefinedundefined)$/)
    }
  })

  it('takes only a string back, and says when there is none', async () => {
    expect(await evaluatePac(pac('return { toString() { return "PROXY evil:1" } }'), inputs)).toEqual({ ok: false, error: 'no-answer' })
    expect(await evaluatePac('this is not javascript', inputs)).toMatchObject({ ok: false })
    expect(await evaluatePac('var x = 1', inputs)).toMatchObject({ ok: false })
  })

  it('keeps what the script throws or leaves rejected inside its own thread', async () => {
    const getter = 'var e = new Error(); Object.defineProperty(e, "message", { get: function () { for (;;) {} } }); throw e'
    const trap = 'throw new Proxy(new Error("x"), { getPrototypeOf: function () { for (;;) {} }, get: function () { for (;;) {} }, getOwnPropertyDescriptor: function () { for (;;) {} } })'
    expect(await evaluatePac(pac(getter), inputs)).toEqual({ ok: false, error: 'no-answer' })
    expect(await evaluatePac(pac(trap), inputs)).toEqual({ ok: false, error: 'no-answer' })
    expect(await evaluatePac(getter, inputs)).toEqual({ ok: false, error: 'threw' })
    // The rejection ends the worker thread (its answer may or may not have left first); this process goes on.
    const rejected = await evaluatePac(`Promise.reject(new Proxy({}, { get: function () { for (;;) {} } })); ${pac('return "DIRECT"')}`, inputs)
    expect([JSON.stringify({ ok: true, choice: 'DIRECT' }), JSON.stringify({ ok: false, error: 'threw' })]).toContain(JSON.stringify(rejected))
  })
})

describe('firstPacChoice', async () => {
  it('takes the first usable entry', async () => {
    expect(firstPacChoice('PROXY proxy.lab.test:3128; DIRECT')).toEqual({ host: 'proxy.lab.test', port: 3128 })
    expect(firstPacChoice('SOCKS5 s:1080; PROXY p:8080')).toEqual({ host: 'p', port: 8080 })
    expect(firstPacChoice(' DIRECT ')).toBeNull()
    expect(firstPacChoice('SOCKS s:1080')).toBeUndefined()
  })
})

describe('bypass lists', async () => {
  it('match names, domains, plain names, ranges and "*"', async () => {
    expect(bypassMatches('.corp.example', 'www.corp.example')).toBe(true)
    expect(bypassMatches('*.corp.example', 'corp.example')).toBe(true)
    expect(bypassMatches('corp.example', 'notcorp.example')).toBe(false)
    expect(bypassMatches('<local>', 'intranet')).toBe(true)
    expect(bypassMatches('<local>', 'intranet.example')).toBe(false)
    expect(bypassMatches('169.254/16', '169.254.3.4')).toBe(true)
    expect(bypassMatches('10.0.0.0/8', '11.0.0.1')).toBe(false)
    expect(bypassMatches('*', 'anything.example')).toBe(true)
  })

  it('pick the proxy for the scheme, the plain one for secure pages when no other is set', async () => {
    const settings = { source: 'environment' as const, http: { host: 'p', port: 1 }, bypass: ['.lab.test'] }
    expect(proxyForUrl(settings, new URL('https://shop.example/'))).toEqual({ host: 'p', port: 1 })
    expect(proxyForUrl(settings, new URL('http://shop.lab.test/'))).toBeNull()
  })
})
