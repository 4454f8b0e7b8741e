// Writing /etc/resolv.conf for real, as root, inside private mount namespaces (nothing here touches this
// machine's own file): the elevated shell that the password prompt runs, and this process's own writer
// when NetMend already is root. Where /etc/resolv.conf is a mount point (containers, `ip netns exec`) the
// rename is refused and the file is rewritten in place; a kill -9 between its steps must leave the old
// contents or the new ones (plus a '#' padding comment), never a mix.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolvConfWriteScript, shellQuote } from '../../../src/main/dns-settings/elevation'
import { resolvConfPadding, resolvConfProblem } from '../../../src/main/dns-settings/resolv-conf-grammar'
import { findSystemTool } from '../../../src/main/platform/root-only'
import { parseResolvConf } from '../../../src/main/platform/resolv-conf'
import { bundleProbe, PROJECT_ROOT, type BundledProbe } from '../support/bundle-probe'
import { inPrivateMounts, mountNamespaceUnavailable, privateEtcAndRun, startInPrivateMounts } from '../support/mount-namespace'

if (mountNamespaceUnavailable !== undefined) console.log(`skipped suite tests/unit/dns-settings/resolv-conf-write.test.ts: ${mountNamespaceUnavailable}`)

const OLD = '# Written by hand.\nsearch lab.test corp.example\nnameserver 192.0.2.53\nnameserver 198.51.100.53\noptions timeout:1 attempts:1 ndots:1\n'
const SHORTER = 'search lab.test corp.example\nnameserver 203.0.113.9\n'
const LONGER = `${OLD}# NetMend: address servers switched; "netmend dns revert" puts the previous ones back.\nnameserver 203.0.113.9\nnameserver 203.0.113.10\n`
const PAUSED = 'netmend-paused'

const scratchFile = (text: string): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'netmend-resolv-')), 'resolv.conf')
  writeFileSync(file, text, { mode: 0o644 })
  return file
}
/** A private /etc and /run, then `file` bind-mounted over /etc/resolv.conf (as `ip netns exec` and containers do). */
const bindMounted = (file: string): string => `${privateEtcAndRun()} && mount --bind ${shellQuote(file)} /etc/resolv.conf`
const servers = (text: string): string[] => parseResolvConf(text).nameservers.map((server) => server.address)

/** What a reader may find at any instant: the old bytes, or the new ones with at most a '#' comment after them. */
function expectOldOrNew(found: string, old: string, next: string): void {
  if (found === old) return
  expect(found.startsWith(next), JSON.stringify(found)).toBe(true)
  expect(Buffer.from(found)).toEqual(Buffer.concat([Buffer.from(next), resolvConfPadding(Buffer.from(next), found.length)]))
  expect(resolvConfProblem(Buffer.from(found))).toBeUndefined()
  expect(servers(found)).toEqual(servers(next))
}

