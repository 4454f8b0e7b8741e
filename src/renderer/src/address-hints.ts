// Instant hints for addresses that obviously can't work, shown while typing. Main still has the last
// word: its refusal of an address is shown in the same place when Diagnose is pressed.
import type { WindowTexts } from './texts/window'

const SCHEME = /^([a-z][a-z0-9+.-]*):/i
const MAIL = /^[^\s@/:]+@([^\s@/:]+\.[^\s@/:]+)$/

export function addressHint(raw: string, words: WindowTexts['address']): string | null {
  const text = raw.trim()
  if (text === '') return null
  if (/\s/.test(text)) return words.hintSpaces
  if (/^[0-9a-f:.]+$/i.test(text) && (text.match(/:/g)?.length ?? 0) >= 2) return null // an IPv6 address
  const mail = MAIL.exec(text.replace(/^mailto:/i, ''))
  if (mail) return words.hintMail(mail[1]!)
  const scheme = SCHEME.exec(text)
  const afterScheme = scheme ? text.slice(scheme[0].length) : ''
  // "example.com:8080" and IPv6 addresses have colons too; only a word followed by something else is a scheme.
  if (scheme && !/^\d/.test(afterScheme) && !text.includes('::') && !/^(https?)$/i.test(scheme[1]!)) return words.hintScheme(scheme[1]!.toLowerCase())
  const host = text.replace(/^https?:\/\//i, '').split(/[/?#:]/)[0] ?? ''
  if (/^[a-z0-9-]+$/i.test(host) && !/^\d+$/.test(host) && host.toLowerCase() !== 'localhost' && !text.includes('[')) return words.hintNoDot(host)
  return null
}
