// What an earlier run left in the data folder, as the next start finds it: a folder or file somebody else
// could have written is never acted on; a damaged journal is undone from original.json, said in words, and
// set aside so every command works again; a damaged original.json is said and set aside; a change running
// in another NetMend is said to be running; a folder that cannot be written is said as such, and what can be
// undone is undone. Every outcome is a value with a code, never a throw.
import { spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createStepExecutor } from '../../../src/main/dns-settings/elevation'
import { processIdentity } from '../../../src/main/dns-settings/owner-process'
import { MAX_RECORD_BYTES } from '../../../src/main/dns-settings/records'
import { createService } from '../../../src/main/dns-settings/service'
import { createStore, type DnsSettingsStore, type Journal, type StoreProblem } from '../../../src/main/dns-settings/store'
import { fakeDns, setup } from './simulated-mac'

const root = process.getuid?.() === 0
/** A process that has exited (its pid, if ever reused, belongs to a process with another start time). */
let exited: number | undefined
const deadPid = (): number => (exited ??= spawnSync(process.execPath, ['-e', '0']).pid!)

/** A first switch to 1.1.1.1 on Wi-Fi, left unconfirmed by a process that died: the next start must undo it. */
async function interruptedSwitch() {
  const stage = setup()
  expect(await stage.service.use(['1.1.1.1'])).toMatchObject({ ok: true })
  const journal = JSON.parse(readFileSync(stage.journalPath, 'utf8')) as Journal
  writeFileSync(stage.journalPath, JSON.stringify({ ...journal, owner: { ...journal.owner, pid: deadPid() } }))
  const folder = path.join(stage.dataDir, 'dns-settings')
  return { ...stage, folder, originalPath: path.join(folder, 'original.json'), setsBefore: stage.mac.sets.length }
}

