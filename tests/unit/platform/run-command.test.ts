import { describe, expect, it } from 'vitest'
import { commandEnvironment, runCommand } from '../../../src/main/platform/run-command'
import { settlesBefore } from '../support/order'

// These tests start a local Node process only; nothing touches the network.
const node = process.execPath

describe('runCommand', () => {
  it('returns stdout and stderr of a successful command', async () => {
    const output = await runCommand(node, ['-e', 'process.stdout.write("out"); process.stderr.write("err")'])
    expect(output).toEqual({ ok: true, stdout: 'out', stderr: 'err', code: 0 })
  })

  it('passes arguments verbatim, without a shell', async () => {
    const tricky = '$(echo pwned); `id` | & > "quoted" \'single\''
    const output = await runCommand(node, ['-e', 'process.stdout.write(process.argv[1])', tricky])
    expect(output.stdout).toBe(tricky)
  })

  it('reports a non-zero exit as failed with its code and output', async () => {
    const output = await runCommand(node, ['-e', 'process.stdout.write("partial"); process.exit(3)'])
    expect(output).toMatchObject({ ok: false, code: 3, stdout: 'partial', error: 'failed' })
  })

  it('reports a missing program as not-found', async () => {
    const output = await runCommand('/nonexistent/netmend-no-such-tool', [])
    expect(output).toMatchObject({ ok: false, error: 'not-found', code: null })
  })

  it('kills a command that outlives its timeout', async () => {
    const running = runCommand(node, ['-e', 'setTimeout(() => {}, 10000)'], { timeoutMs: 200 })
    // Killed at its 200 ms timeout, long before it would have ended by itself.
    expect(await settlesBefore(running, 10_000)).toBe(true)
    expect(await running).toMatchObject({ ok: false, error: 'timeout' })
  })

  it('stops a command when its signal aborts', async () => {
    const controller = new AbortController()
    const pending = runCommand(node, ['-e', 'setTimeout(() => {}, 10000)'], { signal: controller.signal })
    setTimeout(() => controller.abort(), 100)
    expect(await pending).toMatchObject({ ok: false, error: 'aborted' })
  })

  it('does not start a command whose signal is already aborted', async () => {
    const output = await runCommand(node, ['-e', ''], { signal: AbortSignal.abort() })
    expect(output).toMatchObject({ ok: false, error: 'aborted' })
  })

  it('treats output beyond 4 MB as a failure, not a timeout', async () => {
    // A timeout far beyond what writing 5 MB takes, however busy the machine: only the size limit can end it.
    const output = await runCommand(node, ['-e', 'process.stdout.write("x".repeat(5 * 1024 * 1024))'], { timeoutMs: 60_000 })
    expect(output).toMatchObject({ ok: false, error: 'failed' })
  })

  it('resolves instead of throwing on arguments execFile rejects', async () => {
    const output = await runCommand(node, ['-e', 'bad\u0000arg'])
    expect(output).toMatchObject({ ok: false, error: 'failed' })
  })
})

describe('commandEnvironment', () => {
  it('puts the sbin directories first on macOS', () => {
    const env = commandEnvironment('darwin', { PATH: '/usr/bin:/bin:/usr/sbin', HOME: '/Users/ana' }, false)
    expect(env.PATH).toBe('/usr/sbin:/sbin:/usr/bin:/bin')
    expect(env.HOME).toBe('/Users/ana')
  })

  it('still gives macOS a PATH when none is set', () => {
    expect(commandEnvironment('darwin', {}, false).PATH).toBe('/usr/sbin:/sbin')
  })

  it('leaves other platforms alone', () => {
    const env = { PATH: '/usr/bin' }
    expect(commandEnvironment('linux', env, false)).toBe(env)
    expect(commandEnvironment('win32', env, false)).toBe(env)
  })

  it('as root on Linux and macOS, programs are looked up in the system folders only, never on the PATH it was given', () => {
    const env = { PATH: '/home/ana/bin:/tmp:/usr/bin', HOME: '/root' }
    expect(commandEnvironment('linux', env, true)).toEqual({ PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' })
    expect(commandEnvironment('darwin', env, true).PATH).toBe('/usr/sbin:/usr/bin:/sbin:/bin')
  })
})
