// Only fixed commands with validated arguments ever run with admin rights: directly when NetMend already
// has them (root), otherwise as one command line through one @vscode/sudo-prompt dialog.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createStepExecutor, shellQuote, type SudoRunner } from '../../../src/main/dns-settings/elevation'
import { planFlush } from '../../../src/main/dns-settings/flush'
import { planLinuxApply, planLinuxRestore } from '../../../src/main/dns-settings/linux'
import { planMacApply } from '../../../src/main/dns-settings/macos'
import { isAllowedPowerShellScript, privilegedStepProblem } from '../../../src/main/dns-settings/privileged-commands'
import type { AdapterState, Step } from '../../../src/main/dns-settings/types'
import { createWindowsBackend, encodedPowerShell } from '../../../src/main/dns-settings/windows'
import { ok, tableRunner } from './helpers'

const uuid = '9a4c2e7b-1d2f-4a55-8c3e-5b6f7d8e9a01'
const nm: AdapterState = { owner: 'networkmanager', key: uuid, uuid, name: 'Wi-Fi', device: 'wlp2s0', ipv4Dns: [], ipv4IgnoreAutoDns: false, ipv6Dns: [], ipv6IgnoreAutoDns: false }
const resolved: AdapterState = { owner: 'systemd-resolved', key: 'eth0', interface: 'eth0', dns: ['192.0.2.1', 'fe80::1%eth0'], domains: ['lab.test', '~corp.example'] }
const mac: AdapterState = { owner: 'networksetup', key: 'USB 10/100/1000 LAN', service: 'USB 10/100/1000 LAN', device: 'en7', servers: [] }
const win: AdapterState = { owner: 'windows', key: 'g', index: 12, name: 'Wi-Fi', guid: '{5B3C1F4E-8A2D-4C6B-9E1F-3D7A2B6C8E01}', ipv4Manual: [], ipv6Manual: [] }
const steps = (plan: { ok: boolean; steps?: Step[] }): Step[] => (plan.ok ? (plan.steps ?? []) : [])

