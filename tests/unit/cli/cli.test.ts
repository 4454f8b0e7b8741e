// Bad input never reaches the network: these runs stop at argument, address or settings checking.
import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ESCAPE = '\u001b'
const CLI = resolve(__dirname, '../../../out/cli/netmend.cjs')
const BIN = resolve(__dirname, '../../../bin/netmend.js')

function netmend(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, NETMEND_DATA_DIR: join(dir, 'data'), ...env }, timeout: 10_000 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr })
    })
  })
}

const dir = mkdtempSync(join(tmpdir(), 'netmend-cli-'))
const config = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const fifo = (name: string): string => {
  const path = join(dir, name)
  execFileSync('mkfifo', [path])
  return path
}
const SEVEN_SERVERS = ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4', '198.51.100.5', '198.51.100.6', '198.51.100.7']

describe('netmend CLI: bad input exits 2 with one clear line and no stack trace', () => {
  it.each([
    ['a "__proto__" config key', ['diagnose', '--config', config('proto.json', '{"__proto__": {"budgetMs": 500}}')], /"__proto__" is not a known setting/],
    ['a "constructor" config key', ['diagnose', '--config', config('constructor.json', '{"constructor": 1}')], /"constructor" is not a known setting/],
    ['a config that is a pipe nobody writes to', ['diagnose', '--config', fifo('settings.fifo')], /must be an ordinary file/],
    ['a config that is a folder', ['dns', 'use', 'lab', '--config', dir], /must be an ordinary file/],
    ['more address books than a switch takes', ['dns', 'use', ...SEVEN_SERVERS], /That is 7 address books; choose at most 6\./],
    ['an unsupported scheme', ['diagnose', 'ftp://example.com'], /"ftp:" addresses can't be checked/],
    ['a javascript: address', ['diagnose', 'javascript:alert(1)'], /"javascript:" addresses/],
    ['a malformed address', ['diagnose', 'http://exa mple.com/'], /doesn't look like a web address/],
    ['an unknown flag', ['diagnose', '--fast'], /Unknown option --fast/],
    ['an unknown command', ['fix-everything'], /Unknown command "fix-everything"/],
    ['a missing config value', ['diagnose', '--config'], /--config needs a value/],
    ['a missing config file', ['diagnose', 'example.com', '--config', '/nonexistent/netmend.json'], /settings file can't be read/],
    ['a config that is not JSON', ['diagnose', '--config', config('broken.json', '{ budgetMs: 1 ')], /not valid JSON/],
    ['a config with a bad field', ['diagnose', '--config', config('bad.json', '{"publicResolvers":[{"name":"X","address":"999.1.1.1"}]}')], /"publicResolvers\[0\]\.address" must be an IPv4 or IPv6 address/],
    ['an unknown config key', ['diagnose', '--config', config('typo.json', '{"budgetMS": 3000}')], /"budgetMS" is not a known setting/],
  ])('%s', async (_label, args, message) => {
    const run = await netmend(args)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('shows newlines and terminal escape codes from the arguments as escapes, on one line', async () => {
    const run = await netmend(['diagnose', `exa\nmple${ESCAPE}[31m.com\u202e`])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('netmend: That doesn\'t look like a web address: "exa\\nmple\\x1b[31m.com\\u202e" is not a web address.\n')
  })

  it('reads the config from NETMEND_CONFIG too', async () => {
    const run = await netmend(['diagnose'], { NETMEND_CONFIG: config('env.json', '{"budgetMs": "soon"}') })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/"budgetMs"/)
  })

  it('prints usage for --help and exits 0', async () => {
    const run = await netmend(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/netmend diagnose \[site\] \[--json\] \[--config FILE\]/)
  })

  it('runs through the package bin as well', async () => {
    const run = await new Promise<{ code: number | null; stderr: string }>((done) =>
      execFile(process.execPath, [BIN, 'diagnose', 'gopher://x'], (error, _stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr })),
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/"gopher:"/)
  })
})
