// What the next `netmend` finds after an earlier one was interrupted, on a real Linux client in a lab world:
// the real CLI bundle, the world's own resolv.conf, a real kill -9, a real zombie, a real read-only mount.
// Nothing here touches this machine's own DNS.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { labPath, labUnavailableReason } from './availability'
import { CLI_BUNDLE } from './diagnose-in-world'
import { killAt, netmendIn, ORIGINAL } from './dns-cli'
import { createWorld, LAB, type ExecResult, type World } from './lab'
import { startSlowResolver, type SlowResolver } from './slow-resolver'

const unavailable = labUnavailableReason()
if (unavailable) console.log(`skipped suite tests/lab/dns-recovery.test.ts: ${unavailable}`)

/** The slow resolver's address, on the client namespace's own loopback. */
const SLOW = '127.0.0.2'
const BUSY = /Another NetMend \(the app, or another command\) is changing these settings right now/

/** The state letter of /proc/PID/stat (Z: a zombie), or undefined when there is no such process. */
function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]
  } catch {
    return undefined
  }
}

describe.skipIf(unavailable)('what the next NetMend finds after an interrupted one, on a real Linux client', () => {
  let world: World
  let resolvConf: string
  let dataDir: string
  let journal: string
  let slow: SlowResolver
  let netmend: (args: string[]) => Promise<ExecResult>

  const nameservers = (): string[] => readFileSync(resolvConf, 'utf8').split('\n').filter((line) => line.startsWith('nameserver'))
  const isOriginal = (): boolean => readFileSync(resolvConf).equals(Buffer.from(ORIGINAL))
  const startOver = async (): Promise<void> => {
    writeFileSync(resolvConf, ORIGINAL)
    await world.exec(['rm', '-rf', dataDir])
    slow.forget()
  }

  beforeAll(async () => {
    world = await createWorld('healthy')
    resolvConf = path.join('/etc/netns', world.clientNs, 'resolv.conf')
    dataDir = path.join(world.dir, 'netmend-data')
    journal = path.join(dataDir, 'dns-settings', 'journal.json')
    netmend = netmendIn(world, dataDir)
    slow = await startSlowResolver(world, SLOW)
  })
  afterAll(async () => {
    slow?.stop()
    await world?.destroy()
  })
  beforeEach(startOver)

  /**
   * `netmend dns use <slow resolver>` under a parent that never collects its children (a shell that became
   * `sleep`): once killed, the CLI stays a zombie for as long as the parent lives.
   */
  async function switchUnderNeglectfulParent(): Promise<{ pid: number; parent: ChildProcess }> {
    const parent = spawn('ip', ['netns', 'exec', world.clientNs, 'sh', '-c', 'node "$0" dns use "$1" >/dev/null 2>&1 & echo $!; exec sleep 600', CLI_BUNDLE, SLOW], {
      env: { ...process.env, PATH: labPath(), NETMEND_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    const line = await new Promise<string>((resolve) => parent.stdout!.setEncoding('utf8').once('data', resolve))
    return { pid: Number(line.trim()), parent }
  }

  it('kill -9 while it verifies a slow resolver, then `dns show` at once: the switch is undone and said, 15 times out of 15', async () => {
    for (let round = 1; round <= 15; round += 1) {
      await startOver()
      const { pid, parent } = await switchUnderNeglectfulParent()
      try {
        // The slow resolver got NetMend's own query: the switch is in place and being verified.
        expect(await slow.nextQuery(), `round ${round}`).toMatch(/^query \S+ from 127\./)
        expect(nameservers(), `round ${round}`).toEqual([`nameserver ${SLOW}`])
        process.kill(pid, 'SIGKILL')
        const shown = await netmend(['dns', 'show', '--json'])
        // The killed CLI was never collected: `show` ran while it was dying or a zombie.
        expect(processState(pid), `round ${round}`).toBe('Z')
        expect(shown.code, `round ${round}: ${shown.stderr}`).toBe(0)
        expect(shown.stderr, `round ${round}`).toMatch(/An earlier change was interrupted before it was finished; your previous settings have been put back/)
        expect(isOriginal(), `round ${round}`).toBe(true)
        expect((JSON.parse(shown.stdout) as { netmendChanged: boolean }).netmendChanged, `round ${round}`).toBe(false)
      } finally {
        parent.kill('SIGKILL')
      }
    }
  }, 600_000)

  it('a change really running in another NetMend: show, use, revert, flush and diagnose all say so and leave it alone', async () => {
    // A live `dns use` stopped after changing the file, before verifying: it holds the lock and owns the journal.
    const running = spawn('ip', ['netns', 'exec', world.clientNs, 'node', CLI_BUNDLE, 'dns', 'use', LAB.google], {
      env: { ...process.env, PATH: labPath(), NETMEND_DATA_DIR: dataDir, NETMEND_TEST_PAUSE_AT: 'applied' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    try {
      await new Promise<void>((resolve) => running.stderr!.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('test pause at applied') && resolve()))
      const switched = readFileSync(resolvConf, 'utf8')
      expect(nameservers()).toEqual([`nameserver ${LAB.google}`])

      const show = await netmend(['dns', 'show'])
      expect([show.code, show.stderr]).toEqual([0, expect.stringMatching(BUSY)])
      expect(show.stdout).toContain(LAB.google)
      for (const args of [['dns', 'use', LAB.cloudflare], ['dns', 'revert']]) {
        const refused = await netmend(args)
        expect([refused.code, refused.stderr], args.join(' ')).toEqual([1, expect.stringMatching(BUSY)])
      }
      const flush = await netmend(['dns', 'flush'])
      expect([flush.code, flush.stderr]).toEqual([0, expect.stringMatching(BUSY)])
      const diagnose = await netmend(['diagnose', '--json', '--config', world.configPath])
      expect(diagnose.stderr).toMatch(BUSY)
      expect(JSON.parse(diagnose.stdout)).toHaveProperty('verdict')
      expect(readFileSync(resolvConf, 'utf8')).toBe(switched)
    } finally {
      running.kill('SIGKILL')
    }
    await new Promise((resolve) => running.once('exit', resolve))
    const next = await netmend(['dns', 'show'])
    expect(next.stderr).toMatch(/interrupted/)
    expect(isOriginal()).toBe(true)
  })

  it.each([
    { label: 'cut in half', damage: (text: string) => text.slice(0, Math.floor(text.length / 2)), args: ['dns', 'show'] },
    { label: 'overwritten with zero bytes', damage: (text: string) => '\0'.repeat(text.length), args: ['dns', 'use', LAB.cloudflare] },
    {
      label: 'of the wrong shape (no adapters)',
      damage: (text: string) => {
        const parsed = JSON.parse(text) as { before: object }
        return JSON.stringify({ ...parsed, before: { ...parsed.before, adapters: [] } })
      },
      args: ['dns', 'revert'],
    },
  ])('a journal.json $label does not lock anybody out: `netmend $args` undoes the switch from original.json and says why', async ({ damage, args }) => {
    await killAt(world, dataDir, 'applied', ['dns', 'use', LAB.google])
    expect(nameservers()).toEqual([`nameserver ${LAB.google}`])
    const damaged = damage(readFileSync(journal, 'utf8'))
    writeFileSync(journal, damaged)

    const first = await netmend(args)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toMatch(/NetMend's record of its last change was damaged \(.*journal\.json: .*\)\. To be safe, the settings you had before NetMend's first change were put back/)
    expect(readFileSync(`${journal}.damaged`, 'utf8')).toBe(damaged)
    if (args[1] === 'use') expect(nameservers()).toEqual([`nameserver ${LAB.cloudflare}`])
    else expect(isOriginal()).toBe(true)

    // Every command works afterwards, with nothing more to say.
    const show = await netmend(['dns', 'show'])
    expect([show.code, show.stderr]).toEqual([0, ''])
    expect((await netmend(['dns', 'use', LAB.quad9])).code).toBe(0)
    expect((await netmend(['dns', 'revert'])).code).toBe(0)
    expect(isOriginal()).toBe(true)
  })

  /** The CLI with its data folder mounted read-only (a mount only this command's namespace sees). */
  const readOnly = (args: string[]): Promise<ExecResult> =>
    world.exec(['sh', '-c', 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec node "$@"', 'sh', dataDir, CLI_BUNDLE, ...args], {
      env: { NETMEND_DATA_DIR: dataDir },
      timeoutMs: 30_000,
    })

  it('a read-only data folder with a stale lock: the interrupted switch is undone, and every command says the folder cannot be written, not that NetMend is busy', async () => {
    await killAt(world, dataDir, 'applied', ['dns', 'use', LAB.google])
    expect(existsSync(path.join(dataDir, 'dns-settings', 'lock'))).toBe(true)
    expect(nameservers()).toEqual([`nameserver ${LAB.google}`])
    const said = /An earlier change was interrupted; your previous settings have been put back\. NetMend cannot write in its folder \(.*EROFS\)/

    const revert = await readOnly(['dns', 'revert'])
    expect(revert.code).toBe(1)
    expect(revert.stderr).toMatch(said)
    expect(revert.stderr).not.toMatch(/busy|Another NetMend/)
    expect(isOriginal()).toBe(true)

    const show = await readOnly(['dns', 'show'])
    expect([show.code, show.stderr]).toEqual([0, expect.stringMatching(said)])
    const diagnose = await readOnly(['diagnose', '--json', '--config', world.configPath])
    expect(diagnose.stderr).toMatch(said)
    const use = await readOnly(['dns', 'use', LAB.cloudflare])
    expect([use.code, use.stderr]).toEqual([1, expect.stringMatching(said)])
    expect(isOriginal()).toBe(true)

    // Writable again: the note is finished once, then nothing is left to say.
    expect((await netmend(['dns', 'show'])).stderr).toMatch(/interrupted/)
    expect((await netmend(['dns', 'show'])).stderr).toBe('')
  })
})
