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
