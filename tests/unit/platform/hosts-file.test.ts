// The hosts file as people and programs really write it, and as nobody should: parsed without surprises,
// read from ordinary files only and never more than the limit.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostsAddressesFor, hostsFilePath, MAX_HOSTS_BYTES, parseHostsFile, readHostsFile } from '../../../src/main/platform/hosts-file'

// The shape of Debian's /etc/hosts, a Windows hosts file (CRLF, BOM, its commented examples) and an
// ad-blocking list, as found on real machines.
const DEBIAN = `127.0.0.1\tlocalhost
127.0.1.1\tdesk.example.lan\tdesk

# The following lines are desirable for IPv6 capable hosts
::1     localhost ip6-localhost ip6-loopback
ff02::1 ip6-allnodes
203.0.113.81   Shop.Example.  www.shop.example   # moved in 2019
2001:db8::81 shop.example
`
const WINDOWS = '\uFEFF# Copyright (c) 1993-2009 Microsoft Corp.\r\n#\r\n#      102.54.94.97     rhino.acme.com          # source server\r\n\r\n192.0.2.7\tintranet.example\r\n'

describe('parseHostsFile', () => {
  it('reads addresses with every name on the line, skipping comments, case and the final dot', () => {
    const entries = parseHostsFile(DEBIAN)
    expect(hostsAddressesFor(entries, 'shop.example')).toEqual(['203.0.113.81', '2001:db8::81'])
    expect(hostsAddressesFor(entries, 'WWW.shop.example.')).toEqual(['203.0.113.81'])
    expect(hostsAddressesFor(entries, 'desk')).toEqual(['127.0.1.1'])
    expect(hostsAddressesFor(entries, 'other.example')).toEqual([])
  })

  it('reads a Windows file: byte-order mark, CRLF, commented examples left alone', () => {
    const entries = parseHostsFile(WINDOWS)
    expect(entries).toEqual([{ address: '192.0.2.7', names: ['intranet.example'] }])
    expect(hostsAddressesFor(entries, 'rhino.acme.com')).toEqual([])
  })

  it('ignores lines that are not "address name": junk, bad addresses, names that cannot be names', () => {
    const junk = ['shop.example 203.0.113.81', '999.1.1.1 shop.example', '203.0.113.81', `203.0.113.9 ${'a'.repeat(300)}`, '\u0000\u0001 shop.example', '#203.0.113.5 shop.example'].join('\n')
    expect(parseHostsFile(junk)).toEqual([])
  })

  it('keeps a link-local address with its zone', () => {
    expect(hostsAddressesFor(parseHostsFile('fe80::1%eth0 router.lan\n'), 'router.lan')).toEqual(['fe80::1%eth0'])
  })

  it('gives each address once however many lines repeat it', () => {
    expect(hostsAddressesFor(parseHostsFile('192.0.2.1 a\n192.0.2.1 a b\n'), 'a')).toEqual(['192.0.2.1'])
  })
})

describe('hostsFilePath', () => {
  it('is /etc/hosts on Linux and macOS, under the kernel-known Windows folder on Windows, and unknown without it', () => {
    expect(hostsFilePath('linux')).toBe('/etc/hosts')
    expect(hostsFilePath('darwin')).toBe('/etc/hosts')
    expect(hostsFilePath('win32', 'D:\\Windows')).toBe('D:\\Windows\\System32\\drivers\\etc\\hosts')
    expect(hostsFilePath('win32', undefined)).toBeUndefined()
  })
})

describe('readHostsFile', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'netmend-hosts-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('reads an ordinary file', async () => {
    const file = path.join(dir, 'hosts')
    await writeFile(file, DEBIAN)
    const read = await readHostsFile(file)
    expect(read.ok && hostsAddressesFor(read.entries, 'shop.example')).toEqual(['203.0.113.81', '2001:db8::81'])
  })

  it('says when there is no file, or no known place for one', async () => {
    expect(await readHostsFile(path.join(dir, 'missing'))).toMatchObject({ ok: false, code: 'file.missing' })
    expect(await readHostsFile(undefined)).toMatchObject({ ok: false, path: null })
  })

  it('refuses a directory and a FIFO with no writer, at once', async () => {
    expect(await readHostsFile(dir)).toMatchObject({ ok: false, code: 'file.not-a-file' })
    const fifo = path.join(dir, 'fifo')
    execFileSync('mkfifo', [fifo])
    expect(await readHostsFile(fifo)).toMatchObject({ ok: false, code: 'file.not-a-file' })
  })

  it('does not read a file larger than the limit', async () => {
    const big = path.join(dir, 'big')
    await writeFile(big, '')
    await truncate(big, MAX_HOSTS_BYTES + 1)
    expect(await readHostsFile(big)).toMatchObject({ ok: false, code: 'file.too-large' })
  })
})
