import { ipFamily, linkLocalZone } from './ip-address'
import type { DefaultGateway } from './default-gateway'
import { numberField, stringField } from './powershell'

export const DEFAULT_ROUTES_SCRIPT =
  "Get-NetRoute -DestinationPrefix '0.0.0.0/0','::/0' -PolicyStore ActiveStore -ErrorAction SilentlyContinue" +
  ' | Select-Object NextHop,InterfaceAlias,InterfaceIndex,RouteMetric | ConvertTo-Json'

const ON_LINK_NEXT_HOPS = new Set(['0.0.0.0', '::'])

/** Items from the Get-NetRoute JSON; an unspecified next hop means on-link, i.e. no gateway. */
export function parseNetRouteItems(items: readonly Record<string, unknown>[]): DefaultGateway[] {
  const gateways: DefaultGateway[] = []
  for (const item of items) {
    const nextHop = stringField(item, 'NextHop')?.trim()
    const alias = stringField(item, 'InterfaceAlias')
    if (nextHop === undefined || alias === undefined || ON_LINK_NEXT_HOPS.has(nextHop)) continue
    const family = ipFamily(nextHop)
    if (family === undefined) continue
    // Windows sockets and ping take the interface index as the zone, never the alias ("Wi-Fi").
    const index = numberField(item, 'InterfaceIndex')
    const zone = linkLocalZone(nextHop, index)
    gateways.push(zone === undefined ? { address: nextHop, family, interface: alias } : { address: nextHop, family, interface: alias, zone })
  }
  return gateways
}