describe('the data folder is private', () => {
  it('is created readable and writable by this user only, the data folder and its dns-settings folder alike', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'netmend-private-'))
    const { service } = setup({ dataDir: path.join(parent, 'NetMend') })
    expect(await service.use(['1.1.1.1'])).toMatchObject({ ok: true })
    expect(statSync(path.join(parent, 'NetMend')).mode & 0o777).toBe(0o700)
    expect(statSync(path.join(parent, 'NetMend', 'dns-settings')).mode & 0o777).toBe(0o700)
    expect(statSync(path.join(parent, 'NetMend', 'dns-settings', 'original.json')).mode & 0o777).toBe(0o600)
  })

  const tampered: [string, (stage: Awaited<ReturnType<typeof interruptedSwitch>>) => void, RegExp][] = [
    ['the data folder is a symbolic link', ({ dataDir }) => (renameSync(dataDir, `${dataDir}.real`), symlinkSync(`${dataDir}.real`, dataDir)), /is a symbolic link/],
    ['the dns-settings folder is a symbolic link', ({ folder }) => (renameSync(folder, `${folder}.real`), symlinkSync(`${folder}.real`, folder)), /is a symbolic link/],
    ['the data folder can be written by its group', ({ dataDir }) => chmodSync(dataDir, 0o770), /can be changed by other users/],
    ['the dns-settings folder can be written by anybody', ({ folder }) => chmodSync(folder, 0o707), /can be changed by other users/],
    ['journal.json is a symbolic link', ({ journalPath }) => (renameSync(journalPath, `${journalPath}.elsewhere`), symlinkSync(`${journalPath}.elsewhere`, journalPath)), /is a symbolic link/],
    ['original.json is a symbolic link', ({ originalPath }) => (renameSync(originalPath, `${originalPath}.elsewhere`), symlinkSync(`${originalPath}.elsewhere`, originalPath)), /is a symbolic link/],
    ['journal.json has another name too (a hard link)', ({ journalPath, dataDir }) => linkSync(journalPath, path.join(dataDir, 'other-name')), /hard links/],
    ['journal.json can be written by its group', ({ journalPath }) => chmodSync(journalPath, 0o660), /can be changed by other users/],
    ['original.json can be written by anybody', ({ originalPath }) => chmodSync(originalPath, 0o606), /can be changed by other users/],
    ['journal.json is a pipe, not a file', ({ journalPath }) => (renameSync(journalPath, `${journalPath}.old`), spawnSync('mkfifo', [journalPath])), /is not a plain file/],
  ]
  if (root) {
    tampered.push(
      ['the data folder belongs to another user', ({ dataDir }) => chownSync(dataDir, 65534, 65534), /belongs to user 65534/],
      ['journal.json belongs to another user', ({ journalPath }) => chownSync(journalPath, 65534, 65534), /belongs to user 65534/],
      ['original.json belongs to another user', ({ originalPath }) => chownSync(originalPath, 65534, 65534), /belongs to user 65534/],
    )
  }

  it.each(tampered)('%s: nothing in it is acted on, and that is said (refused in words, not a crash)', async (_label, tamper, why) => {
    const stage = await interruptedSwitch()
    tamper(stage)
    const recovered = await stage.service.recoverUnfinished()
    expect(recovered).toMatchObject({ ok: false, code: 'dns-settings.data-folder-unsafe' })
    expect(!recovered.ok && recovered.detail).toMatch(why)
    expect(await stage.service.use(['9.9.9.9'])).toMatchObject({ ok: false, code: 'dns-settings.data-folder-unsafe' })
    expect(await stage.service.revert()).toMatchObject({ ok: false, code: 'dns-settings.data-folder-unsafe' })
    // The interrupted switch was not undone from a file that cannot be trusted, and nothing else ran.
    expect(stage.mac.sets.length).toBe(stage.setsBefore)
    expect(stage.mac.servers.get('Wi-Fi')).toEqual(['1.1.1.1'])
  })

  it.runIf(root)('a NetMend running as root trusts only what belongs to root', async () => {
    const stage = await interruptedSwitch()
    const asUser = createService({
      platform: 'darwin',
      backend: stage.mac.backend,
      store: createStore(stage.dataDir, { platform: 'darwin', uid: 1000 }),
      executor: createStepExecutor({ platform: 'darwin', run: stage.mac.run, isElevated: async () => true }),
      runPlain: async () => true,
      verify: fakeDns(),
    })
    expect(await asUser.recoverUnfinished()).toMatchObject({ ok: false, code: 'dns-settings.data-folder-unsafe', detail: expect.stringMatching(/belongs to user 0, not to user 1000/) })
    expect(stage.mac.servers.get('Wi-Fi')).toEqual(['1.1.1.1'])
  })

  it('a journal larger than any NetMend writes is not read: it counts as damaged, and original.json puts the settings back', async () => {
    const stage = await interruptedSwitch()
    const journal = readFileSync(stage.journalPath, 'utf8')
    writeFileSync(stage.journalPath, journal.replace('{', `{${' '.repeat(MAX_RECORD_BYTES)}`))
    expect(await stage.service.recoverUnfinished()).toMatchObject({ ok: false, code: 'dns-settings.journal-damaged', detail: expect.stringMatching(/larger than/) })
    expect(stage.mac.servers.get('Wi-Fi')).toEqual([])
  })
})

