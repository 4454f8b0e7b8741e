// Whether only administrators can change a file or folder on Windows, read from its SDDL. The descriptors
// below are the usual ones of those folders, written by hand after Microsoft's SDDL documentation (ACE
// strings, SID strings, access rights), not captured from one machine.
import { describe, expect, it } from 'vitest'
import { parseSddl, sddlProblem } from '../../../src/main/platform/windows-acl'

const TI = 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464'
const ANA = 'S-1-5-21-1004336348-1177238915-682003330-1001'

const SYSTEM32 = `O:${TI}G:${TI}D:PAI(A;;FA;;;${TI})(A;CIIO;GA;;;${TI})(A;;0x1301bf;;;SY)(A;OICIIO;GA;;;SY)(A;;0x1301bf;;;BA)(A;OICIIO;GA;;;BA)(A;;0x1200a9;;;BU)(A;OICIIO;GXGR;;;BU)(A;OICIIO;GA;;;CO)(A;;0x1200a9;;;AC)(A;OICIIO;GXGR;;;AC)`
const DRIVE_ROOT = 'O:SYG:SYD:PAI(A;OICIIO;SDGXGWGR;;;AU)(A;;0x1301bf;;;AU)(A;OICIIO;GA;;;SY)(A;;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)'
const USERS = 'O:SYG:SYD:PAI(A;OICIIO;GA;;;CO)(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)(A;OICI;0x1200a9;;;WD)'
const APPDATA = `O:${ANA}G:${ANA}D:(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;FA;;;${ANA})`
const PROGRAMDATA_CHILD = 'O:BAG:SYD:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIIOID;GA;;;CO)(A;OICIID;0x1200a9;;;BU)(A;CIID;DCLCRPCR;;;BU)'
const ADMIN_ONLY = 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)'

describe('reading SDDL', () => {
  it('owner and allow/deny entries with their rights, in letters or as a number', () => {
    expect(parseSddl(ADMIN_ONLY)).toEqual({
      owner: 'BA',
      aces: [
        { type: 'A', flags: 'OICI', mask: 0x1f01ff, trustee: 'SY' },
        { type: 'A', flags: 'OICI', mask: 0x1f01ff, trustee: 'BA' },
      ],
    })
    expect(parseSddl(DRIVE_ROOT)?.aces?.[1]).toEqual({ type: 'A', flags: '', mask: 0x1301bf, trustee: 'AU' })
  })

  it('no DACL, or one that grants everything, is read as "no access list"', () => {
    expect(parseSddl('O:BAG:SY')).toEqual({ owner: 'BA', aces: undefined })
    expect(parseSddl('O:BAG:SYD:NO_ACCESS_CONTROL')).toEqual({ owner: 'BA', aces: undefined })
  })

  it('anything else is not read at all', () => {
    expect(parseSddl('')).toBeUndefined()
    expect(parseSddl('D:(A;;FA;;;SY)')).toBeUndefined()
    expect(parseSddl('O:BAD:(A;;ZZ;;;SY)')).toBeUndefined()
    expect(parseSddl(`O:BAD:${'('.repeat(100_000)}`)).toBeUndefined()
  })
})

describe('who may change it', () => {
  it.each([
    ['System32', SYSTEM32, 'target'],
    ['a folder only administrators and SYSTEM may change', ADMIN_ONLY, 'target'],
    ['C:\\ above it (everyone may add folders there, not replace ours)', DRIVE_ROOT, 'drive-root'],
    ['C:\\Users above it', USERS, 'ancestor'],
    ['a ProgramData folder above it (users may add files there, not move ours)', PROGRAMDATA_CHILD, 'ancestor'],
  ] as const)('%s: administrators only', (_label, sddl, role) => {
    expect(sddlProblem(sddl, role)).toBeUndefined()
  })

  it.each([
    ["the person's own AppData (owned by them)", APPDATA, 'target', /owned by S-1-5-21/],
    ['a ProgramData folder itself (users may add files to it)', PROGRAMDATA_CHILD, 'target', /BU may change it/],
    ['a folder without an access list', 'O:BAG:SYD:NO_ACCESS_CONTROL', 'target', /no access list/],
    ['a folder everyone may write', `${ADMIN_ONLY}(A;;FW;;;WD)`, 'target', /WD may change it/],
    ['a folder above that lets users delete what is in it', `${ADMIN_ONLY}(A;;DT;;;BU)`, 'ancestor', /BU may change it/],
    ['a folder above a person may rename', `${ADMIN_ONLY}(A;;SD;;;${ANA})`, 'ancestor', /may change it/],
    ['rights given as a number', `${ADMIN_ONLY}(A;;0x40000;;;AU)`, 'target', /AU may change it/],
    ['a descriptor that is not SDDL', 'garbage', 'target', /unreadable/],
  ] as const)('%s: refused', (_label, sddl, role, why) => {
    expect(sddlProblem(sddl, role)).toMatch(why)
  })

  it('rights only inherited by what is created below, or denied, do not count for the folder itself', () => {
    expect(sddlProblem(`${ADMIN_ONLY}(A;OICIIO;FA;;;BU)(D;;FA;;;WD)`, 'target')).toBeUndefined()
  })
})
