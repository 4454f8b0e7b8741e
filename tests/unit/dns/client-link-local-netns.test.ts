// End to end with a real link-local server, inside a network namespace this test creates: it holds only
// its own loopback interface, given fe80::1, so nothing can reach a real link. Needs Linux, root and unshare;
// skipped elsewhere.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT as ROOT, useLinkLocalProbe } from '../support/link-local-netns'

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

const probe = useLinkLocalProbe(SCRIPT)

describe.runIf(probe.runnable)('a link-local DNS server from resolv.conf, in a private network namespace', () => {
  it('answers when asked through its zone, and an unzoned query fails as a value without crashing', async () => {
    const stdout = await probe.run()
    const { asked, zoned, unzoned, seenFrom } = JSON.parse(stdout)
    expect(asked).toMatchObject({ address: 'fe80::1%lo', origin: { kind: 'system' } })
    expect(zoned).toMatchObject({ ok: true, rcode: 'NOERROR', server: 'fe80::1%lo', answers: [{ type: 'A', data: '192.0.2.53' }] })
    expect(unzoned).toMatchObject({ ok: false, code: 'dns.network-error', server: 'fe80::1' })
    expect(seenFrom).toEqual(['fe80::1%lo'])
  })
})
