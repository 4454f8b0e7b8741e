// Proxies in a lab world: real tinyproxy servers (Debian's) on the "internet" side, and a PAC file served
// by nginx. The client is pointed at them only through settings the test writes (environment variables,
// a KDE kioslaverc in the world's own folder): this machine's own proxy settings are never read here.
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FixId } from '../../src/shared/diagnosis'
import { findTool, labUnavailableReason } from './availability'
import { diagnoseInWorld, fixIds, type CliRun } from './diagnose-in-world'
import { createWorld, LAB, run, toolEnv, type World } from './lab'

const SITE = `http://${LAB.siteName}/`
const SECURE_SITE = `https://${LAB.siteName}/`
const PROXY = { works: '203.0.113.30', pac: '203.0.113.31', filters: '203.0.113.32', signIn: '203.0.113.33' } as const
const PORT = 8888
const unavailable = labUnavailableReason() ?? (findTool('tinyproxy') ? null : 'tinyproxy missing (run: bash scripts/lab-deps.sh)')
if (unavailable) console.log(`skipped suite tests/lab/proxies.test.ts: ${unavailable}`)

const NEVER_FOR_A_PROXY: FixId[] = ['switch-dns', 'flush-dns-cache', 'remove-hosts-line', 'contact-site-admin', 'watch-site', 'restart-router']
// Desktop settings are read only for the desktop named here: none, unless a story says otherwise.
const NO_DESKTOP = { XDG_CURRENT_DESKTOP: '' }
const viaEnvironment = (proxy: string): Record<string, string> => ({ ...NO_DESKTOP, http_proxy: `http://${proxy}/`, https_proxy: `http://${proxy}/` })

function tinyproxyConf(dir: string, name: string, address: string, extra: string[]): string {
  return [
    `Port ${PORT}`,
    `Listen ${address}`,
    'Timeout 10',
    'MaxClients 20',
    `PidFile "${path.join(dir, `tinyproxy-${name}.pid`)}"`,
    `LogFile "${path.join(dir, `tinyproxy-${name}.log`)}"`,
    'LogLevel Info',
    `Allow ${LAB.clientAddress}`,
    ...extra,
    '',
  ].join('\n')
}

