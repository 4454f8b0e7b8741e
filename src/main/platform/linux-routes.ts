import { ipv4FromHostOrderHex, ipv6FromHex, linkLocalZone } from './ip-address'
import type { DefaultGateway } from './default-gateway'

export interface RankedGateway extends DefaultGateway {
  metric: number
}

const RTF_UP = 0x0001
const RTF_GATEWAY = 0x0002
const RTF_REJECT = 0x0200

function hasFlags(flags: number, required: number): boolean {
  return (flags & required) === required
}

/** Default routes from /proc/net/route: `Iface Destination Gateway Flags RefCnt Use Metric Mask ...`. */
export function parseProcNetRoute(text: string, endianness: 'LE' | 'BE'): RankedGateway[] {
  const gateways: RankedGateway[] = []
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/)
    if (fields.length < 8 || fields[0] === 'Iface') continue
    const [iface, destination, gatewayHex, flagsHex, , , metricText, mask] = fields
    if (iface === undefined || gatewayHex === undefined || flagsHex === undefined) continue
    if (destination !== '00000000' || mask !== '00000000') continue
    const flags = Number.parseInt(flagsHex, 16)
    if (!hasFlags(flags, RTF_UP | RTF_GATEWAY) || (flags & RTF_REJECT) !== 0) continue
    const address = ipv4FromHostOrderHex(gatewayHex, endianness)
    if (address === undefined || address === '0.0.0.0') continue
    const metric = Number.parseInt(metricText ?? '', 10)
    gateways.push({ address, family: 'IPv4', interface: iface, metric: Number.isNaN(metric) ? 0 : metric })
  }
  return gateways
}

const ALL_ZERO_V6 = '0'.repeat(32)

/** Default routes from /proc/net/ipv6_route: `dest plen src splen nexthop metric refcnt use flags iface`. */
export function parseProcNetIpv6Route(text: string): RankedGateway[] {
  const gateways: RankedGateway[] = []
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/)
    if (fields.length < 10) continue
    const [destination, prefixLength, , , nextHopHex, metricHex, , , flagsHex, iface] = fields
    if (nextHopHex === undefined || flagsHex === undefined || iface === undefined) continue
    if (destination !== ALL_ZERO_V6 || prefixLength !== '00' || nextHopHex === ALL_ZERO_V6) continue
    const flags = Number.parseInt(flagsHex, 16)
    if (Number.isNaN(flags) || !hasFlags(flags, RTF_UP) || (flags & RTF_REJECT) !== 0) continue
    const address = ipv6FromHex(nextHopHex)
    if (address === undefined) continue
    const metric = Number.parseInt(metricHex ?? '', 16)
    const zone = linkLocalZone(address, iface)
    const gateway: RankedGateway = { address, family: 'IPv6', interface: iface, metric: Number.isNaN(metric) ? 0 : metric }
    gateways.push(zone === undefined ? gateway : { ...gateway, zone })
  }
  return gateways
}
