// Timing in tests without wall-clock luck: a busy machine delays every timer, but never reorders two of them.

/**
 * Whether `work` settles before a timer of `ms` started now. Pass a deadline of the code under test (its
 * own timeout, a child's lifetime): the answer says which came first, not how fast this machine is.
 */
export async function settlesBefore(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))
  try {
    return await Promise.race([work.then(() => true), late])
  } finally {
    clearTimeout(timer)
  }
}

/** A clock that moves only when told, for code that takes one (deadlines, latencies). */
export function steppingClock(stepMs: number): { now: () => number; reads: () => number } {
  let reads = 0
  return { now: () => reads++ * stepMs, reads: () => reads }
}
