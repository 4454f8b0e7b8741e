import { describe, expect, it, vi } from 'vitest'
import { guardHandler, isTrustedSender, RefusedIpcError } from '../../../src/main/ipc/guard'

const PAGE = 'file:///opt/NetMend/resources/app/out/renderer/index.html'

describe('isTrustedSender', () => {
  it('trusts our own page in the main frame', () => {
    expect(isTrustedSender({ url: PAGE, parent: null }, PAGE)).toBe(true)
    expect(isTrustedSender({ url: 'http://localhost:5173/?x=1', parent: null }, 'http://localhost:5173/')).toBe(true)
  })

  it.each([
    ['another file on disk', { url: 'file:///tmp/evil.html', parent: null }],
    ['a web page', { url: 'https://evil.example/', parent: null }],
    ['an iframe inside our page', { url: PAGE, parent: {} }],
    ['a frame with a broken URL', { url: 'not a url', parent: null }],
    ['no frame at all', null],
  ])('refuses %s', (_label, frame) => {
    expect(isTrustedSender(frame, PAGE)).toBe(false)
  })

  it('refuses a page from another origin in development', () => {
    expect(isTrustedSender({ url: 'http://localhost:6000/', parent: null }, 'http://localhost:5173/')).toBe(false)
  })
})

describe('guardHandler', () => {
  it('passes a valid argument from our page to the handler', async () => {
    const handler = vi.fn(async () => ({ cancelled: true }))
    const guarded = guardHandler('cancel', handler, PAGE)
    await expect(guarded({ url: PAGE, parent: null }, { runId: 'abc' })).resolves.toEqual({ cancelled: true })
    expect(handler).toHaveBeenCalledWith({ runId: 'abc' })
  })

  it('passes a configured public resolver chosen by name', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, id: 'switch-dns' as const, message: 'ok' }))
    const guarded = guardHandler('applyOsFix', handler, PAGE)
    for (const resolver of ['Cloudflare', 'quad9', 'Google', null]) await guarded({ url: PAGE, parent: null }, { id: 'switch-dns', resolver })
    expect(handler).toHaveBeenCalledTimes(4)
  })

  it('refuses a foreign sender without calling the handler', async () => {
    const handler = vi.fn(async () => ({ cancelled: true }))
    const guarded = guardHandler('cancel', handler, PAGE)
    await expect(guarded({ url: 'https://evil.example/', parent: null }, { runId: 'abc' })).rejects.toBeInstanceOf(RefusedIpcError)
    expect(handler).not.toHaveBeenCalled()
  })

  it.each([
    ['diagnose', undefined],
    ['diagnose', { target: 42 }],
    ['diagnose', { target: 'x'.repeat(5000) }],
    ['diagnose', { target: 'example.com', extra: true }],
    ['applyOsFix', { id: 'format-disk', resolver: null }],
    ['applyOsFix', { id: 'switch-dns' }],
    ['applyOsFix', { id: 'switch-dns', resolver: '203.0.113.66' }],
    ['applyOsFix', { id: 'switch-dns', resolver: '2001:db8::66' }],
    ['applyOsFix', { id: 'switch-dns', resolver: '::ffff:203.0.113.66' }],
    ['applyOsFix', { id: 'switch-dns', resolver: 'fe80::1' }],
    ['applyOsFix', { id: 'switch-dns', resolver: 'evil.example' }],
    ['applyOsFix', { id: 'switch-dns', resolver: '' }],
    ['applyOsFix', { id: 'switch-dns', resolver: 'Cloudflare; 203.0.113.66' }],
    ['deleteHistory', 'all'],
    ['openHelp', { topic: 'https://evil.example/' }],
    ['saveText', { suggestedName: 'a.txt', text: ['not', 'text'] }],
  ] as const)('refuses a malformed argument for %s: %j', async (channel, input) => {
    const handler = vi.fn()
    const guarded = guardHandler(channel, handler as never, PAGE)
    await expect(guarded({ url: PAGE, parent: null }, input)).rejects.toBeInstanceOf(RefusedIpcError)
    expect(handler).not.toHaveBeenCalled()
  })
})