describe('the allowlist of privileged commands', () => {
  it('accepts every command the planners generate', () => {
    const generated = [
      ...steps(planLinuxApply(nm, ['1.1.1.1', '2606:4700:4700::1111'])),
      ...steps(planLinuxRestore(nm, [{ ...nm, ipv4Dns: ['1.1.1.1'] } as AdapterState])),
      ...steps(planLinuxRestore(nm, [])),
      ...steps(planLinuxApply(resolved, ['9.9.9.9'])),
      ...steps(planLinuxRestore(resolved, [{ ...resolved, dns: [] } as AdapterState])),
      ...steps(planLinuxApply({ owner: 'resolvconf', key: 'lo.netmend', interface: 'lo', record: 'lo.netmend', servers: null }, ['9.9.9.9'])),
      ...steps(planLinuxRestore({ owner: 'resolvconf', key: 'lo.netmend', interface: 'lo', record: 'lo.netmend', servers: null }, [])),
      ...steps(planMacApply(mac, ['1.1.1.1'])),
      ...steps(createWindowsBackend({ run: async () => ok(''), env: { SystemRoot: 'C:\\Windows' } }).planApply(win, ['1.1.1.1', '2606:4700:4700::1111'])),
      ...steps(createWindowsBackend({ run: async () => ok(''), env: { SystemRoot: 'C:\\Windows' } }).planRestore({ ...win, ipv4Manual: ['192.168.1.53'] } as AdapterState, [win])),
      ...(planFlush('darwin') as { steps: Step[] }).steps,
      ...(planFlush('linux', { resolvConf: 'nameserver 127.0.0.53\n', nscd: true }) as { steps: Step[] }).steps,
    ]
    expect(generated.length).toBeGreaterThan(12)
    for (const step of generated) expect(privilegedStepProblem(step), JSON.stringify(step)).toBeUndefined()
  })

  it.each([
    ['a program not on the list', { kind: 'run', file: 'rm', args: ['-rf', '/'] }],
    ['a shell', { kind: 'run', file: 'sh', args: ['-c', 'reboot'] }],
    ['an injected interface', { kind: 'run', file: 'resolvectl', args: ['dns', 'eth0;reboot', '1.1.1.1'] }],
    ['an injected server', { kind: 'run', file: 'resolvectl', args: ['dns', 'eth0', '1.1.1.1;reboot'] }],
    ['an unknown resolvectl verb', { kind: 'run', file: 'resolvectl', args: ['dnssec', 'eth0', 'no'] }],
    ['another nmcli property', { kind: 'run', file: 'nmcli', args: ['connection', 'modify', uuid, 'connection.autoconnect', 'no'] }],
    ['nmcli connection up (it would switch networks)', { kind: 'run', file: 'nmcli', args: ['connection', 'up', uuid] }],
    ['nmcli device reapply of an injected device', { kind: 'run', file: 'nmcli', args: ['device', 'reapply', 'wlp2s0;reboot'] }],
    ['another nmcli device verb', { kind: 'run', file: 'nmcli', args: ['device', 'disconnect', 'wlp2s0'] }],
    ['a bad nmcli server list', { kind: 'run', file: 'nmcli', args: ['connection', 'modify', uuid, 'ipv4.dns', '1.1.1.1 $(reboot)'] }],
    ['a quoted service name', { kind: 'run', file: '/usr/sbin/networksetup', args: ['-setdnsservers', 'Wi-Fi"; reboot; "', '1.1.1.1'] }],
    ['another networksetup verb', { kind: 'run', file: '/usr/sbin/networksetup', args: ['-setairportpower', 'en0', 'off'] }],
    ['killall of something else', { kind: 'run', file: '/usr/bin/killall', args: ['-9', 'Finder'] }],
    ['a resolvconf record of someone else', { kind: 'run', file: 'resolvconf', args: ['-d', 'eth0.dhclient', '-f'] }],
    ['resolvconf input that is not nameserver lines', { kind: 'run', file: 'resolvconf', args: ['-a', 'lo.netmend'], input: 'nameserver 1.1.1.1\nsearch evil\n' }],
    ['a relative file path', { kind: 'write-file', path: 'etc/resolv.conf', content: '' }],
    ['a file path with a quote', { kind: 'write-file', path: "/etc/resolv'.conf", content: '' }],
    ['a file path with a dollar sign', { kind: 'write-file', path: '/etc/$(reboot)', content: '' }],
    ['a file path going up', { kind: 'write-file', path: '/etc/../root/.ssh/authorized_keys', content: '' }],
    ['file contents too big for one command line', { kind: 'write-file', path: '/etc/resolv.conf', content: 'A'.repeat(64 * 1024) }],
    ['resolvconf input with a quote', { kind: 'run', file: 'resolvconf', args: ['-a', 'lo.netmend'], input: "nameserver 1.1.1.1'\n" }],
    ['PowerShell running something else', { kind: 'run', ...encodedPowerShell(['Remove-Item C:\\ -Recurse'], { SystemRoot: 'C:\\Windows' }) }],
  ] as [string, Step][])('refuses %s', (_label, step) => {
    expect(privilegedStepProblem(step)).toBeDefined()
  })

  it('PowerShell statements are re-validated value by value', () => {
    expect(isAllowedPowerShellScript("$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 12 -ServerAddresses ('1.1.1.1')")).toBe(true)
    expect(isAllowedPowerShellScript("$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 12 -ServerAddresses ('1.1.1.1'); calc")).toBe(false)
    expect(isAllowedPowerShellScript("$ErrorActionPreference = 'Stop'; Set-DnsClientServerAddress -InterfaceIndex 12 -ServerAddresses ('$(calc)')")).toBe(false)
    expect(isAllowedPowerShellScript("Set-DnsClientServerAddress -InterfaceIndex 12 -ResetServerAddresses")).toBe(false)
  })
})

