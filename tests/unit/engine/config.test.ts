import { execFileSync } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, loadConfig, loadConfigFile, MAX_CONFIG_BYTES, parseConfig } from '../../../src/main/engine/config'

describe('parseConfig', () => {
  it('fills missing keys with defaults', () => {
    expect(parseConfig({})).toEqual({ ok: true, config: DEFAULT_CONFIG })
  })

  it('accepts the documented shape', () => {
    const parsed = parseConfig({
      publicResolvers: [{ name: 'Lab', address: '198.51.100.8' }],
      reachabilityTargets: [{ address: '198.51.100.1', port: 443 }],
      captivePortalUrl: 'http://connectivity.lab.test/generate_204',
      budgetMs: 3000,
    })
    expect(parsed.ok && parsed.config.publicResolvers).toEqual([{ name: 'Lab', address: '198.51.100.8' }])
  })

  it.each([
    [{ publicResolvers: [] }, 'publicResolvers'],
    [{ publicResolvers: [{ name: 'X', address: '8.8.8' }] }, 'publicResolvers[0].address'],
    [{ publicResolvers: [{ address: '8.8.8.8' }] }, 'publicResolvers[0].name'],
    [{ reachabilityTargets: [{ address: '198.51.100.1', port: 70000 }] }, 'reachabilityTargets[0].port'],
    [{ reachabilityTargets: [{ address: 'one.one', port: 443 }] }, 'reachabilityTargets[0].address'],
    [{ captivePortalUrl: 'https://example.com/' }, 'captivePortalUrl'],
    [{ captivePortalUrl: 'not a url' }, 'captivePortalUrl'],
    [{ budgetMs: '4000' }, 'budgetMs'],
    [{ budgetMs: 10 }, 'budgetMs'],
    [{ budgteMs: 4000 }, 'budgteMs'],
  ])('names the bad field in %o', (document, field) => {
    const parsed = parseConfig(document)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.detail).toContain(`"${field}"`)
  })

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses the key %s as an unknown setting, by name', (key) => {
    // JSON.parse makes "__proto__" an own key, as a file would.
    const parsed = parseConfig(JSON.parse(`{ "${key}": { "budgetMs": 500 } }`))
    expect(parsed).toEqual({ ok: false, code: 'config.invalid-field', detail: `"${key}" is not a known setting` })
  })

  it('refuses a document that is not an object', () => {
    expect(parseConfig([1, 2])).toMatchObject({ ok: false, code: 'config.invalid-field' })
  })
})

describe('loadConfigFile', () => {
  it('reports unreadable files and broken JSON as values', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netmend-config-'))
    expect(await loadConfigFile(join(dir, 'missing.json'))).toMatchObject({ ok: false, code: 'config.unreadable' })
    await writeFile(join(dir, 'broken.json'), '{ "budgetMs": ')
    expect(await loadConfigFile(join(dir, 'broken.json'))).toMatchObject({ ok: false, code: 'config.not-json' })
  })

  it('refuses a named pipe without waiting for a writer, and a folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netmend-config-'))
    const fifo = join(dir, 'settings.fifo')
    execFileSync('mkfifo', [fifo])
    expect(await loadConfigFile(fifo)).toEqual({ ok: false, code: 'config.not-a-file', detail: fifo })
    expect(await loadConfigFile(dir)).toMatchObject({ ok: false, code: 'config.not-a-file' })
  })

  it('refuses a file larger than any settings file, without reading it all', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netmend-config-'))
    const huge = join(dir, 'huge.json')
    await writeFile(huge, `{ "budgetMs": 4000 ${' '.repeat(MAX_CONFIG_BYTES)}}`)
    expect(await loadConfigFile(huge)).toMatchObject({ ok: false, code: 'config.too-large' })
  })
})

describe('loadConfig: what every entry point starts with', () => {
  it('the file given, else the one NETMEND_CONFIG names, else the defaults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netmend-config-'))
    const given = join(dir, 'given.json')
    const named = join(dir, 'named.json')
    await writeFile(given, '{ "budgetMs": 1500 }')
    await writeFile(named, '{ "budgetMs": 2500 }')
    expect(await loadConfig(given, { NETMEND_CONFIG: named })).toMatchObject({ ok: true, config: { budgetMs: 1500 } })
    expect(await loadConfig(null, { NETMEND_CONFIG: named })).toMatchObject({ ok: true, config: { budgetMs: 2500 } })
    expect(await loadConfig(null, {})).toEqual({ ok: true, config: DEFAULT_CONFIG })
    expect(await loadConfig(undefined, { NETMEND_CONFIG: '' })).toEqual({ ok: true, config: DEFAULT_CONFIG })
    expect(await loadConfig(join(dir, 'missing.json'), {})).toMatchObject({ ok: false, code: 'config.unreadable' })
  })
})
