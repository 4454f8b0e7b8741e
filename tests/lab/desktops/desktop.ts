// Real Linux desktops in the lab: Debian booted with systemd as PID 1 (systemd-nspawn) inside a lab
// world's client namespace, so it sees nothing but the world. The container's own network stack takes
// the client's addresses and DNS servers from the world's router (DHCP and router advertisements).
//
//   stack        rootfs (scripts/lab-rootfs.sh)  who configures eth0            who owns /etc/resolv.conf
//   resolved-nm  resolved-nm                     NetworkManager                 systemd-resolved (stub), fed by NM
//   resolved     resolved-nm, NM masked          systemd-networkd               systemd-resolved (stub)
//   nm           nm                              NetworkManager                 NetworkManager (a plain file it writes)
//   resolvconf   resolvconf                      ifupdown + dhclient            resolvconf
//
// The rootfs stays untouched (--volatile=overlay: every change lives in memory). NetMend runs inside
// with this machine's node and the built CLI, both mounted read-only, and the world's config.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, realpathSync, rmdirSync, rmSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { CLI_BUNDLE } from '../diagnose-in-world'
import { createWorld, isAlive, LAB, LAB6, NS_PREFIX, ownerPid, run, spawnCollect, toolEnv, type ExecResult, type World, type WorldName } from '../lab'

export type DesktopStack = 'resolved-nm' | 'resolved' | 'nm' | 'resolvconf'
type Rootfs = 'resolved-nm' | 'nm' | 'resolvconf'

/** The wired profile every NetworkManager desktop starts with (a keyfile NetworkManager may rewrite). */
export const WIRED_PROFILE = { name: 'Wired', uuid: '5f6b1c36-3c4e-4a57-9a0e-2f1d0c8b7a11' } as const

const NETWORK_MANAGER_KEYFILE = `[connection]
id=${WIRED_PROFILE.name}
uuid=${WIRED_PROFILE.uuid}
type=ethernet
interface-name=eth0

[ethernet]

[ipv4]
method=auto

[ipv6]
method=auto
addr-gen-mode=eui64
`

const NETWORKD_ETH0 = `[Match]
Name=eth0

[Network]
DHCP=ipv4
IPv6AcceptRA=yes

[DHCPv4]
UseDomains=yes

[IPv6AcceptRA]
UseDomains=yes
`

const IFUPDOWN_INTERFACES = `auto lo
iface lo inet loopback

auto eth0
iface eth0 inet dhcp
`

interface StackSpec {
  rootfs: Rootfs
  /** Units switched off on the boot line (systemd.mask=). */
  masked: string[]
  /** Units pulled in on the boot line (systemd.wants=). */
  wanted: string[]
  /** Files mounted read-only into the container: container path → content. */
  files: Record<string, string>
  /** A writable /etc/NetworkManager/system-connections holding WIRED_PROFILE. */
  networkManager: boolean
  /** Where the stack shows that it took the ISP's DNS servers from the router (true, or what it shows instead). */
  dnsFromRouter: (desktop: Desktop) => Promise<true | string>
}

/** systemd-resolved lists the ISP's IPv4 (DHCP) and IPv6 (router advertisement) servers for eth0. */
async function resolvedHasRouterDns(desktop: Desktop): Promise<true | string> {
  const dns = await desktop.exec(['resolvectl', 'dns', 'eth0'])
  return dns.stdout.includes(LAB.ispResolver) && dns.stdout.includes(LAB6.ispResolver) ? true : `resolvectl dns eth0: ${dns.stdout.trim() || dns.stderr.trim()}`
}

/** /etc/resolv.conf names these servers. */
function resolvConfNames(...servers: string[]): (desktop: Desktop) => Promise<true | string> {
  return async (desktop) => {
    const file = await desktop.exec(['cat', '/etc/resolv.conf'])
    return servers.every((server) => file.stdout.includes(`nameserver ${server}\n`)) ? true : `/etc/resolv.conf: ${file.stdout.trim() || file.stderr.trim()}`
  }
}

