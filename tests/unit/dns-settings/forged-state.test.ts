// The attack from issue 8: any program running as the person can write NetMend's data folder. A forged
// journal.json or original.json must never make the admin step touch anything but the DNS settings
// NetMend manages, in the shape NetMend writes them. Here the real CLI runs as root (no prompt: the worst
// case) inside a private mount namespace whose /etc/resolv.conf is a scratch file, next to a stand-in
// sudoers file; the forgery is refused, and both files keep their bytes and their mode.
import { spawnSync } from 'node:child_process'
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDnsSettingsService } from '../../../src/main/dns-settings'
import { shellQuote } from '../../../src/main/dns-settings/elevation'
import { createLinuxBackend } from '../../../src/main/dns-settings/linux'
import type { AdapterState } from '../../../src/main/dns-settings/types'
import { inPrivateMounts, mountNamespaceUnavailable, privateEtcAndRun } from '../support/mount-namespace'
import { tableRunner } from './helpers'

if (mountNamespaceUnavailable !== undefined) console.log(`skipped suite tests/unit/dns-settings/forged-state.test.ts (the root part): ${mountNamespaceUnavailable}`)

const CLI = path.resolve(__dirname, '../../../out/cli/netmend.cjs')
const SUDOERS = 'root ALL=(ALL:ALL) ALL\n'
const RESOLV_CONF = '# the lab file\nnameserver 192.0.2.53\n'
const base64 = (text: string): string => Buffer.from(text).toString('base64')

/** A process that has exited: its journal belongs to nobody alive. */
const deadOwner = { pid: spawnSync(process.execPath, ['-e', '0']).pid, bootTime: 0, bootId: '00000000-0000-4000-8000-000000000000' }

function scene() {
  const dir = mkdtempSync(path.join(tmpdir(), 'netmend-forged-'))
  const sudoers = path.join(dir, 'sudoers')
  writeFileSync(sudoers, SUDOERS)
  chmodSync(sudoers, 0o440)
  const resolvConf = path.join(dir, 'resolv.conf')
  writeFileSync(resolvConf, RESOLV_CONF, { mode: 0o644 })
  const dataDir = path.join(dir, 'data')
  mkdirSync(path.join(dataDir, 'dns-settings'), { recursive: true, mode: 0o700 })
  return { dir, sudoers, resolvConf, dataDir }
}

function forge(dataDir: string, file: 'journal.json' | 'original.json', adapters: unknown[]): void {
  const snapshot = { version: 1, platform: 'linux', takenAt: '2024-01-01T00:00:00.000Z', adapters }
  const journal = { version: 1, id: 'forged', kind: 'use', state: 'applied', owner: deadOwner, startedAt: snapshot.takenAt, before: snapshot, firstChange: false, servers: [] }
  writeFileSync(path.join(dataDir, 'dns-settings', file), JSON.stringify(file === 'journal.json' ? journal : snapshot), { mode: 0o600 })
}

const plain = (fields: { path?: string; target?: string; content: string }): AdapterState =>
  ({ owner: 'plain-file', key: fields.path ?? '/etc/resolv.conf', path: fields.path ?? '/etc/resolv.conf', target: fields.target ?? '/etc/resolv.conf', content: fields.content }) as AdapterState

/** Runs the real CLI as root with the scratch file bind-mounted over /etc/resolv.conf (plus `setup`). */
function netmendAsRoot(where: ReturnType<typeof scene>, args: string[], setup = `mount --bind ${shellQuote(where.resolvConf)} /etc/resolv.conf`) {
  const command = [process.execPath, CLI, ...args].map(shellQuote).join(' ')
  return inPrivateMounts(`${privateEtcAndRun()} && ${setup} && NETMEND_DATA_DIR=${shellQuote(where.dataDir)} ${command}`)
}

/**
 * Refused in words, never acted on: by the store, which sets a record that is not what NetMend writes aside
 * as damaged, and behind it by the restore pre-check and the admin step's own lists (each proven alone in
 * elevation.test.ts).
 */
function expectRefused(run: { code: number | null; stderr: string }, where: ReturnType<typeof scene>): void {
  expect(run.stderr).toMatch(/refused|damaged/)
  expectUntouched(where)
}

function expectUntouched(where: ReturnType<typeof scene>): void {
  expect(readFileSync(where.sudoers, 'utf8')).toBe(SUDOERS)
  expect(statSync(where.sudoers).mode & 0o7777).toBe(0o440)
  expect(readFileSync(where.resolvConf, 'utf8')).toBe(RESOLV_CONF)
  expect(statSync(where.resolvConf).mode & 0o7777).toBe(0o644)
}

