import type { Check } from '../check'

export const interfacesCheck: Check<'net.interfaces'> = {
  id: 'net.interfaces',
  dependsOn: [],
  needs: [],
  timeoutMs: 500,
  run: async (context) => {
    const interfaces = context.system.listInterfaces()
    const usable = interfaces.filter((info) => info.addresses.some((address) => address.scope === 'global'))
    if (usable.length === 0) return { status: 'fail', summary: { code: 'interfaces-none' }, evidence: { interfaces } }
    return { status: 'pass', summary: { code: 'interfaces-up', names: usable.map((info) => info.name) }, evidence: { interfaces } }
  },
}