/** Every way the journal has been seen damaged: cut short, overwritten, or JSON of another shape. */
function damagedJournals(valid: string): Record<'truncated' | 'garbage' | 'wrong shape', [string, string | Buffer][]> {
  const journal = JSON.parse(valid) as Record<string, unknown>
  const shaped = (change: (value: Record<string, unknown>) => void): string => {
    const copy = structuredClone(journal)
    change(copy)
    return JSON.stringify(copy)
  }
  const before = (change: (value: Record<string, unknown>) => void) => shaped((value) => change(value.before as Record<string, unknown>))
  const firstAdapter = (change: (value: Record<string, unknown>) => void) => before((value) => change((value.adapters as Record<string, unknown>[])[0]!))
  return {
    truncated: [
      ['its first byte only', valid.slice(0, 1)],
      ['a quarter', valid.slice(0, Math.floor(valid.length / 4))],
      ['half', valid.slice(0, Math.floor(valid.length / 2))],
      ['three quarters', valid.slice(0, Math.floor((valid.length * 3) / 4))],
      ['all but the closing brace', valid.trimEnd().slice(0, -1)],
    ],
    garbage: [
      ['empty', ''],
      ['blank lines', '\n\n  \n'],
      ['zero bytes, as after a power cut', Buffer.alloc(valid.length)],
      ['random bytes', Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 131 + 7) % 256))],
      ['text that is not JSON', 'journal: switched Wi-Fi to 1.1.1.1\n'],
      ['the journal in UTF-16', Buffer.from(valid, 'utf16le')],
    ],
    'wrong shape': [
      ['null', 'null'],
      ['a list', '[]'],
      ['a number', '42'],
      ['a string', JSON.stringify(valid)],
      ['an empty object', '{}'],
      ['another version', shaped((value) => (value.version = 2))],
      ['an unknown kind', shaped((value) => (value.kind = 'explode'))],
      ['no owner', shaped((value) => delete value.owner)],
      ['an owner pid that is text', shaped((value) => ((value.owner as Record<string, unknown>).pid = '4242'))],
      ['an empty adapter list', before((value) => (value.adapters = []))],
      ['an adapter with a server that is no address', firstAdapter((value) => (value.servers = ['1.1.1.1; reboot']))],
      ['an adapter of an unknown owner', firstAdapter((value) => (value.owner = 'plain-file'))],
      ['a switch to a name instead of an address', shaped((value) => (value.servers = ['cloudflare']))],
    ],
  }
}

