// Small formatting helpers for what the window shows; no state, no DOM.

/** Decodes one punycode label (RFC 3492), so "xn--bcher-kva" reads "bücher" again; undefined when malformed. */
function decodePunycode(input: string): string | undefined {
  const base = 36
  const delimiter = input.lastIndexOf('-')
  const output = delimiter > 0 ? [...input.slice(0, delimiter)].map((char) => char.codePointAt(0)!) : []
  let n = 128
  let bias = 72
  let i = 0
  for (let index = delimiter > 0 ? delimiter + 1 : 0; index < input.length; ) {
    const oldI = i
    for (let w = 1, k = base; ; k += base) {
      if (index >= input.length) return undefined
      const code = input.charCodeAt(index++)
      const digit = code - 48 < 10 ? code - 22 : code - 65 < 26 ? code - 65 : code - 97 < 26 ? code - 97 : base
      if (digit >= base) return undefined
      i += digit * w
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias
      if (digit < t) break
      w *= base - t
    }
    const length = output.length + 1
    let delta = oldI === 0 ? Math.floor((i - oldI) / 700) : (i - oldI) >> 1
    delta += Math.floor(delta / length)
    let k = 0
    for (; delta > 455; k += base) delta = Math.floor(delta / 35)
    bias = Math.floor(k + (36 * delta) / (delta + 38))
    n += Math.floor(i / length)
    i %= length
    if (n > 0x10ffff) return undefined
    output.splice(i++, 0, n)
  }
  return String.fromCodePoint(...output)
}

const unicodeHost = (host: string): string =>
  host
    .split('.')
    .map((label) => (/^xn--/i.test(label) ? (decodePunycode(label.slice(4).toLowerCase()) ?? label) : label))
    .join('.')

/** The site's name as people know it: "bücher.de" from "https://xn--bcher-kva.de/page", "shop.example" from "shop.example". */
export function siteLabel(target: string): string {
  const text = target.trim()
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
    const host = unicodeHost(url.hostname)
    return url.port ? `${host}:${url.port}` : host || text
  } catch {
    return text
  }
}

/** Whether two ways of writing a site (typed, normalised URL, display name) mean the same site. */
export const sameSite = (a: string | null | undefined, b: string | null | undefined): boolean =>
  Boolean(a && b && siteLabel(a).toLowerCase() === siteLabel(b).toLowerCase())

export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

export function formatTime(iso: string, locale: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date)
}
