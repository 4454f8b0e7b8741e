import { describe, expect, it } from 'vitest'
import { parseSiteTarget } from '../../../src/main/engine/target'

describe('parseSiteTarget', () => {
  it.each([
    ['example.com', 'https://example.com/', 'example.com', false],
    ['www.example.com', 'https://www.example.com/', 'www.example.com', false],
    ['http://shop.lab.test/cart?id=1', 'http://shop.lab.test/cart?id=1', 'shop.lab.test', false],
    ['HTTPS://Example.COM', 'https://example.com/', 'example.com', false],
    ['bücher.de', 'https://xn--bcher-kva.de/', 'xn--bcher-kva.de', false],
    ['example.com:8080', 'https://example.com:8080/', 'example.com', false],
    ['198.51.100.7', 'https://198.51.100.7/', '198.51.100.7', true],
    ['http://198.51.100.7:8080/', 'http://198.51.100.7:8080/', '198.51.100.7', true],
    ['2001:db8::1', 'https://[2001:db8::1]/', '2001:db8::1', true],
    ['[2001:db8::1]:8443', 'https://[2001:db8::1]:8443/', '2001:db8::1', true],
    ['  example.com  ', 'https://example.com/', 'example.com', false],
  ])('accepts %s', (input, href, host, isAddress) => {
    const parsed = parseSiteTarget(input)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.target.url.href).toBe(href)
    expect(parsed.target.host).toBe(host)
    expect(parsed.target.isAddress).toBe(isAddress)
  })

  it('keeps the Unicode name the person typed for display', () => {
    const parsed = parseSiteTarget('bücher.de')
    expect(parsed.ok && parsed.target.displayName).toBe('bücher.de')
  })

  it.each([
    ['ftp://example.com', 'target.unsupported-scheme'],
    ['mailto:someone@example.com', 'target.unsupported-scheme'],
    ['javascript:alert(1)', 'target.unsupported-scheme'],
    ['file:///etc/passwd', 'target.unsupported-scheme'],
    ['', 'target.empty'],
    ['http://', 'target.invalid'],
    ['exa mple.com', 'target.invalid'],
    ['http://user:pw@example.com/', 'target.invalid'],
    ['-bad-.com', 'target.invalid'],
    ['example.com:0', 'target.invalid'],
    ['http://198.51.100.7:0/', 'target.invalid'],
    ['[2001:db8::1]:00', 'target.invalid'],
  ])('refuses %j with %s', (input, code) => {
    const parsed = parseSiteTarget(input)
    expect(parsed).toMatchObject({ ok: false, code })
  })
})
