// How long the window takes from the press of Diagnose to the verdict on screen, next to the engine's own
// time for the same run (its report's durationMs), and when main's "finished" event reached the page: after
// it, the time is the window's own drawing; before it, main (history write) and the transport, which in the
// Chromium suite is the test bridge (stdin/stdout and the DevTools protocol), slower than Electron's IPC.
// Measured inside the page; used by the Chromium suite and by `npm run bench`.
import type { Page } from 'playwright-core'

export interface VerdictTiming {
  /** Press of Diagnose to the first frame after the verdict card appeared. */
  windowMs: number
  /** The engine's own time, as its report says. */
  engineMs: number
  /** Press of Diagnose to main's "finished" event reaching the page (the rest of windowMs is drawing it). */
  finishedEventMs: number
  verdict: string
}

/** Presses Diagnose (the address already typed) and times the run; the page's previous verdict, if any, must go first. */
export function timeDiagnoseToVerdict(page: Page, diagnoseLabel: string): Promise<VerdictTiming> {
  return page.evaluate(
    (label) =>
      new Promise<VerdictTiming>((done, fail) => {
        type Finished = { event: { type: string; report?: { durationMs: number } } }
        const api = (globalThis as unknown as { netmend: { on: (event: string, listener: (payload: Finished) => void) => () => void } }).netmend
        const started = performance.now()
        const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === label)
        if (!button) return fail(new Error(`no ${label} button`))
        let engineMs = Number.NaN
        let finishedEventMs = Number.NaN
        const stopListening = api.on('diagnosisEvent', ({ event }) => {
          if (event.type !== 'finished') return
          engineMs = event.report!.durationMs
          finishedEventMs = performance.now() - started
        })
        const card = (): HTMLElement | null => document.querySelector('section.verdict[data-verdict]')
        let previousGone = card() === null
        const observer = new MutationObserver(() => {
          if (!previousGone) previousGone = card() === null
          const shown = previousGone ? card() : null
          if (!shown) return
          observer.disconnect()
          requestAnimationFrame(() => {
            stopListening()
            done({ windowMs: performance.now() - started, engineMs, finishedEventMs, verdict: shown.dataset.verdict ?? '' })
          })
        })
        observer.observe(document.body, { subtree: true, childList: true, attributes: true })
        button.click()
      }),
    diagnoseLabel,
  )
}
