import { CHECK_SUMMARIES } from '../../../shared/texts'
import type { Check } from '../check'

export const interfacesCheck: Check<'net.interfaces'> = {
  id: 'net.interfaces',
  dependsOn: [],
  needs: [],
  timeoutMs: 500,
  run: async (context) => {
    const interfaces = context.system.listInterfaces()
    const usable = interfaces.filter((info) => info.addresses.some((address) => address.scope === 'global'))
    if (usable.length === 0) return { status: 'fail', summary: CHECK_SUMMARIES.interfacesNone(), data: { interfaces } }
    return { status: 'pass', summary: CHECK_SUMMARIES.interfacesUp(usable.map((info) => info.name)), data: { interfaces } }
  },
}
