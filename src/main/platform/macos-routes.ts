import { ipFamily, linkLocalZone, splitZone } from './ip-address'
import type { DefaultGateway } from './default-gateway'

/**
 * Default routes from `netstat -rn -f inet|inet6`. Columns are located by the header because
 * older macOS releases print extra Refs/Use columns between Flags and Netif.
 */
export function parseNetstatDefaultRoutes(text: string): DefaultGateway[] {
  const gateways: DefaultGateway[] = []
  let columns: { gateway: number; flags: number; netif: number } | undefined
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/)
    if (fields[0] === 'Destination') {
      const gateway = fields.indexOf('Gateway')
      const flags = fields.indexOf('Flags')
      const netif = fields.indexOf('Netif')
      columns = gateway > 0 && flags > 0 && netif > 0 ? { gateway, flags, netif } : undefined
      continue
    }
    if (columns === undefined || fields[0] !== 'default') continue
    const flags = fields[columns.flags] ?? ''
    const gatewayText = fields[columns.gateway] ?? ''
    const netif = fields[columns.netif]
    // Without G the "gateway" is a link (link#17); with I the route is scoped to one interface
    // and only used by traffic already bound to it, like the fe80::%utun0 routes VPN clients add.
    if (!flags.includes('G') || flags.includes('I') || netif === undefined) continue
    const { address, zone: printedZone } = splitZone(gatewayText)
    const family = ipFamily(address)
    if (family === undefined) continue
    const zone = linkLocalZone(address, printedZone ?? netif)
    gateways.push(zone === undefined ? { address, family, interface: netif } : { address, family, interface: netif, zone })
  }
  return gateways
}
