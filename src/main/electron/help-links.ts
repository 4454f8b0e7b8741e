import type { ContractInput } from '../../shared/contract'

/** The only pages NetMend ever opens in the user's browser. */
export const HELP_LINKS: Record<ContractInput<'openHelp'>['topic'], string> = {
  'clear-site-data': 'https://github.com/netmend/netmend/blob/main/docs/help/clear-site-data.md',
  'restart-router': 'https://github.com/netmend/netmend/blob/main/docs/help/restart-router.md',
  dns: 'https://github.com/netmend/netmend/blob/main/docs/help/dns.md',
}

export const isAllowedExternalUrl = (url: string): boolean => Object.values(HELP_LINKS).includes(url)
