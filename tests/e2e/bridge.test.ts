// The test bridge itself: the page's window.netmend reaches the real handlers in the lab world, and the
// guard in front of them refuses what the Electron app would refuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunFailedEvent } from '../../src/shared/contract'
import { CHECK_IDS, type DiagnosisEvent } from '../../src/shared/diagnosis'
import { createWorld, LAB, type World } from '../lab/lab'
import { closeBrowser, openAppInWorld, type AppInWorld } from './bridge/app-in-world'
import { browserSuiteUnavailableReason } from './availability'

const unavailable = browserSuiteUnavailableReason()
if (unavailable) console.log(`skipped suite tests/e2e/bridge.test.ts: ${unavailable}`)

describe.skipIf(unavailable)('browser bridge to the main-process handlers', () => {
  let world: World
  let app: AppInWorld
  beforeAll(async () => {
    world = await createWorld('site-bad-gateway')
    app = await openAppInWorld(world)
  })
  afterAll(async () => {
    await app?.close()
    await closeBrowser()
    await world?.destroy()
  })

  it('runs the real engine in the world and streams its events to the page', async () => {
    const events = await app.page.evaluate(
      (site) =>
        new Promise<(DiagnosisEvent | RunFailedEvent)[]>((done) => {
          const api = (globalThis as unknown as { netmend: import('../../src/shared/contract').NetmendApi }).netmend
          const seen: (DiagnosisEvent | RunFailedEvent)[] = []
          api.on('diagnosisEvent', ({ event }) => {
            seen.push(event)
            if (event.type === 'finished') done(seen)
          })
          void api.diagnose({ target: site })
        }),
      `http://${LAB.siteName}/`,
    )
    expect(events.filter((event) => event.type === 'check-finished')).toHaveLength(CHECK_IDS.length)
    expect(events.at(-1)).toMatchObject({ type: 'finished', report: { verdict: { code: 'site-bad-gateway' } } })
  })

  it('refuses a call from an iframe, as main refuses foreign frames', async () => {
    const outcome = await app.page.evaluate(async () => {
      const frame = document.createElement('iframe')
      frame.srcdoc = '<p>frame</p>'
      document.body.append(frame)
      await new Promise((done) => frame.addEventListener('load', done))
      const invoke = (frame.contentWindow as unknown as { __netmendInvoke: (c: string, i: unknown) => Promise<unknown> }).__netmendInvoke
      return invoke('netmend:listHistory', null).then(
        () => 'accepted',
        (error: Error) => error.message,
      )
    })
    expect(outcome).toMatch(/refused/)
  })

  it('refuses a malformed argument', async () => {
    const outcome = await app.page.evaluate(() =>
      (globalThis as unknown as { __netmendInvoke: (c: string, i: unknown) => Promise<unknown> }).__netmendInvoke('netmend:diagnose', { target: 42 }).then(
        () => 'accepted',
        (error: Error) => error.message,
      ),
    )
    expect(outcome).toMatch(/target must be a text/)
  })
})
