// Small formatting helpers for what the window shows; no state, no DOM.

/** The site's name as people know it: "shop.example" from "https://shop.example/page" or "shop.example". */
export function siteLabel(target: string): string {
  const text = target.trim()
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
    return url.port ? `${url.hostname}:${url.port}` : url.hostname || text
  } catch {
    return text
  }
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })

export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

export function formatTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : timeOnly.format(date)
}

export const formatMs = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`)

export const formatSeconds = (ms: number): string => (ms / 1000).toFixed(1)
