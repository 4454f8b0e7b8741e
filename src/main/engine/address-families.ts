import { isIP } from 'node:net'
import { usableIpFamilies } from '../platform/interfaces'
import type { CheckContext } from './check'

export const usableFamilies = (context: CheckContext): Set<number> => usableIpFamilies(context.outcomes['net.interfaces']?.data.interfaces ?? [])

/**
 * Drops targets of an IP version this computer has no address for: asking them would only add failures
 * that say nothing about the network. When that would leave nothing, everything is kept.
 */
export function withinReach<T extends { address: string }>(items: readonly T[], context: CheckContext): T[] {
  const families = usableFamilies(context)
  const usable = items.filter((item) => families.has(isIP(item.address)))
  return usable.length > 0 ? usable : [...items]
}
