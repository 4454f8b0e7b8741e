// npm run bench: the whole CLI's wall time in three lab worlds, next to the same lookups and fetches
// done one after another with dig and curl. Traffic stays inside the lab's own namespaces.
import { labUnavailableReason } from '../tests/lab/availability'
import { CLI_BUNDLE } from '../tests/lab/diagnose-in-world'
import { createWorld, LAB, LAB_NETMEND_CONFIG, type World, type WorldName } from '../tests/lab/lab'

const SCENARIOS: WorldName[] = ['healthy', 'site-bad-gateway', 'everything-silent']
const CLI_RUNS = Number(process.env.BENCH_RUNS ?? 5)
const SEQUENTIAL_RUNS = Number(process.env.BENCH_SEQUENTIAL_RUNS ?? 3)
const SITE_URL = `http://${LAB.siteName}/`

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2)
}

/** What NetMend asks, as a shell script of dig and curl calls with the same deadlines (1 s per DNS try, 2 tries). */
function sequentialScript(): string {
  const resolvers = [LAB.ispResolver, ...LAB_NETMEND_CONFIG.publicResolvers.map((resolver) => resolver.address)]
  const dig = (server: string, name: string, type: string) => `dig +time=1 +tries=2 +short @${server} ${name} ${type} >/dev/null`
  const lines = [
    `ping -c 1 -W 1 ${LAB.gateway} >/dev/null`,
    ...LAB_NETMEND_CONFIG.reachabilityTargets.map((target) => `timeout 2 bash -c '</dev/tcp/${target.address}/${target.port}'`),
    ...resolvers.map((server) => dig(server, LAB.connectivityName, 'A')),
    ...[LAB.ispResolver, ...resolvers.slice(1)].map((server) => dig(server, 'nmprobe-bench.com', 'A')),
    ...resolvers.flatMap((server) => [dig(server, LAB.siteName, 'A'), dig(server, LAB.siteName, 'AAAA')]),
    `curl -s -o /dev/null -m 4 ${LAB_NETMEND_CONFIG.captivePortalUrl}`,
    `for address in $(dig +time=1 +tries=2 +short @${LAB.ispResolver} ${LAB.siteName} A); do curl -s -o /dev/null -m 4 --resolve ${LAB.siteName}:80:$address ${SITE_URL}; done`,
  ]
  return lines.map((line) => `${line} || true`).join('\n')
}

async function timeCli(world: World): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < CLI_RUNS; run += 1) {
    const result = await world.exec(['node', CLI_BUNDLE, 'diagnose', SITE_URL, '--json', '--config', world.configPath], { timeoutMs: 30_000 })
    if (result.code === null || result.code > 1) throw new Error(`netmend failed in ${world.name}: ${result.stderr}`)
    times.push(result.durationMs)
  }
  return times
}

async function timeSequential(world: World): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < SEQUENTIAL_RUNS; run += 1) {
    const result = await world.exec(['bash', '-c', sequentialScript()], { timeoutMs: 120_000 })
    times.push(result.durationMs)
  }
  return times
}

const reason = labUnavailableReason()
if (reason) {
  console.log(`bench skipped: ${reason}`)
  process.exit(0)
}

const rows: string[][] = [['scenario', `netmend diagnose (median of ${CLI_RUNS})`, `dig + curl one after another (median of ${SEQUENTIAL_RUNS})`, 'verdict budget']]
for (const name of SCENARIOS) {
  const world = await createWorld(name)
  try {
    const cli = median(await timeCli(world))
    const sequential = median(await timeSequential(world))
    rows.push([name, `${cli} ms`, `${sequential} ms`, `${LAB_NETMEND_CONFIG.budgetMs} ms`])
  } finally {
    await world.destroy()
  }
}
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '))
console.log('\nWall time of the whole command, Node start-up included, run inside the lab client namespace.')