const STACKS: Readonly<Record<DesktopStack, StackSpec>> = {
  'resolved-nm': { rootfs: 'resolved-nm', masked: [], wanted: [], files: {}, networkManager: true, dnsFromRouter: resolvedHasRouterDns },
  resolved: {
    rootfs: 'resolved-nm',
    masked: ['NetworkManager.service', 'NetworkManager-wait-online.service', 'NetworkManager-dispatcher.service'],
    wanted: ['systemd-networkd.service'],
    files: { '/etc/systemd/network/50-eth0.network': NETWORKD_ETH0 },
    networkManager: false,
    dnsFromRouter: resolvedHasRouterDns,
  },
  nm: { rootfs: 'nm', masked: [], wanted: [], files: {}, networkManager: true, dnsFromRouter: resolvConfNames(LAB.ispResolver, LAB6.ispResolver) },
  // dhclient hands resolvconf the IPv4 servers only; the kernel configures IPv6 from the advertisements.
  resolvconf: {
    rootfs: 'resolvconf',
    masked: [],
    wanted: [],
    files: { '/etc/network/interfaces': IFUPDOWN_INTERFACES },
    networkManager: false,
    dnsFromRouter: resolvConfNames(LAB.ispResolver),
  },
}

/** Every container: no login prompt on a console nobody reads. */
const ALWAYS_MASKED = ['console-getty.service']

/** Where NetMend lives inside the container (all read-only). */
const INSIDE = {
  node: '/opt/netmend/node',
  cli: `/opt/netmend/cli/${path.basename(CLI_BUNDLE)}`,
  config: '/opt/netmend/netmend.json',
} as const

/** A clean environment, like a root shell's: nothing of the test runner leaks in. */
const INSIDE_ENV = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: '/root',
  LANG: 'C.UTF-8',
  NETMEND_CONFIG: INSIDE.config,
}

export interface Desktop {
  stack: DesktopStack
  world: World
  /** The container's name (and hostname). */
  machine: string
  /** This machine's pid of the container's PID 1 (systemd). */
  leader: number
  /** Runs argv inside the container (all its namespaces), as root with a clean environment. */
  exec(argv: string[], options?: { timeoutMs?: number; env?: Record<string, string> }): Promise<ExecResult>
  /** Runs `netmend ARGS…` inside the container, configured for the world (NETMEND_CONFIG). */
  netmend(args: string[], options?: { timeoutMs?: number }): Promise<ExecResult>
  /** Polls `check` until it is true; fails with `what`, the last detail and the boot log's tail at the deadline. */
  waitFor(what: string, check: () => Promise<true | string>, deadlineMs?: number): Promise<void>
  /**
   * Waits until the network is as the router configures it: an IPv4 default route, a usable global IPv6
   * address (not in duplicate address detection any more), and the ISP's DNS servers in the stack.
   */
  waitForRouterNetwork(deadlineMs?: number): Promise<void>
  /** The container's console output so far (the end of it). */
  bootLog(): string
  /** Stops the container (clean shutdown, killed at a deadline), removes its cgroups, then the world. Idempotent. */
  destroy(): Promise<void>
}

// ---------------------------------------------------------------------------------------------------------
// Root filesystems
// ---------------------------------------------------------------------------------------------------------

const ROOTFS_SCRIPT = path.resolve(process.cwd(), 'scripts/lab-rootfs.sh')
/** A first build downloads and unpacks a few hundred packages; later calls only print the cached path. */
export const ROOTFS_BUILD_DEADLINE_MS = 30 * 60_000

async function rootfsPath(variant: Rootfs): Promise<string> {
  const result = await run('bash', [ROOTFS_SCRIPT, variant], { timeoutMs: ROOTFS_BUILD_DEADLINE_MS, allowFail: true })
  const line = result.stdout.split('\n').find((candidate) => candidate.startsWith(`${variant} `))
  if (result.code !== 0 || line === undefined) throw new Error(`no ${variant} rootfs: ${result.stderr.trim() || `exit ${result.code}`}`)
  return line.slice(variant.length + 1).trim()
}

