// `netmend dns` input checking on plain Node: every refusal happens before NetMend reads or writes
// anything (no data folder appears), with exit 2 and one line.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const CLI = resolve(__dirname, '../../../out/cli/netmend.cjs')

function netmend(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, LC_ALL: 'C.UTF-8', ...env }, timeout: 10_000 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr })
    })
  })
}

describe('netmend dns: bad input exits 2 before anything runs', () => {
  it.each([
    [['dns', 'use', '1.1.1.1; rm -rf /'], /"1\.1\.1\.1; rm -rf \/" is neither an address like 1\.1\.1\.1 nor a known address book \(google, cloudflare, quad9\)/],
    [['dns', 'use', '$(reboot)'], /"\$\(reboot\)" is neither/],
    [['dns', 'use', 'cloudflare', '--adapter', 'Wi Fi'], /"Wi Fi" is not a connection name NetMend knows/],
    [['dns', 'use', 'cloudflare', '--adapter', `en0"'`], /is not a connection name NetMend knows/],
    [['dns', 'use'], /Say which address book to use/],
    [['dns', 'fix'], /Unknown dns command "fix"/],
  ])('%j', async (args, message) => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'netmend-dns-cli-')), 'data')
    const run = await netmend(args, { NETMEND_DATA_DIR: dataDir })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(existsSync(dataDir)).toBe(false)
  })

  it('--help lists the dns commands', async () => {
    const run = await netmend(['--help'], {})
    expect(run.stdout).toMatch(/netmend dns show \[--json\]/)
    expect(run.stdout).toMatch(/netmend dns use <name\|address>\.\.\. \[--adapter ID\]\.\.\. \[--config FILE\]/)
    expect(run.stdout).toMatch(/netmend dns revert/)
    expect(run.stdout).toMatch(/netmend dns flush/)
  })
})
