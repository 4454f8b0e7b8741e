import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export type RendererPage = 'index' | 'help'

/**
 * Where a page of the window comes from. `npm run dev` sets ELECTRON_RENDERER_URL to its live-reload
 * server; an installed app ignores it, so nothing in its environment can make it load code from elsewhere.
 */
export function rendererPageUrl(page: RendererPage, packaged: boolean, devServerUrl = process.env.ELECTRON_RENDERER_URL): string {
  if (!packaged && devServerUrl) return page === 'index' ? devServerUrl : new URL(`${page}.html`, `${devServerUrl.replace(/\/$/, '')}/`).href
  return pathToFileURL(join(__dirname, `../renderer/${page}.html`)).href
}