describe.skipIf(unavailable !== null)('a proxy between this computer and the site', () => {
  let world: World
  const servers: ChildProcess[] = []
  const inInet = (argv: string[]): ChildProcess => {
    const child = spawn('ip', ['netns', 'exec', world.inetNs, ...argv], { env: toolEnv(), stdio: 'ignore', detached: true })
    child.unref()
    servers.push(child)
    return child
  }
  const answersOn = async (address: string, port: number): Promise<void> => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const probe = await run('ip', ['netns', 'exec', world.inetNs, 'curl', '-s', '-o', '/dev/null', '-m', '1', `http://${address}:${port}/`], { allowFail: true })
      if (probe.code === 0 || probe.code === 22) return
      await sleep(25)
    }
    throw new Error(`nothing answers on ${address}:${port}`)
  }

  beforeAll(async () => {
    world = await createWorld('healthy')
    const dir = world.dir
    await run('ip', ['-n', world.inetNs, '-batch', '-'], { input: Object.values(PROXY).map((address) => `addr add ${address}/32 dev lo`).join('\n') + '\n' })
    const filter = path.join(dir, 'tinyproxy-filter')
    await writeFile(filter, `${LAB.siteName.replaceAll('.', '\\.')}\n`)
    const confs = {
      works: tinyproxyConf(dir, 'works', PROXY.works, []),
      filters: tinyproxyConf(dir, 'filters', PROXY.filters, [`Filter "${filter}"`]),
      signIn: tinyproxyConf(dir, 'sign-in', PROXY.signIn, ['BasicAuth office secret']),
    }
    for (const [name, conf] of Object.entries(confs)) {
      const file = path.join(dir, `tinyproxy-${name}.conf`)
      await writeFile(file, conf)
      inInet(['tinyproxy', '-d', '-c', file])
    }
    // The PAC file, served by a second nginx: the site's plain pages go through the working proxy.
    const pac = `function FindProxyForURL(url, host) {\n  if (isPlainHostName(host)) return "DIRECT";\n  if (dnsDomainIs(host, ".lab.test")) return "PROXY ${PROXY.works}:${PORT}; DIRECT";\n  return "DIRECT";\n}\n`
    await writeFile(path.join(dir, 'proxy.pac'), pac)
    await writeFile(
      path.join(dir, 'nginx-pac.conf'),
      `master_process off;\ndaemon off;\npid ${path.join(dir, 'nginx-pac.pid')};\nerror_log ${path.join(dir, 'nginx-pac-error.log')} warn;\nevents { worker_connections 32; }\nhttp {\n  access_log off;\n  client_body_temp_path ${path.join(dir, 'nginx-tmp/body')};\n  proxy_temp_path ${path.join(dir, 'nginx-tmp/proxy')};\n  fastcgi_temp_path ${path.join(dir, 'nginx-tmp/fastcgi')};\n  uwsgi_temp_path ${path.join(dir, 'nginx-tmp/uwsgi')};\n  scgi_temp_path ${path.join(dir, 'nginx-tmp/scgi')};\n  server {\n    listen ${PROXY.pac}:80;\n    location = /proxy.pac { default_type application/x-ns-proxy-autoconfig; alias ${path.join(dir, 'proxy.pac')}; }\n  }\n}\n`,
    )
    inInet(['nginx', '-p', `${dir}/`, '-e', path.join(dir, 'nginx-pac-error.log'), '-c', path.join(dir, 'nginx-pac.conf')])
    await Promise.all([answersOn(PROXY.works, PORT), answersOn(PROXY.filters, PORT), answersOn(PROXY.signIn, PORT), answersOn(PROXY.pac, 80)])
  })

  afterAll(async () => {
    for (const child of servers) if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
    await world?.destroy()
  })

  const expectNoOtherBlame = (run: CliRun): void => {
    for (const fix of NEVER_FOR_A_PROXY) expect(fixIds(run)).not.toContain(fix)
  }

  it('a working proxy → ok, the page went through it, the proxy named', async () => {
    const run = await diagnoseInWorld(world, SITE, { env: viaEnvironment(`${PROXY.works}:${PORT}`) })
    expect(run.report.verdict.code).toBe('ok')
    const check = run.report.checks.find((entry) => entry.id === 'site.proxy')!
    expect(check.status).toBe('pass')
    expect(check.evidence).toMatchObject({ settings: { source: 'environment' }, proxy: `${PROXY.works}:${PORT}`, fetch: { ok: true, status: 200 } })
    expect(run.report.findings.map((finding) => finding.code)).toContain('proxy-in-use')
  })

  it('a secure page through a working proxy (CONNECT tunnel) reaches the site: the certificate is the site’s own', async () => {
    const run = await diagnoseInWorld(world, SECURE_SITE, { env: viaEnvironment(`${PROXY.works}:${PORT}`) })
    const check = run.report.checks.find((entry) => entry.id === 'site.proxy')!
    // The lab site's certificate is self-signed: through the tunnel NetMend meets it exactly as directly.
    expect(check.evidence).toMatchObject({ fetch: { ok: false, code: 'tls.untrusted', at: 'site' } })
    expect(run.report.verdict.code).not.toMatch(/^proxy-/)
  })

  it('a proxy that is not there → "the proxy this computer is set to use is not working", settings fix, no DNS change', async () => {
    const run = await diagnoseInWorld(world, SITE, { env: viaEnvironment(`${LAB.inetAddress}:${PORT}`) })
    expect(run.report.verdict.code).toBe('proxy-unreachable')
    expect(run.report.verdict.title).toBe('The proxy this computer is set to use is not working')
    expect(run.report.verdict.explanation).toContain(`${LAB.inetAddress}:${PORT}`)
    expect(fixIds(run)[0]).toBe('check-proxy-settings')
    expect(run.report.fixes[0]!.explanation).toContain('http_proxy')
    expectNoOtherBlame(run)
    expect(run.report.findings.map((finding) => finding.code)).toContain('proxy-failing')
  })

  it('a proxy that refuses the site (tinyproxy filter, 403) while the site works without it → the proxy blocks it', async () => {
    const run = await diagnoseInWorld(world, SITE, { env: viaEnvironment(`${PROXY.filters}:${PORT}`) })
    expect(run.report.verdict.code).toBe('proxy-blocks-site')
    expect(fixIds(run)).toEqual(['contact-isp', 'check-proxy-settings', 'retry'])
    expectNoOtherBlame(run)
  })

  it('a proxy that wants a sign-in (407) → says so', async () => {
    const run = await diagnoseInWorld(world, SITE, { env: viaEnvironment(`${PROXY.signIn}:${PORT}`) })
    expect(run.report.verdict.code).toBe('proxy-sign-in')
    expect(run.report.checks.find((entry) => entry.id === 'site.proxy')?.evidence).toMatchObject({ fetch: { ok: false, code: 'proxy.sign-in', status: 407 } })
    expectNoOtherBlame(run)
  })

  it('a proxy the site is exempted from (no_proxy) is not used', async () => {
    const run = await diagnoseInWorld(world, SITE, { env: { ...viaEnvironment(`${LAB.inetAddress}:${PORT}`), no_proxy: '.lab.test' } })
    expect(run.report.verdict.code).toBe('ok')
    expect(run.report.checks.find((entry) => entry.id === 'site.proxy')?.summary).toMatch(/not used/)
  })

  describe('a PAC file from KDE settings, served by nginx', () => {
    const kde = async (pacUrl: string): Promise<CliRun> => {
      const config = path.join(world.dir, `kde-${Buffer.from(pacUrl).toString('hex').slice(-12)}`)
      await run('mkdir', ['-p', config])
      await writeFile(path.join(config, 'kioslaverc'), `[Proxy Settings]\nProxyType=2\nProxy Config Script=${pacUrl}\n`)
      return diagnoseInWorld(world, SITE, { env: { XDG_CURRENT_DESKTOP: 'KDE', XDG_CONFIG_HOME: config } })
    }

    it('picks the working proxy for the site → ok, through that proxy', async () => {
      const run = await kde(`http://${PROXY.pac}/proxy.pac`)
      expect(run.report.verdict.code).toBe('ok')
      expect(run.report.checks.find((entry) => entry.id === 'site.proxy')?.evidence).toMatchObject({
        settings: { source: 'kde' },
        pac: { ok: true, choice: `PROXY ${PROXY.works}:${PORT}; DIRECT` },
        proxy: `${PROXY.works}:${PORT}`,
        fetch: { ok: true, status: 200 },
      })
    })

    it('a PAC file that is not there → told, and nothing blamed on the proxy', async () => {
      const run = await kde(`http://${PROXY.pac}/missing.pac`)
      expect(run.report.checks.find((entry) => entry.id === 'site.proxy')).toMatchObject({ status: 'warn', evidence: { pac: { ok: false, error: 'status 404' } } })
      expect(run.report.verdict.code).toBe('ok')
    })
  })
})