describe('a damaged journal does not lock anybody out', () => {
  it('there are 24 kinds of damage below', async () => {
    const stage = await interruptedSwitch()
    expect(Object.values(damagedJournals(readFileSync(stage.journalPath, 'utf8'))).flat()).toHaveLength(24)
  })

  describe.each(['truncated', 'garbage', 'wrong shape'] as const)('%s', (kind) => {
    it('every variant: the switch is undone from original.json, the damage said, the file set aside, and every command works after', async () => {
      const probe = await interruptedSwitch()
      for (const [label, content] of damagedJournals(readFileSync(probe.journalPath, 'utf8'))[kind]) {
        const stage = await interruptedSwitch()
        writeFileSync(stage.journalPath, content)
        const recovered = await stage.service.recoverUnfinished()
        expect(recovered, label).toMatchObject({ ok: false, code: 'dns-settings.journal-damaged', detail: expect.stringContaining(stage.journalPath) })
        expect(stage.mac.servers.get('Wi-Fi'), label).toEqual([])
        expect(existsSync(stage.journalPath), label).toBe(false)
        expect(readFileSync(`${stage.journalPath}.damaged`), label).toEqual(Buffer.from(content))
        expect(existsSync(stage.originalPath), label).toBe(false)
        // Usable again: nothing more to report, show, switch, revert.
        expect(await stage.service.recoverUnfinished(), label).toEqual({ ok: true, recovered: false })
        expect(await stage.service.show(), label).toMatchObject({ ok: true, netmendChanged: false })
        expect(await stage.service.use(['9.9.9.9']), label).toMatchObject({ ok: true })
        expect(await stage.service.confirm(), label).toEqual({ ok: true })
        expect(await stage.service.revert(), label).toEqual({ ok: true, adapters: ['Wi-Fi'] })
        expect(stage.mac.servers.get('Wi-Fi'), label).toEqual([])
      }
    })
  })

  it('a damaged journal after a kept first switch goes all the way back to before NetMend, as revert would', async () => {
    const stage = setup()
    await stage.service.use(['1.1.1.1'])
    await stage.service.confirm()
    await stage.service.use(['9.9.9.9'], { adapters: ['en0', 'en7'] })
    writeFileSync(stage.journalPath, '{"version":1,')
    expect(await stage.service.revert()).toMatchObject({ ok: false, code: 'dns-settings.journal-damaged' })
    expect(stage.mac.servers.get('Wi-Fi')).toEqual([])
    expect(stage.mac.servers.get('Ethernet')).toEqual(['192.168.1.53'])
    expect(await stage.service.revert()).toEqual({ ok: true, adapters: [] })
  })

  it('an empty adapter list never costs original.json: when putting it back fails, original.json stays for the next try', async () => {
    const stage = await interruptedSwitch()
    const journal = JSON.parse(readFileSync(stage.journalPath, 'utf8')) as Journal
    writeFileSync(stage.journalPath, JSON.stringify({ ...journal, before: { ...journal.before, adapters: [] } }))
    const original = readFileSync(stage.originalPath)
    // The administrator password is not given: putting original.json back fails, so nothing may be given up.
    const service = createService({
      platform: 'darwin',
      backend: stage.mac.backend,
      store: createStore(stage.dataDir, { platform: 'darwin' }),
      executor: createStepExecutor({ platform: 'darwin', run: stage.mac.run, isElevated: async () => false, elevate: async () => ({ ok: false, reason: 'declined', detail: 'no' }) }),
      runPlain: async () => true,
    })
    expect(await service.recoverUnfinished()).toMatchObject({ ok: false, code: 'dns-settings.rollback-failed', detail: expect.stringMatching(/adapters is empty/) })
    expect(readFileSync(stage.originalPath)).toEqual(original)
    expect(stage.mac.servers.get('Wi-Fi')).toEqual(['1.1.1.1'])
    // With the password given, the next start puts original.json back.
    expect(await stage.service.recoverUnfinished()).toMatchObject({ ok: false, code: 'dns-settings.journal-damaged' })
    expect(stage.mac.servers.get('Wi-Fi')).toEqual([])
  })
})

describe('a damaged original.json', () => {
  it('is said and set aside; the commands work after, and nothing is left pretending it can be reverted', async () => {
    const stage = setup()
    await stage.service.use(['1.1.1.1'])
    await stage.service.confirm()
    const originalPath = path.join(stage.dataDir, 'dns-settings', 'original.json')
    writeFileSync(originalPath, '{"version":1,"platform":"darwin","takenAt":"2026-11-24T15:00:00.000Z","adapters":[{"owner":"networksetup"')
    expect(await stage.service.recoverUnfinished()).toMatchObject({ ok: false, code: 'dns-settings.original-damaged', detail: expect.stringContaining(originalPath) })
    expect(existsSync(`${originalPath}.damaged`)).toBe(true)
    expect(stage.mac.servers.get('Wi-Fi')).toEqual(['1.1.1.1'])
    expect(await stage.service.recoverUnfinished()).toEqual({ ok: true, recovered: false })
    expect(await stage.service.show()).toMatchObject({ ok: true, netmendChanged: false })
    expect(await stage.service.use(['9.9.9.9'])).toMatchObject({ ok: true })
  })

  it('together with a damaged journal: both are said and set aside, and no settings are guessed', async () => {
    const stage = await interruptedSwitch()
    writeFileSync(stage.journalPath, 'garbage')
    writeFileSync(stage.originalPath, '[]')
    expect(await stage.service.recoverUnfinished()).toMatchObject({ ok: false, code: 'dns-settings.original-damaged' })
    expect(stage.mac.sets.length).toBe(stage.setsBefore)
    expect([existsSync(`${stage.journalPath}.damaged`), existsSync(`${stage.originalPath}.damaged`)]).toEqual([true, true])
    expect(await stage.service.recoverUnfinished()).toEqual({ ok: true, recovered: false })
  })
})

