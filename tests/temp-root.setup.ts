import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Every temporary folder a test makes (stand-in data folders, /etc copies, lab files) lands in one folder per
// run, removed when the run ends: a busy CI machine running the suite many times a day keeps no leftovers.
// Workers inherit TMPDIR, so os.tmpdir() and mkdtemp in every test and child process point here.
export default function temporaryRootPerRun(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'netmend-test-run-'))
  // Sticky and open to all like /tmp itself: some tests run commands as another user inside it.
  chmodSync(root, 0o1777)
  process.env.TMPDIR = root
  return () => rmSync(root, { recursive: true, force: true })
}