describe('running the steps', () => {
  it('as root: each command runs directly as argv, no shell, no prompt', async () => {
    const { run, calls } = tableRunner({ [`resolvectl dns eth0 9.9.9.9`]: ok(''), [`resolvectl domain eth0 lab.test ~.`]: ok('') })
    let prompted = false
    const executor = createStepExecutor({ platform: 'linux', run, isElevated: async () => true, sudo: async () => ((prompted = true), { ok: true, stdout: '' }) })
    expect(await executor.execute(steps(planLinuxApply(resolved, ['9.9.9.9'])))).toEqual({ ok: true, elevatedWith: 'direct' })
    expect(calls).toEqual([
      ['resolvectl', 'dns', 'eth0', '9.9.9.9'],
      ['resolvectl', 'domain', 'eth0', 'lab.test', '~.'],
    ])
    expect(prompted).toBe(false)
  })

  it('without admin rights: one prompt for the whole change, every argument single-quoted, stdin and file bytes inside the command', async () => {
    const commands: string[] = []
    const sudo: SudoRunner = async (command) => {
      commands.push(command)
      return { ok: true, stdout: '' }
    }
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'netmend-etc-')), 'resolv.conf')
    writeFileSync(target, 'nameserver 192.0.2.1\n')
    const executor = createStepExecutor({ platform: 'linux', run: tableRunner({}).run, isElevated: async () => false, sudo })
    const batch: Step[] = [
      ...steps(planLinuxApply(nm, ['1.1.1.1'])),
      { kind: 'run', file: 'resolvconf', args: ['-a', 'lo.netmend'], input: 'nameserver 1.1.1.1\n' },
      { kind: 'write-file', path: target, content: Buffer.from('nameserver 1.1.1.1\n').toString('base64') },
    ]
    expect(await executor.execute(batch)).toEqual({ ok: true, elevatedWith: 'prompt' })
    expect(commands).toHaveLength(1)
    const parts = commands[0]!.split(' && ')
    expect(parts[0]).toBe(`'nmcli' 'connection' 'modify' '${uuid}' 'ipv4.dns' '1.1.1.1' 'ipv4.ignore-auto-dns' 'yes' 'ipv6.dns' '' 'ipv6.ignore-auto-dns' 'yes'`)
    expect(parts[1]).toBe(`'nmcli' 'device' 'reapply' 'wlp2s0'`)
    expect(parts[2]).toBe(`'/usr/bin/printf' '%s' '${Buffer.from('nameserver 1.1.1.1\n').toString('base64')}' | '/usr/bin/base64' '-d' | 'resolvconf' '-a' 'lo.netmend'`)
    // sudo-prompt wraps the line in bash -c "…" on Linux: nothing in it may mean anything inside double quotes.
    expect(commands[0]).not.toMatch(/[`$"\\]/)
  })

  it('without admin rights: root never reads a file a user could swap — the bytes travel in the command, land in a new file next to the target, are checked, synced and renamed', async () => {
    const staging = mkdtempSync(path.join(tmpdir(), 'netmend-data-'))
    const directory = mkdtempSync(path.join(tmpdir(), 'netmend-etc-'))
    const real = path.join(directory, 'real-resolv.conf')
    writeFileSync(real, 'nameserver 192.0.2.1\n', { mode: 0o644 })
    const link = path.join(directory, 'resolv.conf')
    symlinkSync(real, link)
    const content = 'nameserver 9.9.9.9\n'
    const commands: string[] = []
    const executor = createStepExecutor({
      platform: 'linux',
      run: tableRunner({}).run,
      isElevated: async () => false,
      sudo: async (command) => (commands.push(command), { ok: true, stdout: '' }),
    })
    expect(await executor.execute([{ kind: 'write-file', path: link, content: Buffer.from(content).toString('base64') }])).toMatchObject({ ok: true })
    const command = commands[0]!
    expect(command).not.toContain(staging)
    expect(command).not.toContain('/bin/cp')
    expect(command).not.toContain('<')
    expect(command).toContain(createHash('sha256').update(content).digest('hex'))
    expect(command).not.toMatch(/[`$"\\]/)
    // Run it the way sudo-prompt does on Linux (as this user, in a lab folder): the symlink stays, its target changes.
    const sudoPromptLine = `/bin/bash -c "echo SUDOPROMPT; ${command.replace(/"/g, '\\"')}"`
    execFileSync('/bin/sh', ['-c', sudoPromptLine])
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readFileSync(real, 'utf8')).toBe(content)
    expect(statSync(real).mode & 0o777).toBe(0o644)
    expect(readdirSync(directory).sort()).toEqual(['real-resolv.conf', 'resolv.conf'])
  })

  const canBindMount = process.getuid?.() === 0 && spawnSync('unshare', ['--mount', 'true']).status === 0
  it.runIf(canBindMount)('without admin rights, on a bind-mounted resolv.conf (containers, ip netns): the rename is refused, so the file is rewritten in place', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'netmend-etc-'))
    const target = path.join(directory, 'resolv.conf')
    const mounted = path.join(mkdtempSync(path.join(tmpdir(), 'netmend-netns-')), 'resolv.conf')
    writeFileSync(target, 'nameserver 192.0.2.1\n')
    writeFileSync(mounted, 'nameserver 192.0.2.99\noptions edns0 trust-ad\n')
    const commands: string[] = []
    const executor = createStepExecutor({ platform: 'linux', run: tableRunner({}).run, isElevated: async () => false, sudo: async (command) => (commands.push(command), { ok: true, stdout: '' }) })
    await executor.execute([{ kind: 'write-file', path: target, content: Buffer.from('nameserver 9.9.9.9\n').toString('base64') }])
    // A private mount namespace of this test only: the lab file is bind-mounted over the target there.
    const inside = `mount --bind '${mounted}' '${target}' && /bin/bash -c "${commands[0]!}"`
    const result = spawnSync('unshare', ['--mount', '--propagation', 'private', '/bin/sh', '-c', inside], { encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
    expect(readFileSync(mounted, 'utf8')).toBe('nameserver 9.9.9.9\n')
    expect(readdirSync(directory)).toEqual(['resolv.conf'])
  })

  it('without admin rights: bytes that do not match their checksum are never written', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'netmend-etc-'))
    const target = path.join(directory, 'resolv.conf')
    writeFileSync(target, 'nameserver 192.0.2.1\n')
    const commands: string[] = []
    const executor = createStepExecutor({ platform: 'linux', run: tableRunner({}).run, isElevated: async () => false, sudo: async (command) => (commands.push(command), { ok: true, stdout: '' }) })
    await executor.execute([{ kind: 'write-file', path: target, content: Buffer.from('nameserver 9.9.9.9\n').toString('base64') }])
    const tampered = commands[0]!.replace(Buffer.from('nameserver 9.9.9.9\n').toString('base64'), Buffer.from('nameserver 6.6.6.6\n').toString('base64'))
    expect(() => execFileSync('/bin/sh', ['-c', `/bin/bash -c "${tampered}"`], { stdio: 'ignore' })).toThrow()
    expect(readFileSync(target, 'utf8')).toBe('nameserver 192.0.2.1\n')
    expect(readdirSync(directory)).toEqual(['resolv.conf'])
  })

  it('Windows: the elevated batch line is powershell.exe with an encoded command and nothing else', async () => {
    const commands: string[] = []
    const executor = createStepExecutor({
      platform: 'win32',
      run: tableRunner({}).run,
      isElevated: async () => false,
      sudo: async (command) => (commands.push(command), { ok: true, stdout: '' }),
    })
    const backend = createWindowsBackend({ run: async () => ok(''), env: { SystemRoot: 'C:\\Windows' } })
    expect((await executor.execute(steps(backend.planApply(win, ['1.1.1.1'])))).ok).toBe(true)
    expect(commands[0]).toMatch(/^C:\\Windows\\System32\\WindowsPowerShell\\v1\.0\\powershell\.exe -NoProfile -NonInteractive -EncodedCommand [A-Za-z0-9+/]+=*$/)
  })

  it('a declined prompt is an error value, and so is a machine without a way to ask', async () => {
    const declined = createStepExecutor({ platform: 'darwin', run: tableRunner({}).run, isElevated: async () => false, sudo: async () => ({ ok: false, reason: 'declined', detail: 'User did not grant permission.' }) })
    expect(await declined.execute(steps(planMacApply(mac, ['1.1.1.1'])))).toMatchObject({ ok: false, code: 'dns-settings.elevation-declined' })
    const noAgent = createStepExecutor({ platform: 'linux', run: tableRunner({}).run, isElevated: async () => false, sudo: async () => ({ ok: false, reason: 'unavailable', detail: 'No polkit authentication agent found.' }) })
    expect(await noAgent.execute(steps(planLinuxApply(resolved, ['9.9.9.9'])))).toMatchObject({ ok: false, code: 'dns-settings.elevation-unavailable' })
  })

  it('a step that is not on the allowlist never reaches the runner or the prompt', async () => {
    const { run, calls } = tableRunner({})
    let prompted = false
    const executor = createStepExecutor({ platform: 'linux', run, isElevated: async () => true, sudo: async () => ((prompted = true), { ok: true, stdout: '' }) })
    const result = await executor.execute([
      { kind: 'run', file: 'resolvectl', args: ['dns', 'eth0', '1.1.1.1'] },
      { kind: 'run', file: 'resolvectl', args: ['dns', 'eth0', '$(reboot)'] },
    ])
    expect(result).toMatchObject({ ok: false, code: 'dns-settings.unsafe-name' })
    expect(calls).toEqual([])
    expect(prompted).toBe(false)
  })

  it('quotes for a POSIX shell', () => {
    expect(shellQuote('Wi-Fi')).toBe(`'Wi-Fi'`)
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`)
  })
})

describe('flushing the DNS cache', () => {
  it('per system, and honestly none where there is no cache', () => {
    expect(planFlush('win32')).toEqual({ method: 'ipconfig /flushdns', privileged: false, file: 'ipconfig', args: ['/flushdns'] })
    expect(planFlush('darwin')).toMatchObject({ privileged: true, steps: [{ file: '/usr/bin/dscacheutil', args: ['-flushcache'] }, { file: '/usr/bin/killall', args: ['-HUP', 'mDNSResponder'] }] })
    expect(planFlush('linux', { resolvConf: 'nameserver 127.0.0.53\noptions edns0\n' })).toMatchObject({ method: 'resolvectl flush-caches', steps: [{ file: 'resolvectl', args: ['flush-caches'] }] })
    expect(planFlush('linux', { resolvConf: 'nameserver 192.0.2.53\n', nscd: true })).toMatchObject({ method: 'nscd -i hosts' })
    expect(planFlush('linux', { resolvConf: 'nameserver 192.0.2.53\n', nscd: false })).toEqual({ method: 'none' })
  })
})