describe('a change running in another NetMend is never silent', () => {
  it('a live process holding the lock: every start says busy, and nothing is touched', async () => {
    const stage = await interruptedSwitch()
    mkdirSync(stage.folder, { recursive: true })
    writeFileSync(path.join(stage.folder, 'lock'), JSON.stringify({ ...processIdentity(process.ppid), token: 'other' }), { mode: 0o600 })
    expect(await stage.service.recoverUnfinished()).toEqual({ ok: false, code: 'dns-settings.busy', detail: `NetMend process ${process.ppid} is changing the settings` })
    expect(await stage.service.revert()).toMatchObject({ ok: false, code: 'dns-settings.busy' })
    expect(stage.mac.servers.get('Wi-Fi')).toEqual(['1.1.1.1'])
  })
})

/** The real store, except that nothing can be written in its folder (a read-only disk). */
function unwritable(store: DnsSettingsStore): DnsSettingsStore {
  const refused: StoreProblem = { ok: false, code: 'dns-settings.data-folder-unwritable', detail: `${store.directory}: EROFS` }
  return {
    ...store,
    writeOriginal: async () => refused,
    writeJournal: async () => refused,
    removeOriginal: async () => refused,
    removeJournal: async () => refused,
    setAside: async () => refused,
    withLock: async () => ({ held: false, problem: refused }),
  }
}

describe('a data folder that cannot be written', () => {
  function readOnlyStage(stage: Awaited<ReturnType<typeof interruptedSwitch>>) {
    return createService({
      platform: 'darwin',
      backend: stage.mac.backend,
      store: unwritable(createStore(stage.dataDir, { platform: 'darwin' })),
      executor: createStepExecutor({ platform: 'darwin', run: stage.mac.run, isElevated: async () => true }),
      runPlain: async () => true,
      verify: fakeDns(),
    })
  }

  it('with an interrupted switch: it is undone anyway, and the outcome says the folder cannot be written (not that somebody is busy)', async () => {
    const stage = await interruptedSwitch()
    const service = readOnlyStage(stage)
    expect(await service.recoverUnfinished()).toEqual({ ok: false, code: 'dns-settings.undone-not-noted', detail: `${path.join(stage.dataDir, 'dns-settings')}: EROFS` })
    expect(stage.mac.servers.get('Wi-Fi')).toEqual([])
    expect(await service.revert()).toMatchObject({ ok: false, code: 'dns-settings.data-folder-unwritable' })
    expect(await service.use(['9.9.9.9'])).toMatchObject({ ok: false, code: 'dns-settings.data-folder-unwritable' })
    expect(stage.mac.servers.get('Wi-Fi')).toEqual([])
    // Once the folder can be written again, the note is finished and nothing is reported any more.
    expect(await stage.service.recoverUnfinished()).toEqual({ ok: true, recovered: true })
    expect(await stage.service.recoverUnfinished()).toEqual({ ok: true, recovered: false })
  })

  it('with nothing unfinished: nothing to say at start; a switch is refused in those words', async () => {
    const stage = setup()
    const service = readOnlyStage({ ...stage, folder: '', originalPath: '', setsBefore: 0 })
    expect(await service.recoverUnfinished()).toEqual({ ok: true, recovered: false })
    expect(await service.use(['1.1.1.1'])).toMatchObject({ ok: false, code: 'dns-settings.data-folder-unwritable' })
    expect(stage.mac.sets).toEqual([])
  })
})

describe('every start-up outcome is a value', () => {
  it('a lock file that is garbage, or a dead process\'s, is not a reason to say busy', async () => {
    const stage = await interruptedSwitch()
    writeFileSync(path.join(stage.folder, 'lock'), 'not json', { mode: 0o600 })
    expect(await stage.service.recoverUnfinished()).toEqual({ ok: true, recovered: true })
    expect(stage.mac.servers.get('Wi-Fi')).toEqual([])
  })
})
