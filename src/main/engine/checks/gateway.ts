import type { DefaultGateway } from '../../platform/gateway'
import { withZone } from '../../platform/ip-address'
import { pingCommand } from '../../platform/ping-command'
import type { Check } from '../check'
import { connectTcp } from '../probes/tcp-connect'

// Many routers ignore pings but run a web admin page or a DNS forwarder: a TCP reply, even a refusal, proves they are alive.
const ROUTER_PORTS = [53, 80, 443]
// How long the knocks go first. Starting ping (fork and exec) stalls this process for several milliseconds,
// while every other check waits on its sockets; a router that answers a knock, most do within a few
// milliseconds, needs no ping at all. A router that answers no knock is pinged this much later.
const PING_AFTER_MS = 25

type Context = Parameters<Check['run']>[0]

/** One ICMP echo through the system's ping tool (no raw sockets without root); false when unavailable. */
async function pingGateway(gateway: DefaultGateway, timeoutMs: number, context: Context, signal: AbortSignal): Promise<boolean> {
  const command = pingCommand(gateway.address, { platform: context.system.platform, timeoutMs, zone: gateway.zone })
  if (command === undefined) return false
  try {
    const output = await context.system.run(command.file, command.args, { timeoutMs: timeoutMs + 500, signal })
    return output.ok && output.code === 0
  } catch {
    return false
  }
}

async function gatewayAnswers(gateway: DefaultGateway, timeoutMs: number, context: Context, signal: AbortSignal): Promise<boolean> {
  // IPv6 routers announce themselves from link-local addresses, which only mean something with their interface.
  const reachable = withZone(gateway.address, gateway.zone)
  const knocked = anyAlive(
    ROUTER_PORTS.map(async (port) => {
      const result = await connectTcp(reachable, port, { timeoutMs, signal })
      return result.outcome === 'connected' || result.outcome === 'refused'
    }),
  )
  let headStart: NodeJS.Timeout | undefined
  const knockedInTime = await Promise.race([knocked, new Promise<undefined>((resolve) => (headStart = setTimeout(() => resolve(undefined), PING_AFTER_MS)))])
  clearTimeout(headStart)
  if (knockedInTime === true) return true
  return anyAlive([knocked, pingGateway(gateway, timeoutMs, context, signal)])
}

/** True as soon as one probe is, false once all are not. */
function anyAlive(probes: Promise<boolean>[]): Promise<boolean> {
  return new Promise((resolve) => {
    let pending = probes.length
    for (const probe of probes) {
      void probe.then((alive) => {
        pending -= 1
        if (alive) resolve(true)
        else if (pending === 0) resolve(false)
      })
    }
  })
}

export const gatewayCheck: Check<'net.gateway'> = {
  id: 'net.gateway',
  dependsOn: ['net.interfaces'],
  needs: ['network'],
  timeoutMs: 1500,
  run: async (context, signal) => {
    const gateways = await context.system.readDefaultGateways()
    if (gateways.length === 0) return { status: 'fail', summary: { code: 'gateway-missing' }, evidence: { gateways, answering: [] } }
    const timeoutMs = Math.min(1000, context.remainingMs() - 100)
    const alive = await Promise.all(gateways.map((gateway) => gatewayAnswers(gateway, timeoutMs, context, signal)))
    const answering = gateways.filter((_, index) => alive[index]).map((gateway) => gateway.address)
    const first = gateways[0]!.address
    if (answering.length === 0) return { status: 'fail', summary: { code: 'gateway-silent', address: first }, evidence: { gateways, answering } }
    return { status: 'pass', summary: { code: 'gateway-answers', address: answering[0]! }, evidence: { gateways, answering } }
  },
}
