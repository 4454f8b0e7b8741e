// What the command line prints about bad input repeats what the person typed. Control characters in it
// (a newline, a terminal escape sequence, a right-to-left override) would break the one-line message
// or repaint the terminal, so they are shown as escapes instead.

// C0 and C1 controls, DEL, and the Unicode marks that reorder or hide text.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function escapeOf(character: string): string {
  const code = character.charCodeAt(0)
  return NAMED[character] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
}

/** `text` with every control or reordering character written as an escape (\n, \x1b, \u202e). */
export function oneLine(text: string): string {
  return text.replace(UNPRINTABLE, escapeOf)
}
