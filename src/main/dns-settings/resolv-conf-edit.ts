// The new /etc/resolv.conf when NetMend switches servers in a plain file: every line the person wrote
// (comments, search, domain, options, sortlist) stays where it was; only the nameserver lines change.

export const NETMEND_MARK = '# NetMend: address servers switched; "netmend dns revert" puts the previous ones back.'

/** glibc's rule: the keyword at column 0 followed by a blank. */
function isNameserverLine(line: string): boolean {
  return /^nameserver[ \t]/.test(line)
}

export function resolvConfWithServers(original: string, servers: readonly string[]): string {
  const newline = original.includes('\r\n') ? '\r\n' : '\n'
  const endsWithNewline = original === '' || original.endsWith('\n')
  const lines = original.split(/\r?\n/)
  if (endsWithNewline) lines.pop()
  const kept: string[] = []
  let insertAt: number | undefined
  for (const line of lines) {
    if (line === NETMEND_MARK) {
      insertAt ??= kept.length
      continue
    }
    if (isNameserverLine(line)) {
      insertAt ??= kept.length
      continue
    }
    kept.push(line)
  }
  const block = [NETMEND_MARK, ...servers.map((server) => `nameserver ${server}`)]
  kept.splice(insertAt ?? kept.length, 0, ...block)
  return kept.join(newline) + newline
}