describe.skipIf(mountNamespaceUnavailable !== undefined)('a forged journal or snapshot, with NetMend running as root', () => {
  const variants: [string, (where: ReturnType<typeof scene>) => AdapterState][] = [
    ['the sudoers file as the target, with sudoers contents', (where) => plain({ path: where.sudoers, target: where.sudoers, content: base64('ALL ALL=(ALL) NOPASSWD: ALL\n') })],
    ['the sudoers file by path traversal', (where) => plain({ path: `/etc/..${where.sudoers}`, target: where.sudoers, content: base64('nameserver 203.0.113.66\n') })],
    ['a symlink to the sudoers file', (where) => {
      const link = path.join(where.dir, 'innocent-resolv.conf')
      symlinkSync(where.sudoers, link)
      return plain({ path: link, target: link, content: base64('nameserver 203.0.113.66\n') })
    }],
    ['/etc/resolv.conf said to lead to the sudoers file', (where) => plain({ target: where.sudoers, content: base64('nameserver 203.0.113.66\n') })],
    ['servers that are names', () => plain({ content: base64('nameserver attacker.example\n') })],
    ['a server with a command after it', () => plain({ content: base64('nameserver 203.0.113.66;chmod 777 /etc/sudoers\n') })],
    ['a huge file', () => plain({ content: base64(`nameserver 203.0.113.66\n#${'x'.repeat(1 << 20)}\n`) })],
    ['contents that are not resolv.conf', () => plain({ content: base64('ALL ALL=(ALL) NOPASSWD: ALL\n') })],
    ['contents that are not base64', () => plain({ content: "'; chmod 777 /etc/sudoers; '" })],
    ['a resolvectl link named like an option', () => ({ owner: 'systemd-resolved', key: '--help', interface: '--help', dns: ['203.0.113.66'], domains: [] }) as AdapterState],
  ]

  /** Where a forgery is read: the journal at the next start (any command), the snapshot by revert. */
  const readers = [
    ['journal.json', ['dns', 'show'], 'refused at the next start'],
    ['original.json', ['dns', 'revert'], 'revert refuses'],
  ] as const
  const cases = readers.flatMap(([file, args, outcome]) => variants.map(([label, forged]) => [`${file} with ${label}: ${outcome}`, file, args, forged] as const))

  it.each(cases)('%s, nothing touched', async (_label, file, args, forged) => {
    const where = scene()
    forge(where.dataDir, file, [forged(where)])
    expectRefused(await netmendAsRoot(where, [...args]), where)
  })

  it('what a well-formed snapshot can still do, in a folder only root can write: DNS servers, in /etc/resolv.conf, as resolv.conf', async () => {
    const where = scene()
    forge(where.dataDir, 'original.json', [plain({ content: base64('nameserver 192.0.2.99\n') })])
    const run = await netmendAsRoot(where, ['dns', 'revert'])
    expect(run.code, run.stderr).toBe(0)
    expect(readFileSync(where.sudoers, 'utf8')).toBe(SUDOERS)
    expect(statSync(where.sudoers).mode & 0o7777).toBe(0o440)
    expect(readFileSync(where.resolvConf, 'utf8')).toBe('nameserver 192.0.2.99\n')
  })

  it('/etc/resolv.conf itself leading to a file outside the fixed list: root refuses to write there', async () => {
    const where = scene()
    forge(where.dataDir, 'original.json', [plain({ content: base64('nameserver 192.0.2.99\n') })])
    expectRefused(await netmendAsRoot(where, ['dns', 'revert'], `rm -f /etc/resolv.conf && ln -s ${shellQuote(where.sudoers)} /etc/resolv.conf`), where)
  })

  it('a data folder another account owns: even a well-formed snapshot is not acted on', async () => {
    const where = scene()
    forge(where.dataDir, 'original.json', [plain({ content: base64('nameserver 203.0.113.66\n') })])
    forge(where.dataDir, 'journal.json', [plain({ content: base64('nameserver 203.0.113.66\n') })])
    chownSync(path.join(where.dataDir, 'dns-settings'), 65534, 65534)
    for (const args of [['dns', 'show'], ['dns', 'revert'], ['dns', 'use', '192.0.2.1']]) {
      const run = await netmendAsRoot(where, args)
      expect(run.stderr).toMatch(/will not use its folder for saved settings/)
      expect(run.stderr).toContain('belongs to user 65534')
    }
    expectUntouched(where)
  })
})

describe('a forged snapshot, with NetMend asking for the password', () => {
  it('is refused before anyone is asked', async () => {
    const where = scene()
    forge(where.dataDir, 'original.json', [plain({ path: where.sudoers, target: where.sudoers, content: base64('ALL ALL=(ALL) NOPASSWD: ALL\n') })])
    const prompts: string[] = []
    const service = createDnsSettingsService({
      platform: 'linux',
      dataDir: where.dataDir,
      backend: createLinuxBackend({
        run: tableRunner({}).run,
        readFile: async (file) => (file === '/etc/resolv.conf' ? Buffer.from(RESOLV_CONF) : Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }))),
        readLink: async () => Promise.reject(new Error('EINVAL')),
        realPath: async (file) => file,
        defaultInterfaces: async () => [],
      }),
      isElevated: async () => false,
      elevate: async (script) => (prompts.push(script), { ok: true }),
    })
    // Set aside as damaged by the store; the restore pre-check would refuse it too (elevation.test.ts).
    expect(await service.revert()).toMatchObject({ ok: false, code: 'dns-settings.original-damaged' })
    expect(prompts).toEqual([])
    expectUntouched(where)
  })
})
