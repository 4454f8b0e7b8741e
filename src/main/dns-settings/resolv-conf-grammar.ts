// What NetMend accepts as the contents of /etc/resolv.conf, before it writes them with admin rights: only
// the lines the C library reads (nameserver, search, domain, options, sortlist), comments and blank lines,
// every value in its plain shape, servers as IP literals. Checked line by line without backtracking, so a
// hostile file of any length costs one pass.
import { hasControlCharacter, isSystemServer } from './validate'

/**
 * resolv.conf is a few hundred bytes. A page is also what one write() system call puts in place without a
 * fatal signal cutting it short, which the in-place rewrite of a bind-mounted file relies on.
 */
export const MAX_RESOLV_CONF_BYTES = 4096

const KEYWORD = /^(nameserver|search|domain|options|sortlist)[ \t]/
const DOMAIN_TOKEN = /^(\.|[A-Za-z0-9_-]{1,63}(\.[A-Za-z0-9_-]{1,63})*\.?)$/
const OPTION_TOKEN = /^[A-Za-z0-9_-]{1,32}(:[0-9]{1,5})?$/
const SORTLIST_TOKEN = /^[0-9A-Fa-f:.]{2,45}(\/[0-9A-Fa-f:.]{1,45})?$/

/** The value words of a keyword line, up to a trailing comment (a word that starts with # or ;). */
function words(rest: string): string[] {
  const all = rest.split(/[ \t]+/).filter((word) => word !== '')
  const comment = all.findIndex((word) => word.startsWith('#') || word.startsWith(';'))
  return comment === -1 ? all : all.slice(0, comment)
}

function lineProblem(line: string): string | undefined {
  if (hasControlCharacter(line, true)) return 'a control character'
  const text = line.replace(/^[ \t]+/, '')
  if (text === '' || text.startsWith('#') || text.startsWith(';')) return undefined
  const keyword = KEYWORD.exec(text)?.[1]
  if (keyword === undefined) return `a line that is not resolv.conf: ${JSON.stringify(line.slice(0, 40))}`
  const values = words(text.slice(keyword.length))
  if (values.length === 0) return `${keyword} without a value`
  switch (keyword) {
    case 'nameserver':
      return values.length === 1 && isSystemServer(values[0]) ? undefined : `a nameserver that is not an IP address: ${JSON.stringify(values.join(' ').slice(0, 60))}`
    case 'search':
    case 'domain':
      return values.every((value) => value.length <= 253 && DOMAIN_TOKEN.test(value)) ? undefined : `a ${keyword} line that is not domain names`
    case 'options':
      return values.every((value) => OPTION_TOKEN.test(value)) ? undefined : 'an options line that is not resolver options'
    default:
      return values.every((value) => SORTLIST_TOKEN.test(value)) ? undefined : 'a sortlist line that is not addresses'
  }
}

/** Why `bytes` are not a resolv.conf NetMend may write with admin rights; undefined when they are. */
export function resolvConfProblem(bytes: Buffer): string | undefined {
  if (bytes.length > MAX_RESOLV_CONF_BYTES) return `${bytes.length} bytes (at most ${MAX_RESOLV_CONF_BYTES})`
  const text = bytes.toString('utf8')
  if (!Buffer.from(text, 'utf8').equals(bytes)) return 'bytes that are not text'
  for (const line of text.split('\n')) {
    const problem = lineProblem(line.endsWith('\r') ? line.slice(0, -1) : line)
    if (problem !== undefined) return problem
  }
  return undefined
}

/**
 * What makes `content` exactly `oldLength` bytes long when it is shorter, so that one write covers the old
 * bytes completely: a comment line of '#' (after a line break if `content` does not end with one). The
 * padded file says the same as `content` to every resolver; trimming it afterwards only drops the comment.
 */
export function resolvConfPadding(content: Buffer, oldLength: number): Buffer {
  const missing = oldLength - content.length
  if (missing <= 0) return Buffer.alloc(0)
  const lineBreak = endsInsideLine(content) ? 1 : 0
  return Buffer.concat([Buffer.from('\n'.repeat(lineBreak)), Buffer.alloc(missing - lineBreak, '#')])
}

/** The last line has no line break: padding must start a new line, or it would change that line. */
export function endsInsideLine(content: Buffer): boolean {
  return content.length > 0 && content[content.length - 1] !== 0x0a
}
