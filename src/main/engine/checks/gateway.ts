import { CHECK_SUMMARIES } from '../../../shared/texts'
import type { Check } from '../check'
import { pingOnce } from '../probes/ping'
import { connectTcp } from '../probes/tcp-connect'
import { skippedWithoutNetwork } from './skip'

// Many routers ignore pings but run a web admin page or a DNS forwarder: a TCP reply, even a refusal, proves they are alive.
const ROUTER_PORTS = [53, 80, 443]

async function gatewayAnswers(address: string, timeoutMs: number, context: Parameters<Check['run']>[0], signal: AbortSignal): Promise<boolean> {
  const probes = [
    pingOnce(address, { run: context.system.run, platform: context.system.platform, timeoutMs, signal }),
    ...ROUTER_PORTS.map(async (port) => {
      const result = await connectTcp(address, port, { timeoutMs, signal })
      return result.outcome === 'connected' || result.outcome === 'refused'
    }),
  ]
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
  timeoutMs: 1500,
  run: async (context, signal) => {
    const skipped = skippedWithoutNetwork(context)
    if (skipped) return skipped
    const gateways = await context.system.readDefaultGateways()
    if (gateways.length === 0) return { status: 'fail', summary: CHECK_SUMMARIES.gatewayMissing(), data: { gateways, answering: [] } }
    const timeoutMs = Math.min(1000, context.remainingMs() - 100)
    const alive = await Promise.all(gateways.map((gateway) => gatewayAnswers(gateway.address, timeoutMs, context, signal)))
    const answering = gateways.filter((_, index) => alive[index]).map((gateway) => gateway.address)
    const first = gateways[0]!.address
    if (answering.length === 0) return { status: 'fail', summary: CHECK_SUMMARIES.gatewaySilent(first), data: { gateways, answering } }
    return { status: 'pass', summary: CHECK_SUMMARIES.gatewayAnswers(answering[0]!), data: { gateways, answering } }
  },
}
