// Start-up recovery hands back what it did as a value, even when the service breaks underneath it.
import { describe, expect, it } from 'vitest'
import { recoverAtStart } from '../../../src/main/dns-settings/startup'

describe('recoverAtStart', () => {
  it('passes the service outcome on: nothing unfinished, undone, or why not', async () => {
    expect(await recoverAtStart({ recoverUnfinished: async () => ({ ok: true, recovered: false }) })).toEqual({ ok: true, recovered: false })
    expect(await recoverAtStart({ recoverUnfinished: async () => ({ ok: true, recovered: true }) })).toEqual({ ok: true, recovered: true })
    const busy = { ok: false as const, code: 'dns-settings.unreadable' as const, detail: 'journal.json: EACCES' }
    expect(await recoverAtStart({ recoverUnfinished: async () => busy })).toEqual(busy)
  })

  it('a service that throws is a failure value, not a crash of the app at start', async () => {
    const recovery = await recoverAtStart({
      recoverUnfinished: async () => {
        throw new Error('disk on fire')
      },
    })
    expect(recovery).toEqual({ ok: false, code: 'dns-settings.rollback-failed', detail: 'disk on fire' })
  })
})
