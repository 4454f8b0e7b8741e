// The story of a DNS switch on a real Linux client, in a lab world: the real CLI bundle runs inside the
// client namespace, where /etc/resolv.conf is the world's own file (bind-mounted by `ip netns exec`), and
// NetMend's data folder is inside the world's temp dir. Nothing here touches this machine's own DNS.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { labUnavailableReason } from './availability'
import { killAt as killCliAt, netmendIn, ORIGINAL } from './dns-cli'
import { createWorld, LAB, type World } from './lab'

const unavailable = labUnavailableReason()
if (unavailable) console.log(`skipped suite tests/lab/dns-settings.test.ts: ${unavailable}`)

/** Nothing listens here: inet has no such address, so queries go unanswered. */
const SILENT_RESOLVER = '203.0.113.250'

describe.skipIf(unavailable)('changing DNS on a Linux client whose resolv.conf is a plain file', () => {
  let world: World
  let resolvConf: string
  let dataDir: string

  const fileNow = (): string => readFileSync(resolvConf, 'utf8')
  const netmend = (args: string[]) => netmendIn(world, dataDir)(args)
  const showJson = async (): Promise<{ adapters: { ipv4: { servers: string[] } }[]; netmendChanged: boolean }> => {
    const run = await netmend(['dns', 'show', '--json'])
    expect(run.code, run.stderr).toBe(0)
    return JSON.parse(run.stdout)
  }
  const queriesLogged = (log: 'public' | 'isp', name: string): number =>
    readFileSync(path.join(world.dir, `dnsmasq-${log}.log`), 'utf8')
      .split('\n')
      .filter((line) => line.includes(`query[A] ${name} from ${LAB.clientAddress}`)).length

  beforeAll(async () => {
    world = await createWorld('healthy')
    resolvConf = path.join('/etc/netns', world.clientNs, 'resolv.conf')
    dataDir = path.join(world.dir, 'netmend-data')
  })
  afterAll(async () => {
    await world?.destroy()
  })
  beforeEach(async () => {
    // Every story starts from the hand-written file and a NetMend that never changed anything.
    writeFileSync(resolvConf, ORIGINAL)
    await world.exec(['rm', '-rf', dataDir])
  })

  it('the client really uses the world file, and dns show lists its servers without claiming a change', async () => {
    const seen = await world.exec(['cat', '/etc/resolv.conf'])
    expect(seen.stdout).toBe(ORIGINAL)
    const shown = await showJson()
    expect(shown.netmendChanged).toBe(false)
    expect(shown.adapters[0]?.ipv4.servers).toEqual([LAB.ispResolver, LAB.quad9])
  })

  it('switch to a lab resolver, look up for real, switch again, revert → the file is byte-for-byte what it was', async () => {
    const first = await netmend(['dns', 'use', LAB.google])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain(`Now using ${LAB.google}`)
    const switched = fileNow()
    expect(switched.split('\n').filter((line) => line.startsWith('nameserver'))).toEqual([`nameserver ${LAB.google}`])
    // Everything the person wrote is still there, in order.
    const notNameserver = (text: string): string[] => text.split('\n').filter((line) => !line.startsWith('nameserver') && !line.startsWith('# NetMend:'))
    expect(notNameserver(switched)).toEqual(notNameserver(ORIGINAL))
    expect((await showJson()).netmendChanged).toBe(true)

    // A real lookup through the system's own resolver (getent → glibc → the new server).
    const ispBefore = queriesLogged('isp', LAB.siteName)
    const publicBefore = queriesLogged('public', LAB.siteName)
    const lookup = await world.exec(['getent', 'ahostsv4', LAB.siteName])
    expect(lookup.code).toBe(0)
    expect(lookup.stdout).toContain(LAB.site)
    expect(queriesLogged('public', LAB.siteName)).toBeGreaterThan(publicBefore)
    expect(queriesLogged('isp', LAB.siteName)).toBe(ispBefore)

    // Again, by name from the world's config (case-insensitive).
    const second = await netmend(['dns', 'use', 'CloudFlare', '--config', world.configPath])
    expect(second.code, second.stderr).toBe(0)
    expect(fileNow().split('\n').filter((line) => line.startsWith('nameserver'))).toEqual([`nameserver ${LAB.cloudflare}`])

    const reverted = await netmend(['dns', 'revert'])
    expect(reverted.code, reverted.stderr).toBe(0)
    expect(reverted.stdout).toContain('Back to your previous settings')
    expect(readFileSync(resolvConf)).toEqual(Buffer.from(ORIGINAL))
    expect((await showJson()).netmendChanged).toBe(false)

    const again = await netmend(['dns', 'revert'])
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/nothing to undo/)
    expect(readFileSync(resolvConf)).toEqual(Buffer.from(ORIGINAL))
  })

  it('a switch to a resolver that does not answer rolls back by itself: exit 1, the reason, the file unchanged', async () => {
    const run = await netmend(['dns', 'use', SILENT_RESOLVER])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`${SILENT_RESOLVER}: no answer`)
    expect(run.stderr).toMatch(/put your previous settings back/)
    expect(readFileSync(resolvConf)).toEqual(Buffer.from(ORIGINAL))
    expect((await showJson()).netmendChanged).toBe(false)
  })

  it('a failed second switch goes back to the first switch, and revert still reaches the original', async () => {
    expect((await netmend(['dns', 'use', LAB.google])).code).toBe(0)
    const afterFirst = fileNow()
    const failed = await netmend(['dns', 'use', SILENT_RESOLVER])
    expect(failed.code).toBe(1)
    expect(fileNow()).toBe(afterFirst)
    expect((await netmend(['dns', 'revert'])).code).toBe(0)
    expect(readFileSync(resolvConf)).toEqual(Buffer.from(ORIGINAL))
  })

  const killAt = (step: string, args: string[]): Promise<void> => killCliAt(world, dataDir, step, args)

  it.each(['snapshot-written', 'applied', 'verified'])('kill -9 at "%s" of a first switch → the next start puts the original back', async (step) => {
    await killAt(step, ['dns', 'use', LAB.google])
    if (step !== 'snapshot-written') expect(fileNow()).toContain(`nameserver ${LAB.google}`)
    const next = await netmend(['dns', 'show', '--json'])
    expect(next.code, next.stderr).toBe(0)
    expect(next.stderr).toMatch(/interrupted/)
    expect(readFileSync(resolvConf)).toEqual(Buffer.from(ORIGINAL))
    expect(JSON.parse(next.stdout).netmendChanged).toBe(false)
  })

  it.each(['snapshot-written', 'applied', 'verified'])(
    'kill -9 at "%s" of a second switch → the next start is back on the first switch, and revert reaches the original',
    async (step) => {
      expect((await netmend(['dns', 'use', LAB.google])).code).toBe(0)
      const afterFirst = fileNow()
      await killAt(step, ['dns', 'use', LAB.cloudflare])
      // diagnose is a "next start" too.
      const diagnose = await netmend(['diagnose', '--json', '--config', world.configPath])
      expect(diagnose.stderr).toMatch(/interrupted/)
      expect(fileNow()).toBe(afterFirst)
      expect((await netmend(['dns', 'revert'])).code).toBe(0)
      expect(readFileSync(resolvConf)).toEqual(Buffer.from(ORIGINAL))
    },
  )

  it.each(['revert-started', 'rollback-started'])('kill -9 at "%s" → the next start finishes with the original settings', async (step) => {
    expect((await netmend(['dns', 'use', LAB.google])).code).toBe(0)
    if (step === 'revert-started') await killAt(step, ['dns', 'revert'])
    else await killAt(step, ['dns', 'use', SILENT_RESOLVER])
    const next = await netmend(['dns', 'show', '--json'])
    expect(next.code, next.stderr).toBe(0)
    if (step === 'revert-started') {
      expect(readFileSync(resolvConf)).toEqual(Buffer.from(ORIGINAL))
      expect(JSON.parse(next.stdout).netmendChanged).toBe(false)
    } else {
      // The interrupted rollback is finished: back on the first switch, which revert then undoes.
      expect(fileNow()).toContain(`nameserver ${LAB.google}`)
      expect((await netmend(['dns', 'revert'])).code).toBe(0)
      expect(readFileSync(resolvConf)).toEqual(Buffer.from(ORIGINAL))
    }
  })

  it.each([
    ['a command after the address', ['dns', 'use', '1.1.1.1; rm -rf /']],
    ['a command substitution', ['dns', 'use', '$(reboot)']],
    ['backticks', ['dns', 'use', '`reboot`']],
    ['an address out of range', ['dns', 'use', '999.1.1.1']],
    ['an address with a port', ['dns', 'use', '1.1.1.1:53']],
    ['an address with a zone', ['dns', 'use', 'fe80::1%eth0']],
    ['the any address', ['dns', 'use', '0.0.0.0']],
    ['an unknown resolver name', ['dns', 'use', 'googel']],
    ['no server at all', ['dns', 'use']],
    ['an adapter name with a space', ['dns', 'use', LAB.google, '--adapter', 'Wi Fi']],
    ['an adapter name with quotes', ['dns', 'use', LAB.google, '--adapter', `eth0'"`]],
    ['an adapter name with a command', ['dns', 'use', LAB.google, '--adapter', 'eth0;reboot']],
    ['an unknown dns command', ['dns', 'switch', LAB.google]],
    ['a flag the command does not take', ['dns', 'revert', '--adapter', 'eth0']],
  ])('%s is refused with exit 2, one line, and nothing done', async (_label, args) => {
    const run = await netmend(args)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(readFileSync(resolvConf)).toEqual(Buffer.from(ORIGINAL))
    // No snapshot, no journal, no lock: nothing ran.
    expect(existsSync(dataDir)).toBe(false)
  })

  it('naming an adapter that does not exist fails without changing anything', async () => {
    const run = await netmend(['dns', 'use', LAB.google, '--adapter', 'wlan9'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('wlan9')
    expect(readFileSync(resolvConf)).toEqual(Buffer.from(ORIGINAL))
    expect((await showJson()).netmendChanged).toBe(false)
  })

  it.skipIf(existsSync('/run/nscd/socket') || existsSync('/var/run/nscd/socket'))(
    'dns flush says honestly that a plain resolv.conf has no cache to clear',
    async () => {
      const run = await netmend(['dns', 'flush'])
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toMatch(/nothing to clear/)
      expect(readFileSync(resolvConf)).toEqual(Buffer.from(ORIGINAL))
    },
  )
})