// ---------------------------------------------------------------------------------------------------------
// cgroups: each container gets its own, under ours, in every hierarchy systemd-nspawn uses. With
// --keep-unit nspawn makes "payload" and "supervisor" groups inside the group it starts in; two containers
// started from one group would share them.
// ---------------------------------------------------------------------------------------------------------

/** This process's group folder in the named systemd v1 hierarchy and in cgroup2, where mounted. */
function ownCgroupFolders(): string[] {
  const mounts = readFileSync('/proc/self/mounts', 'utf8').split('\n').map((line) => line.split(' '))
  const cgroup2 = mounts.find((fields) => fields[2] === 'cgroup2')?.[1]
  const namedSystemd = mounts.find((fields) => fields[2] === 'cgroup' && (fields[3] ?? '').split(',').includes('name=systemd'))?.[1]
  const folders: string[] = []
  for (const line of readFileSync('/proc/self/cgroup', 'utf8').split('\n')) {
    const [, controllers, group] = line.split(':')
    if (group === undefined) continue
    if (controllers === '' && cgroup2 !== undefined) folders.push(path.join(cgroup2, group))
    if (controllers === 'name=systemd' && namedSystemd !== undefined) folders.push(path.join(namedSystemd, group))
  }
  return folders
}

/** Kills what is left in a cgroup subtree and removes its folders, deepest first, until `deadline`. */
async function removeCgroup(folder: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      removeCgroupTree(folder)
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      if (performance.now() > deadline) throw new Error(`cgroup ${folder} not removable: ${(error as Error).message}`)
    }
    await sleep(50)
  }
}

function removeCgroupTree(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) removeCgroupTree(path.join(folder, entry.name))
  }
  for (const pid of readFileSync(path.join(folder, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL')
    } catch {
      // gone
    }
  }
  rmdirSync(folder)
}

// ---------------------------------------------------------------------------------------------------------
// Leftovers of dead runs
// ---------------------------------------------------------------------------------------------------------

/** nspawn's runtime folder of a container; it cannot remove it itself when /run is not a tmpfs. */
const NSPAWN_RUNTIME = '/run/systemd/nspawn/propagate'

/**
 * Removes the cgroups and nspawn runtime folders of containers whose test process is gone. Their namespaces
 * (and with them the containers' processes) are swept by createWorld already.
 */
