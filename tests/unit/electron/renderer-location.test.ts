import { describe, expect, it } from 'vitest'
import { rendererPageUrl } from '../../../src/main/electron/renderer-location'

describe('where the window loads its page from', () => {
  it('while developing: the live-reload server named by ELECTRON_RENDERER_URL', () => {
    expect(rendererPageUrl('index', false, 'http://localhost:5173')).toBe('http://localhost:5173')
    expect(rendererPageUrl('help', false, 'http://localhost:5173/')).toBe('http://localhost:5173/help.html')
  })

  it('packaged: always the built files inside the app, whatever the environment says', () => {
    for (const page of ['index', 'help'] as const) {
      const url = new URL(rendererPageUrl(page, true, 'http://attacker.example'))
      expect(url.protocol).toBe('file:')
      expect(url.pathname).toMatch(new RegExp(`/renderer/${page}\\.html$`))
    }
  })
})
