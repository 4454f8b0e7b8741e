// A Mac whose networksetup keeps its DNS settings in memory, DNS servers that answer or stay silent, and a
// service built on them with its own data folder: the stage for the transaction and recovery tests.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createDnsSettingsService, type DnsSettingsServiceOptions } from '../../../src/main/dns-settings'
import { createMacBackend, NETWORKSETUP } from '../../../src/main/dns-settings/macos'
import type { DnsQuestion, DnsResponse } from '../../../src/main/dns/client'
import type { CommandRunner } from '../../../src/main/platform/run-command'
import { failed, ok } from './helpers'

const SERVICE_ORDER = `An asterisk (*) denotes that a network service is disabled.
(1) Wi-Fi
(Hardware Port: Wi-Fi, Device: en0)

(2) Ethernet
(Hardware Port: Ethernet, Device: en7)

(3) WireGuard
(Hardware Port: com.wireguard.macos, Device: utun3)
`

/** A Mac: Wi-Fi on DHCP (the default route), Ethernet with a hand-set server, a WireGuard tunnel. */
export function simulatedMac(options: { refuseSet?: boolean } = {}) {
  const servers = new Map<string, string[]>([
    ['Wi-Fi', []],
    ['Ethernet', ['192.168.1.53']],
    ['WireGuard', ['10.64.0.1']],
  ])
  const sets: string[][] = []
  const run: CommandRunner = async (file, args) => {
    if (file !== NETWORKSETUP) return ok('')
    const [verb, service = '', ...rest] = args
    if (verb === '-listnetworkserviceorder') return ok(SERVICE_ORDER)
    if (verb === '-getdnsservers') {
      const list = servers.get(service) ?? []
      return ok(list.length > 0 ? `${list.join('\n')}\n` : `There aren't any DNS Servers set on ${service}.\n`)
    }
    if (verb === '-setdnsservers') {
      sets.push([service, ...rest])
      if (options.refuseSet) return failed(4)
      servers.set(service, rest[0] === 'Empty' ? [] : rest)
      return ok('')
    }
    return failed()
  }
  return { run, servers, sets, backend: createMacBackend({ run, defaultInterfaces: async () => ['en0'] }) }
}

/** Servers in `silent` don't answer; everyone else answers NXDOMAIN for the probe name. */
export function fakeDns(silent: string[] = []) {
  return {
    query: async (question: DnsQuestion): Promise<DnsResponse> =>
      silent.includes(question.server)
        ? { ok: false, code: 'dns.timeout', detail: 'no answer', latencyMs: 3000, server: question.server }
        : { ok: true, rcode: 'NXDOMAIN', answers: [], authorities: [], latencyMs: 4, transport: 'udp', server: question.server },
    lookup: async () => ({ ok: true, detail: 'answered: no such name' }),
  }
}

export function setup(extra: Partial<DnsSettingsServiceOptions> & { silent?: string[]; refuseSet?: boolean } = {}) {
  const mac = simulatedMac({ refuseSet: extra.refuseSet })
  const dataDir = extra.dataDir ?? mkdtempSync(path.join(tmpdir(), 'netmend-service-'))
  const service = createDnsSettingsService({
    platform: 'darwin',
    run: mac.run,
    backend: mac.backend,
    dataDir,
    isElevated: async () => true,
    verify: fakeDns(extra.silent),
    ...extra,
  })
  return { mac, service, dataDir, journalPath: path.join(dataDir, 'dns-settings', 'journal.json') }
}
