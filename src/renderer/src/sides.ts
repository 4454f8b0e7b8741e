// Whose side each verdict is on, in the path from this computer to the site.
import type { VerdictCode } from '../../shared/diagnosis'

export type Side = 'none' | 'computer' | 'network' | 'provider' | 'site' | 'unknown'

export const VERDICT_SIDES: Record<VerdictCode, Side> = {
  ok: 'none',
  'no-network': 'computer',
  'gateway-unreachable': 'network',
  'captive-portal': 'network',
  'firewall-blocked': 'network',
  'dns-blocked': 'network',
  'no-internet': 'provider',
  'dns-system-failing': 'provider',
  'dns-stale': 'provider',
  'dns-system-missing-site': 'provider',
  'dns-hijack': 'provider',
  'site-nxdomain': 'site',
  'site-unreachable': 'site',
  'site-bad-gateway': 'site',
  'site-unavailable': 'site',
  'site-gateway-timeout': 'site',
  'site-error': 'site',
  'tls-error': 'site',
  inconclusive: 'unknown',
  'site-firewall-blocked': 'site',
  'site-rate-limited': 'site',
  'provider-blocks-site': 'provider',
  'proxy-sign-in': 'network',
  'site-redirect-broken': 'site',
  'site-dns-broken': 'site',
  'hosts-file-stale': 'computer',
  'proxy-unreachable': 'network',
  'proxy-blocks-site': 'network',
  'clock-wrong': 'computer',
}
