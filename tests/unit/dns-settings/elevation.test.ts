// What the admin step may touch and run is decided on the privileged side, from fixed lists: which
// programs (found in the system's own folders, never through PATH or the environment), which words, and
// which file (/etc/resolv.conf, or where it is allowed to lead). Everything it is handed is validated
// again there. It runs directly when NetMend already has admin rights, otherwise as one inline script
// handed to the system's own password prompt.
import { spawnSync } from 'node:child_process'
import { chmodSync, chownSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createStepExecutor, shellQuote } from '../../../src/main/dns-settings/elevation'
import type { ElevationRunner } from '../../../src/main/dns-settings/elevation-runners'
import { planFlush } from '../../../src/main/dns-settings/flush'
import { planLinuxApply, planLinuxRestore } from '../../../src/main/dns-settings/linux'
import { planMacApply, planMacRestore } from '../../../src/main/dns-settings/macos'
import {
  decodePowerShell,
  isAllowedPowerShellScript,
  POWERSHELL,
  privilegedProgram,
  privilegedStepProblem,
} from '../../../src/main/dns-settings/privileged-commands'
import { resolvConfProblem } from '../../../src/main/dns-settings/resolv-conf-grammar'
import type { AdapterState, Step } from '../../../src/main/dns-settings/types'
import { createWindowsBackend, encodedPowerShell } from '../../../src/main/dns-settings/windows'
import { findSystemTool, rootOnlyProblem, type PathFacts } from '../../../src/main/platform/root-only'
import { kernelSystemRoot } from '../../../src/main/platform/windows-system-root'
import { ok, tableRunner } from './helpers'

const uuid = '9a4c2e7b-1d2f-4a55-8c3e-5b6f7d8e9a01'
const nm: AdapterState = { owner: 'networkmanager', key: uuid, uuid, name: 'Wi-Fi', device: 'wlp2s0', ipv4Dns: [], ipv4IgnoreAutoDns: false, ipv6Dns: [], ipv6IgnoreAutoDns: false }
const resolved: AdapterState = { owner: 'systemd-resolved', key: 'eth0', interface: 'eth0', dns: ['192.0.2.1', 'fe80::1%eth0'], domains: ['lab.test', '~corp.example'] }
const mac: AdapterState = { owner: 'networksetup', key: 'USB 10/100/1000 LAN', service: 'USB 10/100/1000 LAN', device: 'en7', servers: [] }
const win: AdapterState = { owner: 'windows', key: '{5b3c1f4e-8a2d-4c6b-9e1f-3d7a2b6c8e01}', index: 12, name: 'Wi-Fi', guid: '{5B3C1F4E-8A2D-4C6B-9E1F-3D7A2B6C8E01}', ipv4Manual: [], ipv6Manual: [] }
const plainFile = (text: string): AdapterState => ({ owner: 'plain-file', key: '/etc/resolv.conf', path: '/etc/resolv.conf', target: '/etc/resolv.conf', content: Buffer.from(text).toString('base64') })
const steps = (plan: { ok: boolean; steps?: Step[] }): Step[] => (plan.ok ? (plan.steps ?? []) : [])
const windows = createWindowsBackend({ run: async () => ok('') })
const writeResolvConf = (text: string): Step => ({ kind: 'write-resolv-conf', content: Buffer.from(text).toString('base64') })
/** Where the tests pretend system programs are; the executor still decides which programs may run. */
const inUsrBin = async (name: string): Promise<string> => `/usr/bin/${name}`

