import { existsSync } from 'node:fs'
import { labUnavailableReason } from '../lab/availability'

/** null when the browser suites can run: the lab is usable and Debian's Chromium is installed. */
export function browserSuiteUnavailableReason(): string | null {
  const lab = labUnavailableReason()
  if (lab) return lab
  if (!existsSync('/usr/bin/chromium')) return 'Debian chromium is not installed (/usr/bin/chromium; run: bash scripts/lab-deps.sh)'
  return null
}
