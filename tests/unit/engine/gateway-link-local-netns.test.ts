// The router check against a real link-local router, inside a network namespace this test creates: it holds
// only its own loopback interface, given fe80::1, so nothing can reach a real link. Needs Linux, root and
// unshare; skipped elsewhere.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT as ROOT, useLinkLocalProbe } from '../support/link-local-netns'

const source = (path: string): string => JSON.stringify(join(ROOT, path))
// The namespace's /proc/net/ipv6_route line for "default via fe80::1 dev lo".
const ROUTE = '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000001 00000000 00000003 lo'
const SCRIPT = `
import { gatewayCheck } from ${source('src/main/engine/checks/gateway.ts')}
import { DEFAULT_CONFIG } from ${source('src/main/engine/config.ts')}
import { readDefaultGateways } from ${source('src/main/platform/gateway.ts')}
import { pingCommand } from ${source('src/main/platform/ping-command.ts')}
import { runCommand } from ${source('src/main/platform/run-command.ts')}

const gateways = await readDefaultGateways({ platform: 'linux', readFile: async (path) => (path === '/proc/net/ipv6_route' ? ${JSON.stringify(`${ROUTE}\n`)} : '') })
const silentPing = async () => ({ ok: false, stdout: '', stderr: '', code: 1, error: 'failed' })
const context = {
  config: DEFAULT_CONFIG,
  target: null,
  system: { platform: 'linux', run: silentPing, listInterfaces: () => [], readDefaultGateways: async () => gateways, readSystemResolvers: async () => ({ ok: false, code: 'resolvers.none', detail: '' }), readHostsFile: async () => ({ ok: true, path: '/etc/hosts', entries: [] }), readProxySettings: async () => null },
  outcomes: {},
  systemResolvers: async () => ({ ok: false, code: 'resolvers.none', detail: '' }),
  remainingMs: () => 1500,
  routerSilent: new AbortController().signal,
}
const outcome = await gatewayCheck.run(context, new AbortController().signal)
const ping = pingCommand(gateways[0].address, { platform: 'linux', timeoutMs: 1000, zone: gateways[0].zone })
const pinged = await runCommand(ping.file, ping.args, { timeoutMs: 3000 })
process.stdout.write(JSON.stringify({ gateways, outcome, ping, pinged: { ok: pinged.ok, error: pinged.error ?? null } }))
`

const probe = useLinkLocalProbe(SCRIPT)

describe.runIf(probe.runnable)('a link-local IPv6 router, in a private network namespace', () => {
  it('answers the router check over TCP through its interface, and the system ping reaches it with -I', async () => {
    const stdout = await probe.run()
    const { gateways, outcome, ping, pinged } = JSON.parse(stdout)
    expect(gateways).toEqual([{ address: 'fe80::1', family: 'IPv6', interface: 'lo', zone: 'lo' }])
    expect(outcome).toMatchObject({ status: 'pass', evidence: { answering: ['fe80::1'] } })
    expect(ping).toEqual({ file: 'ping', args: ['-c', '1', '-W', '1', '-I', 'lo', 'fe80::1'] })
    expect(pinged).toEqual({ ok: true, error: null })
  })
})