describe('the allow-list of privileged commands', () => {
  it('accepts every command the planners generate, on the system they are for', () => {
    const generated: [NodeJS.Platform, Step[]][] = [
      ['linux', steps(planLinuxApply(nm, ['1.1.1.1', '2606:4700:4700::1111']))],
      ['linux', steps(planLinuxRestore(nm, [{ ...nm, ipv4Dns: ['1.1.1.1'] } as AdapterState]))],
      ['linux', steps(planLinuxRestore(nm, []))],
      ['linux', steps(planLinuxApply(resolved, ['9.9.9.9']))],
      ['linux', steps(planLinuxRestore(resolved, [{ ...resolved, dns: [] } as AdapterState]))],
      ['linux', steps(planLinuxApply({ owner: 'resolvconf', key: 'lo.netmend', interface: 'lo', record: 'lo.netmend', servers: null }, ['9.9.9.9']))],
      ['linux', steps(planLinuxRestore({ owner: 'resolvconf', key: 'lo.netmend', interface: 'lo', record: 'lo.netmend', servers: null }, []))],
      ['linux', steps(planLinuxApply(plainFile('search lab.test\nnameserver 192.0.2.1\noptions edns0\n'), ['9.9.9.9']))],
      ['linux', steps(planLinuxRestore(plainFile('nameserver 192.0.2.1\n'), [plainFile('nameserver 9.9.9.9\n')]))],
      ['linux', (planFlush('linux', { resolvConf: 'nameserver 127.0.0.53\n', nscd: true }) as { steps: Step[] }).steps],
      ['darwin', steps(planMacApply(mac, ['1.1.1.1']))],
      ['darwin', steps(planMacRestore(mac, [{ ...mac, servers: ['1.1.1.1'] } as AdapterState]))],
      ['darwin', (planFlush('darwin') as { steps: Step[] }).steps],
      ['win32', steps(windows.planApply(win, ['1.1.1.1', '2606:4700:4700::1111']))],
      ['win32', steps(windows.planRestore({ ...win, ipv4Manual: ['192.168.1.53'] } as AdapterState, [win]))],
    ]
    expect(generated.every(([, list]) => list.length > 0)).toBe(true)
    for (const [platform, list] of generated) for (const step of list) expect(privilegedStepProblem(step, platform), JSON.stringify(step)).toBeUndefined()
  })

  it.each([
    ['a program not on the list', 'linux', { kind: 'run', file: 'rm', args: ['-rf', '/'] }],
    ['a shell', 'linux', { kind: 'run', file: 'sh', args: ['-c', 'reboot'] }],
    ['a listed program given by a path of its own', 'linux', { kind: 'run', file: '/home/ana/bin/resolvectl', args: ['flush-caches'] }],
    ["another system's program", 'linux', { kind: 'run', file: '/usr/sbin/networksetup', args: ['-setdnsservers', 'Wi-Fi', '1.1.1.1'] }],
    ["Linux's program on macOS", 'darwin', { kind: 'run', file: 'resolvectl', args: ['flush-caches'] }],
    ['an injected interface', 'linux', { kind: 'run', file: 'resolvectl', args: ['dns', 'eth0;reboot', '1.1.1.1'] }],
    ['an injected server', 'linux', { kind: 'run', file: 'resolvectl', args: ['dns', 'eth0', '1.1.1.1;reboot'] }],
    ['an unknown resolvectl verb', 'linux', { kind: 'run', file: 'resolvectl', args: ['dnssec', 'eth0', 'no'] }],
    ['another nmcli property', 'linux', { kind: 'run', file: 'nmcli', args: ['connection', 'modify', uuid, 'connection.autoconnect', 'no'] }],
    ['nmcli connection up (it would switch networks)', 'linux', { kind: 'run', file: 'nmcli', args: ['connection', 'up', uuid] }],
    ['nmcli device reapply of an injected device', 'linux', { kind: 'run', file: 'nmcli', args: ['device', 'reapply', 'wlp2s0;reboot'] }],
    ['another nmcli device verb', 'linux', { kind: 'run', file: 'nmcli', args: ['device', 'disconnect', 'wlp2s0'] }],
    ['a bad nmcli server list', 'linux', { kind: 'run', file: 'nmcli', args: ['connection', 'modify', uuid, 'ipv4.dns', '1.1.1.1 $(reboot)'] }],
    ['a quoted service name', 'darwin', { kind: 'run', file: '/usr/sbin/networksetup', args: ['-setdnsservers', 'Wi-Fi"; reboot; "', '1.1.1.1'] }],
    ['another networksetup verb', 'darwin', { kind: 'run', file: '/usr/sbin/networksetup', args: ['-setairportpower', 'en0', 'off'] }],
    ['killall of something else', 'darwin', { kind: 'run', file: '/usr/bin/killall', args: ['-9', 'Finder'] }],
    ['a resolvconf record of someone else', 'linux', { kind: 'run', file: 'resolvconf', args: ['-d', 'eth0.dhclient', '-f'] }],
    ['resolvconf input that is not nameserver lines', 'linux', { kind: 'run', file: 'resolvconf', args: ['-a', 'lo.netmend'], input: 'nameserver 1.1.1.1\nsearch evil\n' }],
    ['resolvconf input with a quote', 'linux', { kind: 'run', file: 'resolvconf', args: ['-a', 'lo.netmend'], input: "nameserver 1.1.1.1'\n" }],
    ['PowerShell running something else', 'win32', { kind: 'run', ...encodedPowerShell(['Remove-Item C:\\ -Recurse']) }],
    ['a PowerShell given by a path of its own', 'win32', { kind: 'run', file: 'C:\\Users\\ana\\AppData\\Local\\Temp\\powershell.exe', args: encodedPowerShell(['Set-DnsClientServerAddress -InterfaceIndex 12 -ResetServerAddresses']).args }],
    ["even Windows' own PowerShell, when the step names it by a path", 'win32', { kind: 'run', file: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', args: encodedPowerShell(['Set-DnsClientServerAddress -InterfaceIndex 12 -ResetServerAddresses']).args }],
    ['resolv.conf written on macOS', 'darwin', writeResolvConf('nameserver 1.1.1.1\n')],
  ] as [string, NodeJS.Platform, Step][])('refuses %s', (_label, platform, step) => {
    expect(privilegedStepProblem(step, platform)).toBeDefined()
  })

  it('resolvectl domain takes search and routing domains, nothing else', () => {
    const domain = (...values: string[]): Step => ({ kind: 'run', file: 'resolvectl', args: ['domain', 'eth0', ...values] })
    expect(privilegedStepProblem(domain('lab.test', '~corp.example', '~.'), 'linux')).toBeUndefined()
    for (const bad of [['$(reboot)'], ['--set-dns=6.6.6.6'], ['-h'], ['lab.test', 'x;reboot'], ['a b'], ['~~.'], []]) {
      expect(privilegedStepProblem(domain(...bad), 'linux'), JSON.stringify(bad)).toBeDefined()
    }
  })

  it('nmcli ignore-auto-dns takes yes or no, nothing else', () => {
    const ignore = (value: string): Step => ({ kind: 'run', file: 'nmcli', args: ['connection', 'modify', uuid, 'ipv4.ignore-auto-dns', value] })
    expect(privilegedStepProblem(ignore('yes'), 'linux')).toBeUndefined()
    expect(privilegedStepProblem(ignore('no'), 'linux')).toBeUndefined()
    for (const bad of ['maybe', 'yes;reboot', '', 'true', 'yes ipv4.dns 6.6.6.6']) expect(privilegedStepProblem(ignore(bad), 'linux'), bad).toBeDefined()
    // A property without its value is not a property.
    expect(privilegedStepProblem({ kind: 'run', file: 'nmcli', args: ['connection', 'modify', uuid, 'ipv4.ignore-auto-dns'] }, 'linux')).toBeDefined()
  })

  it('PowerShell statements are re-validated value by value', () => {
    expect(isAllowedPowerShellScript("$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 12 -ServerAddresses ('1.1.1.1')")).toBe(true)
    expect(isAllowedPowerShellScript("$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 12 -ServerAddresses ('1.1.1.1'); calc")).toBe(false)
    expect(isAllowedPowerShellScript("$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 12 -ServerAddresses ('$(calc)')")).toBe(false)
    expect(isAllowedPowerShellScript("$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 0 -ResetServerAddresses")).toBe(false)
    expect(isAllowedPowerShellScript('Set-DnsClientServerAddress -InterfaceIndex 12 -ResetServerAddresses')).toBe(false)
  })
})

describe('the resolv.conf the admin step may write', () => {
  it('accepts what resolv.conf holds: nameserver, search, domain, options, sortlist, comments, blank lines, CRLF', () => {
    const text = '# by hand\n; note\n\nsearch lab.test corp.example.\ndomain lab.test\nnameserver 192.0.2.1 # home\nnameserver fe80::1%eth0\noptions timeout:1 attempts:2 edns0 trust-ad\nsortlist 192.0.2.0/255.255.255.0\r\n   \t\n# Grüße\n'
    expect(resolvConfProblem(Buffer.from(text))).toBeUndefined()
    expect(resolvConfProblem(Buffer.alloc(0))).toBeUndefined()
  })

  it.each([
    ['a sudoers line', 'root ALL=(ALL:ALL) ALL\n'],
    ['a shell line', 'nameserver 1.1.1.1\n$(reboot)\n'],
    ['a nameserver that is a name', 'nameserver dns.example\n'],
    ['a nameserver with a command', 'nameserver 1.1.1.1;reboot\n'],
    ['two addresses on one nameserver line', 'nameserver 1.1.1.1 8.8.8.8\n'],
    ['a keyword without a value', 'nameserver\n'],
    ['an unknown keyword', 'lookup file bind\n'],
    ['a search list with a path', 'search ../../etc\n'],
    ['an option with a path', 'options /etc/shadow\n'],
    ['a control character', 'nameserver 1.1.1.1\u0007\n'],
    ['a NUL byte', 'nameserver 1.1.1.1\u0000\n'],
    ['bytes that are not UTF-8', Buffer.from([0x6e, 0xff, 0xfe, 0x0a])],
    ['a file over 4 KiB', `# ${'x'.repeat(5000)}\n`],
  ] as [string, string | Buffer][])('refuses %s', (_label, text) => {
    const bytes = typeof text === 'string' ? Buffer.from(text) : text
    expect(resolvConfProblem(bytes)).toBeDefined()
    expect(privilegedStepProblem({ kind: 'write-resolv-conf', content: bytes.toString('base64') }, 'linux')).toBeDefined()
  })

  it('contents that are not base64 are refused', () => {
    expect(privilegedStepProblem({ kind: 'write-resolv-conf', content: "bmFtZXNlcnZlcg==';reboot;'" }, 'linux')).toBeDefined()
  })

  it('a line of a megabyte is judged in one pass', () => {
    const hostile = Buffer.from(`nameserver ${' '.repeat(1 << 20)}1.1.1.1 x\n`)
    expect(resolvConfProblem(hostile)).toMatch(/bytes/)
  })
})

describe('where the privileged side finds its programs', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })
  /** A fake file system: every path root's unless listed otherwise. */
  const facts = (overrides: Record<string, Partial<PathFacts>>) => async (file: string): Promise<PathFacts> => ({ uid: 0, mode: 0o40755, ...overrides[file] })

  it('Linux: a program in a system folder that only root can change', async () => {
    const real = async (file: string): Promise<string> => (file === '/usr/sbin/resolvconf' ? Promise.reject(new Error('ENOENT')) : file)
    expect(await findSystemTool('resolvconf', { lstat: facts({}), realPath: real })).toBe('/usr/bin/resolvconf')
  })

  it.each([
    ['the program belongs to someone else', { '/usr/sbin/resolvectl': { uid: 1000 } }],
    ['others may write the program', { '/usr/sbin/resolvectl': { mode: 0o100777 } }],
    ['others may write a folder above it', { '/usr': { mode: 0o40777 } }],
    ['even a sticky folder above it', { '/usr/sbin': { mode: 0o41777 } }],
  ] as [string, Record<string, Partial<PathFacts>>][])('Linux: not found when %s', async (_label, overrides) => {
    const onlyInSbin = async (file: string): Promise<string> => (file.startsWith('/usr/sbin') ? file : Promise.reject(new Error('ENOENT')))
    expect(await findSystemTool('resolvectl', { lstat: facts(overrides), realPath: onlyInSbin })).toBeUndefined()
  })

  it('Linux: a symlink in a system folder counts only if what it leads to is root\'s alone', async () => {
    const link = async (file: string): Promise<string> => (file === '/usr/sbin/nscd' ? '/home/ana/bin/nscd' : Promise.reject(new Error('ENOENT')))
    expect(await findSystemTool('nscd', { lstat: facts({ '/home/ana/bin/nscd': { uid: 1000 }, '/home/ana/bin': { uid: 1000 }, '/home/ana': { uid: 1000 } }), realPath: link })).toBeUndefined()
  })

  it('Linux, for real: sh is found in a system folder; a program on PATH is not, and names are names', async () => {
    const sh = await findSystemTool('sh')
    expect(sh).toMatch(/^\/(usr\/)?s?bin\/sh$/)
    const planted = mkdtempSync(path.join(tmpdir(), 'netmend-path-'))
    writeFileSync(path.join(planted, 'netmend-planted-tool'), '#!/bin/sh\n', { mode: 0o755 })
    vi.stubEnv('PATH', `${planted}:${process.env.PATH ?? ''}`)
    expect(await findSystemTool('netmend-planted-tool')).toBeUndefined()
    expect(await findSystemTool('../bin/sh')).toBeUndefined()
  })

  it.runIf(process.getuid?.() === 0)('Linux, for real: a folder an ordinary account owns is not root\'s alone, even inside /tmp', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'netmend-owned-'))
    expect(await rootOnlyProblem(folder, { stickyAncestors: true })).toBeUndefined()
    expect(await rootOnlyProblem(folder)).toMatch(/may be changed by other accounts/)
    chownSync(folder, 65534, 65534)
    expect(await rootOnlyProblem(folder, { stickyAncestors: true })).toMatch(/belongs to user 65534/)
    const open = path.join(mkdtempSync(path.join(tmpdir(), 'netmend-open-')), 'inner')
    mkdirSync(open)
    chmodSync(open, 0o777)
    expect(await rootOnlyProblem(open, { stickyAncestors: true })).toMatch(/may be changed/)
  })

  it("Windows: PowerShell comes from the folder the kernel names, never from %SystemRoot%", async () => {
    const seams = (root: string | undefined) => ({ locateTool: inUsrBin, systemRoot: () => root })
    expect(await privilegedProgram(POWERSHELL, 'win32', seams('C:\\Windows'))).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe')
    expect(await privilegedProgram(POWERSHELL, 'win32', seams('D:\\WINNT'))).toBe('D:\\WINNT\\System32\\WindowsPowerShell\\v1.0\\powershell.exe')
    // Not resolvable: no PowerShell at all, rather than one found through the environment.
    vi.stubEnv('SystemRoot', 'C:\\Users\\ana\\evil')
    expect(await privilegedProgram(POWERSHELL, 'win32', seams(undefined))).toBeUndefined()
    for (const odd of ['\\\\attacker\\share\\Windows', 'C:\\Windows\\..\\Users\\ana', 'C:', 'Windows', 'C:\\Win"dows', '\\\\?\\C:\\Windows']) {
      expect(await privilegedProgram(POWERSHELL, 'win32', seams(odd)), odd).toBeUndefined()
    }
    expect(await privilegedProgram('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'win32', seams('C:\\Windows'))).toBeUndefined()
  })

  it('Windows: the kernel\'s \\SystemRoot link resolves to a plain local folder, or to nothing', () => {
    expect(kernelSystemRoot(() => 'C:\\Windows')).toBe('C:\\Windows')
    expect(kernelSystemRoot(() => '\\\\?\\C:\\Windows')).toBe('C:\\Windows')
    expect(kernelSystemRoot(() => '\\\\?\\UNC\\attacker\\share')).toBeUndefined()
    expect(kernelSystemRoot(() => '\\\\attacker\\share')).toBeUndefined()
    expect(
      kernelSystemRoot(() => {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
      }),
    ).toBeUndefined()
  })
})

