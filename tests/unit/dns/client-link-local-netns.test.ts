// End to end with a real link-local server, inside a network namespace this test creates: it holds only
// its own loopback interface, given fe80::1, so nothing can reach a real link. Needs Linux, root and unshare;
// skipped elsewhere.
import { execFile, execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

function canMakeNamespaces(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  try {
    execFileSync('unshare', ['-n', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore', timeout: 5000 })
    return true
  } catch {
    return false
  }
}

const ROOT = resolve('.')
const SCRIPT = `
import dgram from 'node:dgram'
import * as dnsPacket from 'dns-packet'
import { queryDns } from ${JSON.stringify(join(ROOT, 'src/main/dns/client.ts'))}
import { systemResolversToAsk } from ${JSON.stringify(join(ROOT, 'src/main/engine/checks/system-resolver-list.ts'))}
import { parseResolvConf } from ${JSON.stringify(join(ROOT, 'src/main/platform/resolv-conf.ts'))}

const server = dgram.createSocket('udp6')
await new Promise((done) => server.bind(0, 'fe80::1%lo', done))
const port = server.address().port
const seenFrom = []
server.on('message', (message, from) => {
  seenFrom.push(from.address)
  const query = dnsPacket.decode(message)
  const answers = [{ name: query.questions[0].name, type: 'A', ttl: 60, data: '192.0.2.53' }]
  const flags = dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE
  server.send(dnsPacket.encode({ type: 'response', id: query.id, flags, questions: query.questions, answers }), from.port, from.address)
})
const nameservers = parseResolvConf('nameserver fe80::1%lo\\n').nameservers
const [asked] = systemResolversToAsk({ ok: true, resolvers: nameservers, manager: 'plain-file', viaLocalStub: false, upstream: [], searchDomains: [] })
const question = { port, name: 'router.lab.test', type: 'A', timeoutMs: 500, tries: 1 }
const zoned = await queryDns({ ...question, server: asked.address })
const unzoned = await queryDns({ ...question, server: 'fe80::1' })
server.close()
process.stdout.write(JSON.stringify({ asked, zoned, unzoned, seenFrom }))
`

const runnable = canMakeNamespaces()
let dir = ''

beforeAll(async () => {
  if (!runnable) return
  dir = await mkdtemp(join(tmpdir(), 'netmend-netns-'))
  await writeFile(join(dir, 'probe.ts'), SCRIPT)
  await build({
    entryPoints: [join(dir, 'probe.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, 'probe.mjs'),
    logLevel: 'silent',
    nodePaths: [join(ROOT, 'node_modules')],
    // dns-packet is CommonJS and requires Node built-ins.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  })
})

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true })
})

describe.runIf(runnable)('a link-local DNS server from resolv.conf, in a private network namespace', () => {
  it('answers when asked through its zone, and an unzoned query fails as a value without crashing', async () => {
    const shell = `ip link set lo up && ip -6 addr add fe80::1/64 dev lo nodad && exec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(dir, 'probe.mjs'))}`
    const stdout = await new Promise<string>((done, fail) =>
      execFile('unshare', ['-n', 'sh', '-c', shell], { timeout: 15_000 }, (error, out, err) => (error ? fail(new Error(`${error.message}\n${err}`)) : done(out))),
    )
    const { asked, zoned, unzoned, seenFrom } = JSON.parse(stdout)
    expect(asked).toMatchObject({ address: 'fe80::1%lo', label: 'system fe80::1%lo' })
    expect(zoned).toMatchObject({ ok: true, rcode: 'NOERROR', server: 'fe80::1%lo', answers: [{ type: 'A', data: '192.0.2.53' }] })
    expect(unzoned).toMatchObject({ ok: false, code: 'dns.network-error', server: 'fe80::1' })
    expect(seenFrom).toEqual(['fe80::1%lo'])
  })
})
