// npm run bench, the window's part: the time from pressing Diagnose to the verdict on screen in Debian's
// Chromium, next to the engine's own time for the same run, in the healthy lab world (the real composition
// root behind the built renderer, as in tests/e2e); and the size of the window's JavaScript. Goal: the
// window adds at most 50 ms to the engine's time. What arrives late because of the test bridge's transport
// (stdin/stdout and the DevTools protocol, standing in for Electron's IPC) is shown on its own line.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { rendererTexts } from '../src/renderer/src/texts'
import { browserSuiteUnavailableReason } from '../tests/e2e/availability'
import { closeBrowser, openAppInWorld } from '../tests/e2e/bridge/app-in-world'
import { timeDiagnoseToVerdict, type VerdictTiming } from '../tests/e2e/bridge/verdict-timing'
import buildApp from '../tests/e2e/build-app.setup'
import { createWorld, LAB } from '../tests/lab/lab'

const RUNS = Number(process.env.BENCH_WINDOW_RUNS ?? 5)
const OVERHEAD_GOAL_MS = 50
const EN = rendererTexts('en')

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function rendererGzippedKb(): number {
  const dir = join('out', 'renderer', 'assets')
  const bytes = readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .reduce((total, file) => total + gzipSync(readFileSync(join(dir, file)), { level: 9 }).length, 0)
  return bytes / 1024
}

const reason = browserSuiteUnavailableReason()
if (reason) {
  console.log(`\nwindow bench skipped: ${reason}`)
  process.exit(0)
}

buildApp()
const world = await createWorld('healthy')
const timings: VerdictTiming[] = []
try {
  const app = await openAppInWorld(world)
  try {
    await app.page.getByRole('textbox', { name: EN.address.label }).fill(`http://${LAB.siteName}/`)
    // The first run warms up the page and the engine's modules; it is not counted.
    for (let run = 0; run <= RUNS; run += 1) {
      const timing = await timeDiagnoseToVerdict(app.page, EN.address.diagnose)
      if (timing.verdict !== 'ok') throw new Error(`the healthy world gave ${timing.verdict}`)
      if (run > 0) timings.push(timing)
    }
  } finally {
    await app.close()
  }
} finally {
  await closeBrowser()
  await world.destroy()
}

const of = (part: (timing: VerdictTiming) => number): string => `${median(timings.map(part)).toFixed(0)} ms`
const drawingMs = median(timings.map((timing) => timing.windowMs - timing.finishedEventMs))
const rows = [
  ['Diagnose pressed → verdict on screen', of((timing) => timing.windowMs)],
  ["the engine's own time", of((timing) => timing.engineMs)],
  ['main (history write) and the test bridge, both ways', of((timing) => timing.finishedEventMs - timing.engineMs)],
  ['the window drawing the verdict', `${drawingMs.toFixed(0)} ms (goal: at most ${OVERHEAD_GOAL_MS} ms)${drawingMs <= OVERHEAD_GOAL_MS ? '' : '  OVER THE GOAL'}`],
  ['renderer JavaScript', `${rendererGzippedKb().toFixed(1)} KB gzipped (limit 80 KB, tests/e2e/renderer-size.test.ts)`],
]
console.log(`\nThe window (Debian's Chromium, healthy world, median of ${RUNS} runs after one warm-up)`)
const width = Math.max(...rows.map(([label]) => label!.length))
for (const [label, value] of rows) console.log(`  ${label!.padEnd(width)}  ${value}`)