describe('running the steps', () => {
  it('as root: each command runs directly as argv by the absolute path the privileged side found, no shell, no prompt', async () => {
    const { run, calls } = tableRunner({ '/usr/bin/resolvectl dns eth0 9.9.9.9': ok(''), '/usr/bin/resolvectl domain eth0 lab.test ~.': ok('') })
    let prompted = false
    const executor = createStepExecutor({ platform: 'linux', run, isElevated: async () => true, locateTool: inUsrBin, elevate: async () => ((prompted = true), { ok: true }) })
    expect(await executor.execute(steps(planLinuxApply(resolved, ['9.9.9.9'])))).toEqual({ ok: true, elevatedWith: 'direct' })
    expect(calls).toEqual([
      ['/usr/bin/resolvectl', 'dns', 'eth0', '9.9.9.9'],
      ['/usr/bin/resolvectl', 'domain', 'eth0', 'lab.test', '~.'],
    ])
    expect(prompted).toBe(false)
  })

  it('a program that is not among the system\'s own is refused before anything runs', async () => {
    const { run, calls } = tableRunner({})
    const executor = createStepExecutor({ platform: 'linux', run, isElevated: async () => true, locateTool: async (name) => (name === 'nmcli' ? undefined : `/usr/bin/${name}`) })
    expect(await executor.execute([{ kind: 'run', file: 'resolvectl', args: ['flush-caches'] }, ...steps(planLinuxApply(nm, ['1.1.1.1']))])).toMatchObject({ ok: false, code: 'dns-settings.refused' })
    expect(calls).toEqual([])
  })

  it('as root: resolv.conf is written where root finds /etc/resolv.conf leads, only if that is on the fixed list', async () => {
    const written: string[] = []
    const writer = async (file: string): Promise<void> => void written.push(file)
    const leadsTo = (target: string) => createStepExecutor({ platform: 'linux', run: tableRunner({}).run, isElevated: async () => true, realPath: async () => target, writeSystemFile: writer })
    expect(await leadsTo('/etc/resolv.conf').execute([writeResolvConf('nameserver 9.9.9.9\n')])).toEqual({ ok: true, elevatedWith: 'direct' })
    expect(await leadsTo('/run/NetworkManager/resolv.conf').execute([writeResolvConf('nameserver 9.9.9.9\n')])).toMatchObject({ ok: true })
    for (const elsewhere of ['/etc/sudoers', '/home/ana/resolv.conf', '/run/systemd/resolve/stub-resolv.conf', '/etc/resolv.conf.d/../sudoers']) {
      expect(await leadsTo(elsewhere).execute([writeResolvConf('nameserver 9.9.9.9\n')])).toMatchObject({ ok: false, code: 'dns-settings.refused' })
    }
    expect(written).toEqual(['/etc/resolv.conf', '/run/NetworkManager/resolv.conf'])
  })

  it('without admin rights: one prompt for the whole change; absolute programs, every argument single-quoted, stdin and file bytes inside the script', async () => {
    const scripts: string[] = []
    const executor = createStepExecutor({ platform: 'linux', run: tableRunner({}).run, isElevated: async () => false, locateTool: inUsrBin, elevate: async (script) => (scripts.push(script), { ok: true }) })
    const batch: Step[] = [
      ...steps(planLinuxApply(nm, ['1.1.1.1'])),
      { kind: 'run', file: 'resolvconf', args: ['-a', 'lo.netmend'], input: 'nameserver 1.1.1.1\n' },
      writeResolvConf('nameserver 1.1.1.1\n'),
    ]
    expect(await executor.execute(batch)).toEqual({ ok: true, elevatedWith: 'prompt' })
    expect(scripts).toHaveLength(1)
    const script = scripts[0]!
    expect(script.startsWith('if ')).toBe(true)
    expect(script.endsWith('; then exit 0; fi; exit 3')).toBe(true)
    expect(script).toContain(`'/usr/bin/nmcli' 'connection' 'modify' '${uuid}' 'ipv4.dns' '1.1.1.1' 'ipv4.ignore-auto-dns' 'yes' 'ipv6.dns' '' 'ipv6.ignore-auto-dns' 'yes' && '/usr/bin/nmcli' 'device' 'reapply' 'wlp2s0'`)
    expect(script).toContain(`'/usr/bin/printf' '%s' '${Buffer.from('nameserver 1.1.1.1\n').toString('base64')}' | '/usr/bin/base64' -d | '/usr/bin/resolvconf' '-a' 'lo.netmend'`)
    // The file to write is not in the script as a path of anyone's choosing: root resolves /etc/resolv.conf.
    expect(script).toContain(`'/usr/bin/realpath' -e -- '/etc/resolv.conf'`)
  })

  it('the elevated script stops at the first failing step and never exits with pkexec\'s own 126/127', async () => {
    const scripts: string[] = []
    const executor = createStepExecutor({ platform: 'linux', run: tableRunner({}).run, isElevated: async () => false, locateTool: async (name) => `/nonexistent/${name}`, elevate: async (script) => (scripts.push(script), { ok: true }) })
    await executor.execute([{ kind: 'run', file: 'resolvectl', args: ['flush-caches'] }])
    const ran = spawnSync('/bin/sh', ['-c', scripts[0]!])
    expect(ran.status).toBe(3)
  })

  it('a declined prompt, a machine without a way to ask and a failed step are three different answers', async () => {
    const outcome = (answer: Awaited<ReturnType<ElevationRunner>>) =>
      createStepExecutor({ platform: 'darwin', run: tableRunner({}).run, isElevated: async () => false, elevate: async () => answer }).execute(steps(planMacApply(mac, ['1.1.1.1'])))
    expect(await outcome({ ok: false, reason: 'declined', detail: 'User canceled. (-128)' })).toMatchObject({ ok: false, code: 'dns-settings.elevation-declined' })
    expect(await outcome({ ok: false, reason: 'unavailable', detail: 'no agent' })).toMatchObject({ ok: false, code: 'dns-settings.elevation-unavailable' })
    expect(await outcome({ ok: false, reason: 'failed', detail: 'exit 3' })).toMatchObject({ ok: false, code: 'dns-settings.apply-failed' })
  })

  it('a step that is not on the allow-list never reaches the runner or the prompt', async () => {
    const { run, calls } = tableRunner({})
    let prompted = false
    for (const elevated of [true, false]) {
      const executor = createStepExecutor({ platform: 'linux', run, isElevated: async () => elevated, locateTool: inUsrBin, elevate: async () => ((prompted = true), { ok: true }) })
      const result = await executor.execute([
        { kind: 'run', file: 'resolvectl', args: ['dns', 'eth0', '1.1.1.1'] },
        { kind: 'run', file: 'resolvectl', args: ['dns', 'eth0', '$(reboot)'] },
      ])
      expect(result).toMatchObject({ ok: false, code: 'dns-settings.refused' })
    }
    expect(calls).toEqual([])
    expect(prompted).toBe(false)
  })

  it('Windows: one prompt runs every statement in one script; already elevated, Windows\' own PowerShell runs each step', async () => {
    const scripts: string[] = []
    const prompting = createStepExecutor({ platform: 'win32', run: tableRunner({}).run, isElevated: async () => false, systemRoot: () => 'C:\\Windows', elevate: async (script) => (scripts.push(script), { ok: true }) })
    const both = [...steps(windows.planApply(win, ['1.1.1.1'])), ...steps(windows.planRestore({ ...win, ipv4Manual: ['192.168.1.53'] } as AdapterState, [win]))]
    expect(await prompting.execute(both)).toMatchObject({ ok: true, elevatedWith: 'prompt' })
    expect(scripts).toEqual([
      "$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 12 -ServerAddresses ('1.1.1.1'); Set-DnsClientServerAddress -InterfaceIndex 12 -ResetServerAddresses; Set-DnsClientServerAddress -InterfaceIndex 12 -ServerAddresses ('192.168.1.53')",
    ])
    const { run, calls } = tableRunner({})
    const direct = createStepExecutor({ platform: 'win32', run: async (file, args) => (await run(file, args), ok('')), isElevated: async () => true, systemRoot: () => 'C:\\Windows' })
    expect(await direct.execute(both)).toMatchObject({ ok: true, elevatedWith: 'direct' })
    expect(calls.map((call) => call[0])).toEqual(['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'])
    expect(calls.map((call) => decodePowerShell(call[4] ?? ''))).toEqual([
      "$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 12 -ServerAddresses ('1.1.1.1')",
      "$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 12 -ResetServerAddresses; Set-DnsClientServerAddress -InterfaceIndex 12 -ServerAddresses ('192.168.1.53')",
    ])
  })

  it("Windows: where the kernel's folder cannot be resolved, nothing runs and nobody is asked", async () => {
    const { run, calls } = tableRunner({})
    let prompted = false
    const executor = createStepExecutor({ platform: 'win32', run, isElevated: async () => false, systemRoot: () => undefined, elevate: async () => ((prompted = true), { ok: true }) })
    expect(await executor.execute(steps(windows.planApply(win, ['1.1.1.1'])))).toMatchObject({ ok: false, code: 'dns-settings.refused' })
    expect(calls).toEqual([])
    expect(prompted).toBe(false)
  })

  it('quotes for a POSIX shell', () => {
    expect(shellQuote('Wi-Fi')).toBe(`'Wi-Fi'`)
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`)
  })
})

describe('the restore pre-check: a saved state must be exactly what NetMend writes', () => {
  const refused = { ok: false, code: 'dns-settings.refused' }
  it.each([
    ['a plain file somewhere else', { ...plainFile('nameserver 1.1.1.1\n'), path: '/etc/sudoers', key: '/etc/sudoers' }],
    ['a plain file by path traversal', { ...plainFile('nameserver 1.1.1.1\n'), path: '/etc/../etc/sudoers', key: '/etc/../etc/sudoers' }],
    ['a plain file with sudoers contents', plainFile('ALL ALL=(ALL) NOPASSWD: ALL\n')],
    ['a plain file with a name for a server', plainFile('nameserver attacker.example\n')],
    ['a plain file of a megabyte', plainFile(`# ${'x'.repeat(1 << 20)}\n`)],
    ['a resolved link with a server that is a name', { ...resolved, dns: ['attacker.example'] }],
    ['a resolved link with an option for a domain', { ...resolved, domains: ['--set-dns=6.6.6.6'] }],
    ['a NetworkManager profile with a bad server', { ...nm, ipv4Dns: ['1.1.1.1 6.6.6.6'] }],
    ['a NetworkManager profile whose flag is a word', { ...nm, ipv4IgnoreAutoDns: 'yes' }],
    ['a NetworkManager profile on an injected device', { ...nm, device: 'wlp2s0;reboot' }],
    ['a resolvconf record of someone else', { owner: 'resolvconf', key: 'eth0.dhclient', interface: 'lo', record: 'eth0.dhclient', servers: null }],
  ] as [string, AdapterState][])('Linux refuses %s', (_label, saved) => {
    expect(planLinuxRestore(saved, [])).toMatchObject(refused)
  })

  it.each([
    ['a service name with a quote', { ...mac, service: 'Wi-Fi"; reboot', key: 'Wi-Fi"; reboot' }],
    ['more servers than macOS takes', { ...mac, servers: Array.from({ length: 40 }, (_, index) => `192.0.2.${index + 1}`) }],
    ['a server with a zone', { ...mac, servers: ['fe80::1%en0'] }],
  ] as [string, AdapterState][])('macOS refuses %s', (_label, saved) => {
    expect(planMacRestore(saved, [mac])).toMatchObject(refused)
  })

  it.each([
    ['an index that is not a number', { ...win, index: '12; calc' }],
    ['a GUID that is not one', { ...win, guid: 'Wi-Fi', key: 'wi-fi' }],
    ['an IPv6 server in the IPv4 list', { ...win, ipv4Manual: ['2001:db8::1'] }],
    ['a server that is a command', { ...win, ipv4Manual: ["1.1.1.1'); calc; ('"] }],
  ] as [string, AdapterState][])('Windows refuses %s', (_label, saved) => {
    expect(windows.planRestore(saved, [win])).toMatchObject(refused)
  })
})

describe('flushing the DNS cache', () => {
  it('per system, and honestly none where there is no cache', () => {
    expect(planFlush('win32', { systemRoot: 'C:\\Windows' })).toEqual({ method: 'ipconfig /flushdns', privileged: false, file: 'C:\\Windows\\System32\\ipconfig.exe', args: ['/flushdns'] })
    expect(planFlush('win32')).toMatchObject({ file: 'ipconfig' })
    expect(planFlush('darwin')).toMatchObject({ privileged: true, steps: [{ file: '/usr/bin/dscacheutil', args: ['-flushcache'] }, { file: '/usr/bin/killall', args: ['-HUP', 'mDNSResponder'] }] })
    expect(planFlush('linux', { resolvConf: 'nameserver 127.0.0.53\noptions edns0\n' })).toMatchObject({ method: 'resolvectl flush-caches', steps: [{ file: 'resolvectl', args: ['flush-caches'] }] })
    expect(planFlush('linux', { resolvConf: 'nameserver 192.0.2.53\n', nscd: true })).toMatchObject({ method: 'nscd -i hosts' })
    expect(planFlush('linux', { resolvConf: 'nameserver 192.0.2.53\n', nscd: false })).toEqual({ method: 'none' })
  })
})
