// VPN and virtual adapters keep their own DNS: a VPN client set it on purpose, and changing it can leak
// lookups out of the tunnel or break the company network. They are left alone unless asked for by id.

/** Linux interface names and macOS devices of tunnels, VPNs and host-only virtual networks. */
const VIRTUAL_DEVICE = /^(tun|tap|wg|utun|ppp|ipsec|gpd|tailscale|nordlynx|zt|vboxnet|vmnet|virbr|docker|lo\d*$)/i
/** Windows InterfaceDescription of VPN and tunnel drivers ("TAP-Windows Adapter V9", "WireGuard Tunnel"). */
const WINDOWS_VIRTUAL_DESCRIPTION = /VPN|Wintun|WireGuard/i
const WINDOWS_TAP = /\bTAP\b/
/** NetworkManager connection types that are tunnels. */
const NM_VIRTUAL_TYPES = new Set(['vpn', 'wireguard', 'tun', 'loopback', 'ip-tunnel', 'wireguard-vpn'])

export function isVirtualDevice(name: string): boolean {
  return VIRTUAL_DEVICE.test(name)
}

export function isVirtualWindowsAdapter(description: string, name: string): boolean {
  return WINDOWS_VIRTUAL_DESCRIPTION.test(description) || WINDOWS_TAP.test(description) || /\bVPN\b/i.test(name)
}

export function isVirtualNetworkManagerConnection(type: string, device: string): boolean {
  return NM_VIRTUAL_TYPES.has(type) || isVirtualDevice(device)
}
