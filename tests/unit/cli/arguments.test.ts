import { describe, expect, it } from 'vitest'
import { parseArguments } from '../../../src/main/cli/arguments'

describe('parseArguments', () => {
  it('reads a diagnose command with its flags in any order', () => {
    expect(parseArguments(['diagnose', '--json', 'example.com', '--config', 'a.json'])).toEqual({
      ok: true,
      parsed: { command: 'diagnose', target: 'example.com', json: true, configPath: 'a.json' },
    })
    expect(parseArguments(['diagnose', '--config=b.json'])).toMatchObject({ ok: true, parsed: { configPath: 'b.json', target: null, json: false } })
  })

  it('treats everything after -- as positional', () => {
    expect(parseArguments(['diagnose', '--', '-weird-.example'])).toMatchObject({ ok: true, parsed: { target: '-weird-.example' } })
  })

  it.each([
    [['diagnose', '--jsn'], 'cli.unknown-flag'],
    [['diagnose', '--json=yes'], 'cli.unknown-flag'],
    [['diagnose', '--config'], 'cli.missing-value'],
    [['diagnose', '--config', '--json'], 'cli.missing-value'],
    [['diagnoze'], 'cli.unknown-command'],
    [['diagnose', 'a.com', 'b.com'], 'cli.extra-argument'],
  ])('%j → %s', (argv, code) => {
    expect(parseArguments(argv)).toMatchObject({ ok: false, code })
  })
})

describe('parseArguments: netmend dns', () => {
  it('reads show, use, revert and flush', () => {
    expect(parseArguments(['dns', 'show', '--json'])).toEqual({ ok: true, parsed: { command: 'dns-show', json: true } })
    expect(parseArguments(['dns', 'use', 'google', '1.1.1.1', '--adapter', 'en0', '--adapter=en7', '--config', 'c.json'])).toEqual({
      ok: true,
      parsed: { command: 'dns-use', servers: ['google', '1.1.1.1'], adapters: ['en0', 'en7'], configPath: 'c.json' },
    })
    expect(parseArguments(['dns', 'revert'])).toEqual({ ok: true, parsed: { command: 'dns-revert' } })
    expect(parseArguments(['dns', 'flush'])).toEqual({ ok: true, parsed: { command: 'dns-flush' } })
  })

  it.each([
    [['dns'], 'cli.unknown-dns-command'],
    [['dns', 'switch'], 'cli.unknown-dns-command'],
    [['dns', 'use'], 'cli.missing-server'],
    [['dns', 'use', '1.1.1.1', '--json'], 'cli.unknown-flag'],
    [['dns', 'show', '--adapter', 'en0'], 'cli.unknown-flag'],
    [['dns', 'revert', 'now'], 'cli.extra-argument'],
    [['dns', 'use', '1.1.1.1', '--adapter'], 'cli.missing-value'],
    [['diagnose', '--adapter', 'en0'], 'cli.unknown-flag'],
  ])('%j → %s', (argv, code) => {
    expect(parseArguments(argv)).toMatchObject({ ok: false, code })
  })
})