describe.skipIf(mountNamespaceUnavailable !== undefined)('the elevated shell writing resolv.conf', () => {
  let tools: Parameters<typeof resolvConfWriteScript>[1]
  beforeAll(async () => {
    const names = ['realpath', 'printf', 'base64', 'sha256sum', 'chmod', 'chown', 'sync', 'mv', 'stat', 'head', 'tr', 'dd', 'truncate', 'rm'] as const
    const found = await Promise.all(names.map(async (name) => [name, await findSystemTool(name)] as const))
    tools = Object.fromEntries(found) as typeof tools
  })
  const script = (text: string): string => resolvConfWriteScript(Buffer.from(text), tools)
  const answer = (body: string): string => `if ${body}; then echo written; else echo refused; fi`

  it.each([
    ['shorter', SHORTER],
    ['longer', LONGER],
    ['as long', OLD.replace('192.0.2.53', '192.0.2.54')],
  ])('on a bind-mounted /etc/resolv.conf, %s contents are written in place, exactly', async (_label, next) => {
    const mounted = scratchFile(OLD)
    const run = await inPrivateMounts(`${bindMounted(mounted)} && ${answer(script(next))}`)
    expect(run.stdout.trim(), run.stderr).toBe('written')
    expect(readFileSync(mounted, 'utf8')).toBe(next)
  })

  it.each([
    ['before the covering write', (dd: string) => [`'${dd}'`, `echo ${PAUSED} && sleep 600; '${dd}'`]],
    ['between the covering write and the trim', (dd: string, truncate: string) => [`&& '${truncate}' -s`, `&& echo ${PAUSED} && sleep 600 && '${truncate}' -s`]],
  ] as [string, (dd: string, truncate: string) => [string, string]][])('kill -9 %s leaves the old contents or all of the new ones', async (_label, pauseAt) => {
    const mounted = scratchFile(OLD)
    const [marker, paused] = pauseAt(tools.dd, tools.truncate)
    const body = script(SHORTER)
    expect(body.split(marker)).toHaveLength(2)
    const shell = startInPrivateMounts(`${bindMounted(mounted)} && ${answer(body.replace(marker, paused))}`)
    await shell.printed(PAUSED)
    expectOldOrNew(readFileSync(mounted, 'utf8'), OLD, SHORTER)
    shell.kill()
    expect((await shell.finished).signal).toBe('SIGKILL')
    expectOldOrNew(readFileSync(mounted, 'utf8'), OLD, SHORTER)
  })

  it('through an allowed symlink: the link stays, its target is replaced by rename with its mode, and nothing is left beside it', async () => {
    const setup = [
      privateEtcAndRun(),
      'mkdir /run/NetworkManager',
      `printf %s ${shellQuote(OLD)} > /run/NetworkManager/resolv.conf`,
      'chmod 644 /run/NetworkManager/resolv.conf',
      'rm -f /etc/resolv.conf',
      'ln -s /run/NetworkManager/resolv.conf /etc/resolv.conf',
    ].join(' && ')
    const report = 'readlink /etc/resolv.conf; stat -c %a /run/NetworkManager/resolv.conf; ls -A /run/NetworkManager; base64 -w0 /run/NetworkManager/resolv.conf'
    const run = await inPrivateMounts(`${setup} && ${answer(script(SHORTER))} && ${report}`)
    const [outcome, link, mode, listing, contents] = run.stdout.trim().split('\n')
    expect(outcome, run.stderr).toBe('written')
    expect([link, mode, listing]).toEqual(['/run/NetworkManager/resolv.conf', '644', 'resolv.conf'])
    expect(Buffer.from(contents ?? '', 'base64').toString()).toBe(SHORTER)
  })

  it('a link to anywhere else is refused by root itself, and that file keeps its bytes', async () => {
    const setup = [
      privateEtcAndRun(),
      `printf %s ${shellQuote('root ALL=(ALL) ALL\n')} > /run/sudoers-stand-in`,
      'rm -f /etc/resolv.conf',
      'ln -s /run/sudoers-stand-in /etc/resolv.conf',
    ].join(' && ')
    const run = await inPrivateMounts(`${setup} && ${answer(script(SHORTER))}; cat /run/sudoers-stand-in; ls -A /run`)
    expect(run.stdout.split('\n').slice(0, 3)).toEqual(['refused', 'root ALL=(ALL) ALL', 'sudoers-stand-in'])
    expect(run.stderr).toContain('/etc/resolv.conf leads to /run/sudoers-stand-in, which NetMend does not write')
  })

  it('bytes that do not match their checksum are never written', async () => {
    const mounted = scratchFile(OLD)
    const tampered = script(SHORTER).replace(Buffer.from(SHORTER).toString('base64'), Buffer.from('nameserver 6.6.6.6\n').toString('base64'))
    const run = await inPrivateMounts(`${bindMounted(mounted)} && ${answer(tampered)}; ls -A /etc | grep -c '^[.]netmend-'`)
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(['refused', '0'])
    expect(readFileSync(mounted, 'utf8')).toBe(OLD)
  })
})

describe.skipIf(mountNamespaceUnavailable !== undefined)("NetMend's own writer, when it runs as root", () => {
  let probe: BundledProbe
  beforeAll(async () => {
    probe = await bundleProbe(`
      import { replaceSystemFile } from ${JSON.stringify(path.join(PROJECT_ROOT, 'src/main/platform/durable-file.ts'))}
      import { resolvConfPadding } from ${JSON.stringify(path.join(PROJECT_ROOT, 'src/main/dns-settings/resolv-conf-grammar.ts'))}
      const data = Buffer.from(process.argv[2], 'base64')
      const pause = process.argv[3] === 'pause'
      const how = await replaceSystemFile('/etc/resolv.conf', data, resolvConfPadding, {
        betweenWriteAndTrim: async () => {
          if (!pause) return
          console.log(${JSON.stringify(PAUSED)})
          await new Promise(() => setInterval(() => undefined, 60_000))
        },
      })
      console.log(how)
    `)
  })
  afterAll(async () => {
    await probe?.dispose()
  })
  const writer = (mounted: string, next: string, pause = ''): string =>
    `${bindMounted(mounted)} && exec ${shellQuote(process.execPath)} ${shellQuote(probe.file)} ${Buffer.from(next).toString('base64')} ${pause}`

  it.each([
    ['shorter', SHORTER],
    ['longer', LONGER],
  ])('on a bind-mounted /etc/resolv.conf, %s contents are written in place, exactly', async (_label, next) => {
    const mounted = scratchFile(OLD)
    const run = await inPrivateMounts(writer(mounted, next))
    expect(run.stdout.trim(), run.stderr).toBe('in-place')
    expect(readFileSync(mounted, 'utf8')).toBe(next)
  })

  it('kill -9 between the covering write and the trim leaves all of the new contents, padded with a comment', async () => {
    const mounted = scratchFile(OLD)
    const shell = startInPrivateMounts(writer(mounted, SHORTER, 'pause'))
    await shell.printed(PAUSED)
    shell.kill()
    expect((await shell.finished).signal).toBe('SIGKILL')
    const found = readFileSync(mounted, 'utf8')
    expect(found).not.toBe(OLD)
    expectOldOrNew(found, OLD, SHORTER)
    expect(found.length).toBe(OLD.length)
  })
})