export async function sweepLeftoverDesktops(): Promise<void> {
  const deadline = performance.now() + 10_000
  for (const parent of ownCgroupFolders()) {
    let entries: string[] = []
    try {
      entries = readdirSync(parent)
    } catch {
      continue
    }
    for (const entry of entries) {
      const owner = entry.startsWith(NS_PREFIX) ? ownerPid(entry) : null
      if (owner === null || isAlive(owner)) continue
      await removeCgroup(path.join(parent, entry), deadline)
    }
  }
  for (const entry of existsSync(NSPAWN_RUNTIME) ? readdirSync(NSPAWN_RUNTIME) : []) {
    const owner = ownerPid(entry)
    if (owner !== null && !isAlive(owner)) rmSync(path.join(NSPAWN_RUNTIME, entry), { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------------------
// The world around the desktop
// ---------------------------------------------------------------------------------------------------------

/**
 * From now on the router's DHCP server hands out `server` as the DNS server (as another network's would);
 * the desktop sees it when it renews its lease.
 */
export async function routerHandsOutDns(world: World, server: string): Promise<void> {
  const conf = path.join(world.dir, 'dnsmasq-dhcp.conf')
  const pidFile = path.join(world.dir, 'dnsmasq-dhcp.pid')
  await writeFile(conf, (await readFile(conf, 'utf8')).replace(/^dhcp-option=option:dns-server,.*$/m, `dhcp-option=option:dns-server,${server}`))
  const pid = Number((await readFile(pidFile, 'utf8')).trim())
  process.kill(pid, 'SIGTERM')
  const deadline = performance.now() + 10_000
  while (isAlive(pid)) {
    if (performance.now() > deadline) throw new Error(`the router's DHCP server (pid ${pid}) did not stop`)
    await sleep(20)
  }
  // Without --keep-in-foreground dnsmasq returns once it serves; the world's teardown stops it with the rest.
  await run('ip', ['netns', 'exec', world.routerNs, 'dnsmasq', `--conf-file=${conf}`])
}

// ---------------------------------------------------------------------------------------------------------
// Booting
// ---------------------------------------------------------------------------------------------------------

const BOOT_DEADLINE_MS = 90_000
const STOP_DEADLINE_MS = 15_000
/** For a suite's beforeAll/afterAll: a first rootfs build, a boot, a stop. */
export const BOOT_HOOK_TIMEOUT_MS = ROOTFS_BUILD_DEADLINE_MS + BOOT_DEADLINE_MS + 2 * STOP_DEADLINE_MS
const BOOT_LOG_LIMIT = 64 * 1024
const liveDesktops = new Set<DesktopImpl>()
let sweptOnce = false
let exitHandlerInstalled = false

/**
 * Builds `worldName` with a DHCP client, boots the stack's Debian in its client namespace and waits until
 * systemd reports the boot finished. On any failure everything is removed and the error rethrown.
 */
export async function bootDesktop(stack: DesktopStack, worldName: WorldName): Promise<Desktop> {
  const spec = STACKS[stack]
  const rootfs = await rootfsPath(spec.rootfs)
  const world = await createWorld(worldName, { client: 'dhcp' })
  if (!sweptOnce) {
    sweptOnce = true
    await sweepLeftoverDesktops()
  }
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true
    // After lab.ts's own handler has killed every process in the worlds' namespaces (the containers).
    process.on('exit', () => {
      for (const desktop of liveDesktops) desktop.killSync()
    })
  }
  const desktop = new DesktopImpl(stack, spec, world)
  liveDesktops.add(desktop)
  try {
    await desktop.boot(rootfs)
  } catch (error) {
    const log = desktop.bootLog()
    await desktop.destroy().catch(() => undefined)
    if (error instanceof Error) error.message += `\n--- container console (end) ---\n${log.slice(-4000)}`
    throw error
  }
  return desktop
}

class DesktopImpl implements Desktop {
  readonly machine: string
  leader = 0
  private nspawn: ChildProcess | null = null
  private nspawnExited: Promise<void> = Promise.resolve()
  private console = ''
  private cgroups: string[] = []
  private destroying: Promise<void> | null = null

  constructor(
    readonly stack: DesktopStack,
    private readonly spec: StackSpec,
    readonly world: World,
  ) {
    // The client namespace's name with the owner's pid, so sweeps find it: nmlab-<pid>-<n>-desktop.
    this.machine = world.clientNs.replace(/-client$/, '-desktop')
  }

  async boot(rootfs: string): Promise<void> {
    const spec = this.spec
    const binds = await this.prepareFiles(spec)
    this.cgroups = ownCgroupFolders().map((folder) => path.join(folder, this.machine))
    for (const folder of this.cgroups) await mkdir(folder)
    const bootLine = [...[...ALWAYS_MASKED, ...spec.masked].map((unit) => `systemd.mask=${unit}`), ...spec.wanted.map((unit) => `systemd.wants=${unit}`)]
    const nspawnArgs = [
      '--boot',
      `--directory=${rootfs}`,
      `--machine=${this.machine}`,
      '--register=no',
      '--keep-unit',
      `--network-namespace-path=/run/netns/${this.world.clientNs}`,
      // NetworkManager, networkd and dhclient configure the link; nothing else is granted.
      '--capability=CAP_NET_ADMIN',
      '--volatile=overlay',
      // The rootfs's own resolver setup, never this machine's.
      '--resolv-conf=off',
      '--timezone=off',
      '--link-journal=no',
      '--console=pipe',
      ...binds,
      ...bootLine,
    ]
    // nspawn must start inside the container's own cgroups: a tiny fixed shell moves itself there and execs
    // nspawn (the paths and arguments are positional parameters, never parsed by the shell).
    const moveAndExec = 'for group in "$@"; do [ "$group" = -- ] && break; echo $$ > "$group/cgroup.procs"; shift; done; shift; exec "$@"'
    const child = spawn('sh', ['-c', moveAndExec, 'sh', ...this.cgroups, '--', 'systemd-nspawn', ...nspawnArgs], {
      // /proc/sys/net of the container's own namespace writable: NetworkManager and networkd set IPv6 there.
      env: toolEnv({ SYSTEMD_NSPAWN_API_VFS_WRITABLE: 'network' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.nspawn = child
    this.nspawnExited = new Promise((resolve) => child.on('close', () => resolve()))
    const keep = (chunk: string): void => {
      this.console = (this.console + chunk).slice(-BOOT_LOG_LIMIT)
    }
    child.stdout?.setEncoding('utf8').on('data', keep)
    child.stderr?.setEncoding('utf8').on('data', keep)
    child.unref()

    const deadline = performance.now() + BOOT_DEADLINE_MS
    await this.waitFor(
      'the container to start systemd',
      async () => {
        const leader = await this.findLeader()
        if (leader === null) return 'no PID 1 in the namespace yet'
        this.leader = leader
        return true
      },
      BOOT_DEADLINE_MS,
    )
    // systemd answers once its bus is up; "degraded" (a unit failed) ends the wait as a failure.
    await this.waitFor(
      'systemd to finish booting',
      async () => {
        const state = await this.exec(['systemctl', 'is-system-running'])
        const said = state.stdout.trim()
        if (said === 'running') return true
        if (said === 'degraded' || said === 'maintenance' || said === 'stopping') {
          const failed = await this.exec(['systemctl', '--failed', '--no-legend', '--plain'])
          throw new Error(`${this.stack} desktop did not boot cleanly (${said}); failed units: ${failed.stdout.trim() || 'none'}`)
        }
        return said || state.stderr.trim() || `exit ${state.code}`
      },
      Math.max(1000, deadline - performance.now()),
    )
    await this.waitForRouterNetwork(Math.max(1000, deadline - performance.now()))
  }

  async waitForRouterNetwork(deadlineMs = 60_000): Promise<void> {
    await this.waitFor(
      `the ${this.stack} network stack to take addresses and DNS servers from the router`,
      async () => {
        const [route, ipv6] = await Promise.all([
          this.exec(['ip', '-4', 'route', 'show', 'default']),
          this.exec(['ip', '-6', '-o', 'addr', 'show', 'dev', 'eth0', 'scope', 'global']),
        ])
        if (!route.stdout.includes(`via ${LAB.gateway}`)) return `no IPv4 default route: ${route.stdout.trim()}`
        const usable = ipv6.stdout.split('\n').some((line) => line.includes(LAB6.lanPrefix.replace(/::$/, ':')) && !line.includes('tentative'))
        if (!usable) return `no usable global IPv6 address yet: ${ipv6.stdout.trim()}`
        return this.spec.dnsFromRouter(this)
      },
      deadlineMs,
    )
  }

  /** Writes the stack's files into the world's folder and returns the matching nspawn bind options. */
  private async prepareFiles(spec: StackSpec): Promise<string[]> {
    const dir = path.join(this.world.dir, 'desktop')
    await mkdir(dir, { recursive: true })
    const binds = [
      `--bind-ro=${realpathSync(process.execPath)}:${INSIDE.node}`,
      `--bind-ro=${path.dirname(CLI_BUNDLE)}:${path.dirname(INSIDE.cli)}`,
      `--bind-ro=${this.world.configPath}:${INSIDE.config}`,
    ]
    let index = 0
    for (const [inside, content] of Object.entries(spec.files)) {
      const file = path.join(dir, `file-${index++}`)
      await writeFile(file, content)
      binds.push(`--bind-ro=${file}:${inside}`)
    }
    if (spec.networkManager) {
      const connections = path.join(dir, 'system-connections')
      await mkdir(connections, { mode: 0o700 })
      // NetworkManager only reads keyfiles that root owns and nobody else may read.
      await writeFile(path.join(connections, `${WIRED_PROFILE.name}.nmconnection`), NETWORK_MANAGER_KEYFILE, { mode: 0o600 })
      binds.push(`--bind=${connections}:/etc/NetworkManager/system-connections`)
    }
    return binds
  }

  /** The process in the client namespace that is PID 1 of its own pid namespace. */
  private async findLeader(): Promise<number | null> {
    const { stdout } = await run('ip', ['netns', 'pids', this.world.clientNs], { allowFail: true })
    for (const pid of stdout.split(/\s+/).filter((text) => /^\d+$/.test(text))) {
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
      const nspid = /^NSpid:\s+(.*)$/m.exec(status)?.[1]?.trim().split(/\s+/)
      if (nspid !== undefined && nspid.length > 1 && nspid[nspid.length - 1] === '1') return Number(pid)
    }
    return null
  }

  async exec(argv: string[], options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<ExecResult> {
    if (this.leader === 0 || this.destroying) throw new Error(`${this.stack} desktop is not running`)
    const env = Object.entries({ ...INSIDE_ENV, ...options.env }).map(([key, value]) => `${key}=${value}`)
    return spawnCollect('nsenter', ['--target', String(this.leader), '--all', 'env', '-i', ...env, ...argv], {
      env: toolEnv(),
      timeoutMs: options.timeoutMs ?? 30_000,
    })
  }

  netmend(args: string[], options: { timeoutMs?: number } = {}): Promise<ExecResult> {
    return this.exec([INSIDE.node, INSIDE.cli, ...args], options)
  }

  async waitFor(what: string, check: () => Promise<true | string>, deadlineMs = 60_000): Promise<void> {
    const deadline = performance.now() + deadlineMs
    let detail = ''
    for (;;) {
      const outcome = await check()
      if (outcome === true) return
      detail = outcome
      if (this.nspawn?.exitCode !== null && this.nspawn?.exitCode !== undefined) {
        throw new Error(`the ${this.stack} container ended (exit ${this.nspawn.exitCode}) while waiting for ${what}`)
      }
      if (performance.now() > deadline) throw new Error(`waited ${deadlineMs} ms for ${what}; last: ${detail}\n--- console ---\n${this.console.slice(-3000)}`)
      await sleep(200)
    }
  }

  bootLog(): string {
    return this.console
  }

  destroy(): Promise<void> {
    if (!this.destroying) this.destroying = this.teardown()
    return this.destroying
  }

  private async teardown(): Promise<void> {
    const nspawn = this.nspawn
    if (nspawn !== null && nspawn.exitCode === null && nspawn.signalCode === null) {
      // SIGTERM: nspawn asks systemd inside for a clean poweroff. At the deadline the container's PID 1 is
      // killed, which ends every process in it.
      nspawn.kill('SIGTERM')
      const stopped = await Promise.race([this.nspawnExited.then(() => true), sleep(STOP_DEADLINE_MS).then(() => false)])
      if (!stopped) {
        if (this.leader !== 0) process.kill(this.leader, 'SIGKILL')
        await Promise.race([this.nspawnExited, sleep(STOP_DEADLINE_MS)])
        nspawn.kill('SIGKILL')
      }
    }
    const deadline = performance.now() + STOP_DEADLINE_MS
    for (const folder of this.cgroups) await removeCgroup(folder, deadline)
    rmSync(path.join(NSPAWN_RUNTIME, this.machine), { recursive: true, force: true })
    await this.world.destroy()
    liveDesktops.delete(this)
  }

  /** For the exit handler: whatever is left of the container goes; the next run's sweep removes its cgroups. */
  killSync(): void {
    try {
      if (this.leader !== 0) process.kill(this.leader, 'SIGKILL')
      this.nspawn?.kill('SIGKILL')
    } catch {
      // gone
    }
  }
}
