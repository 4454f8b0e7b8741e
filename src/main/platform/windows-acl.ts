// Whether only administrators can change a file or folder on Windows, from its security descriptor in SDDL
// (Get-Acl's .Sddl, the same in every language): the owner is an administrator account and no one else is
// allowed a right that changes it. Read without regular expressions, one pass over the text.

/** Administrators, SYSTEM and TrustedInstaller; CREATOR OWNER and OWNER RIGHTS stand for the owner, who must be one of them. */
const ADMIN_TRUSTEES = new Set([
  'BA',
  'S-1-5-32-544',
  'SY',
  'S-1-5-18',
  'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464',
  'CO',
  'S-1-3-0',
  'OW',
  'S-1-3-4',
])
const ADMIN_OWNERS = new Set(['BA', 'S-1-5-32-544', 'SY', 'S-1-5-18', 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464'])

/** The access-mask bits of SDDL's two-letter rights (file objects use the same bits). */
const RIGHT_BITS: Record<string, number> = {
  GA: 0x10000000,
  GW: 0x40000000,
  GR: 0x80000000,
  GX: 0x20000000,
  FA: 0x1f01ff,
  FW: 0x120116,
  FR: 0x120089,
  FX: 0x1200a0,
  CC: 0x1,
  DC: 0x2,
  LC: 0x4,
  SW: 0x8,
  RP: 0x10,
  WP: 0x20,
  DT: 0x40,
  LO: 0x80,
  CR: 0x100,
  SD: 0x10000,
  RC: 0x20000,
  WD: 0x40000,
  WO: 0x80000,
  KA: 0xf003f,
  KW: 0x20006,
  KR: 0x20019,
  KX: 0x20019,
}

const WRITE_DATA = 0x2 // add a file, in a folder
const APPEND_DATA = 0x4 // add a subfolder, in a folder
const WRITE_EA = 0x10
const DELETE_CHILD = 0x40
const WRITE_ATTRIBUTES = 0x100
const DELETE = 0x10000
const WRITE_DAC = 0x40000
const WRITE_OWNER = 0x80000
const GENERIC_ALL = 0x10000000
const GENERIC_WRITE = 0x40000000

/** Anything that changes the object itself or what it contains. */
const CHANGES_TARGET = WRITE_DATA | APPEND_DATA | WRITE_EA | DELETE_CHILD | WRITE_ATTRIBUTES | DELETE | WRITE_DAC | WRITE_OWNER | GENERIC_ALL | GENERIC_WRITE
/**
 * In a folder above: what lets someone move or replace what is below (adding new entries beside it does
 * not). DELETE on a drive's root folder means nothing, so it does not count there.
 */
const CHANGES_BELOW = DELETE_CHILD | DELETE | WRITE_DAC | WRITE_OWNER | GENERIC_ALL

export interface SecurityDescriptor {
  owner: string
  /** undefined: no DACL at all, or NO_ACCESS_CONTROL: everyone may do everything. */
  aces: { type: string; flags: string; mask: number; trustee: string }[] | undefined
}

function rightsMask(text: string): number | undefined {
  if (text.startsWith('0x') || text.startsWith('0X')) {
    const value = Number.parseInt(text.slice(2), 16)
    return Number.isFinite(value) ? value : undefined
  }
  let mask = 0
  for (let index = 0; index < text.length; index += 2) {
    const bits = RIGHT_BITS[text.slice(index, index + 2)]
    if (bits === undefined) return undefined
    mask |= bits
  }
  return mask
}

/** SDDL "O:…G:…D:flags(ace)(ace)S:…"; undefined when it is not SDDL. */
export function parseSddl(sddl: string): SecurityDescriptor | undefined {
  const parts = new Map<string, string>()
  let tag: string | undefined
  let start = 0
  let depth = 0
  for (let index = 0; index <= sddl.length; index += 1) {
    const character = sddl[index]
    if (character === '(') depth += 1
    if (character === ')') depth -= 1
    const atTag = index === sddl.length || (depth === 0 && sddl[index + 1] === ':' && 'OGDS'.includes(character ?? ''))
    if (!atTag) continue
    if (tag !== undefined) parts.set(tag, sddl.slice(start, index))
    tag = sddl[index]
    start = index + 2
    index += 1
  }
  const owner = parts.get('O')
  const dacl = parts.get('D')
  if (owner === undefined || owner === '') return undefined
  if (dacl === undefined || dacl.startsWith('NO_ACCESS_CONTROL')) return { owner, aces: undefined }
  const aces: NonNullable<SecurityDescriptor['aces']> = []
  for (const body of dacl.slice(dacl.indexOf('(') === -1 ? dacl.length : dacl.indexOf('(')).split(')')) {
    if (body === '') continue
    if (!body.startsWith('(')) return undefined
    const [type = '', flags = '', rights = '', , , trustee = ''] = body.slice(1).split(';')
    const mask = rightsMask(rights)
    if (mask === undefined || trustee === '') return undefined
    aces.push({ type, flags, mask, trustee })
  }
  return { owner, aces }
}

/**
 * Why someone other than an administrator could change what `sddl` protects; undefined when nobody can.
 * `role`: the file or folder itself, a folder above it, or a drive's root folder above it.
 */
export function sddlProblem(sddl: string, role: 'target' | 'ancestor' | 'drive-root'): string | undefined {
  const descriptor = parseSddl(sddl)
  if (descriptor === undefined) return 'an unreadable security descriptor'
  if (!ADMIN_OWNERS.has(descriptor.owner)) return `owned by ${descriptor.owner}, not by an administrator`
  if (descriptor.aces === undefined) return 'no access list: everyone may change it'
  const dangerous = role === 'target' ? CHANGES_TARGET : role === 'ancestor' ? CHANGES_BELOW : CHANGES_BELOW & ~DELETE
  for (const ace of descriptor.aces) {
    const allows = ace.type === 'A' || ace.type === 'XA'
    const inheritOnly = ace.flags.includes('IO')
    if (allows && !inheritOnly && (ace.mask & dangerous) !== 0 && !ADMIN_TRUSTEES.has(ace.trustee)) return `${ace.trustee} may change it`
  }
  return undefined
}
