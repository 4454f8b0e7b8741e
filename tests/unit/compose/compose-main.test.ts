// The main process as the app and the end-to-end bridge both build it: composeMain with recording effects.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { composeMain, type MainProcess, type PlatformEffects } from '../../../src/main/compose/compose-main'
import { createDnsSettingsService } from '../../../src/main/dns-settings'
import { fixture, ok } from '../dns-settings/helpers'
import { fakeDns, simulatedMac } from '../dns-settings/simulated-mac'
import type { Language } from '../../../src/shared/language'
import { INPUT_ERROR_TEXTS } from '../../../src/shared/texts/input-errors'

const PAGE_URL = 'file:///app/out/renderer/index.html'
const OUR_PAGE = { url: PAGE_URL, parent: null }

function recordingEffects(language: Language = 'en') {
  const notifications: { title: string; body: string }[] = []
  const prompts: string[] = []
  const effects: PlatformEffects = {
    language,
    emit: () => undefined,
    copyText: () => undefined,
    saveText: async () => ({ saved: false }),
    notify: (title, body) => void notifications.push({ title, body }),
    openHelp: async () => true,
    adminPrompt: async (script) => (prompts.push(script), { ok: false, reason: 'declined', detail: 'test' }),
  }
  return { effects, notifications, prompts }
}

const dataDir = (): string => mkdtempSync(join(tmpdir(), 'netmend-compose-'))

/** A Windows whose DNS reader says whether this process is elevated ("IsAdmin" in its JSON). */
const windowsReading = (elevated: boolean) => ({
  platform: 'win32' as const,
  run: async () => ok(fixture(elevated ? 'windows/read-de.json' : 'windows/read-en.json')),
})

describe('composeMain', () => {
  let main: MainProcess | undefined
  afterEach(async () => {
    await main?.handlers.dispose()
    main = undefined
    vi.restoreAllMocks()
  })

  it.each([
    ['an elevated Windows process of a user who is not root', true, 1000, false],
    ['a Windows process without admin rights, whatever the user id', false, 0, true],
  ])('asks the DNS service whether a password prompt will appear: %s', async (_story, elevated, uid, promptExpected) => {
    // The answer must not come from the user id: it says nothing about admin rights on Windows.
    vi.spyOn(process, 'getuid').mockReturnValue(uid)
    main = await composeMain(recordingEffects().effects, { dataDir: dataDir(), pageUrl: PAGE_URL }, { dnsSettings: windowsReading(elevated) })
    const support = await main.ipc.fixSupport(OUR_PAGE, undefined)
    expect(support.map((fix) => [fix.id, fix.needsAdmin])).toEqual([
      ['flush-dns-cache', promptExpected],
      ['switch-dns', promptExpected],
      ['revert-dns', promptExpected],
    ])
  })

  it.each([
    ['en', /previous settings have been put back/],
    ['de', /Ihre vorherigen Einstellungen wurden wiederhergestellt/],
  ] as const)('undoes at start a switch nobody confirmed, says so in the system language (%s), and hands back what it did', async (language, said) => {
    const mac = simulatedMac()
    const folder = dataDir()
    const seams = { platform: 'darwin' as const, run: mac.run, backend: mac.backend, isElevated: async () => true, verify: fakeDns() }
    const earlier = createDnsSettingsService({ ...seams, dataDir: folder })
    expect(await earlier.use(['192.0.2.53'])).toMatchObject({ ok: true })
    expect(mac.servers.get('Wi-Fi')).toEqual(['192.0.2.53'])

    const { effects, notifications } = recordingEffects(language)
    main = await composeMain(effects, { dataDir: folder, pageUrl: PAGE_URL }, { dnsSettings: seams })
    expect(main.recovery).toEqual({ ok: true, recovered: true })
    expect(mac.servers.get('Wi-Fi')).toEqual([])
    expect(notifications).toEqual([{ title: 'NetMend', body: expect.stringMatching(said) }])
    expect(await main.ipc.startupNotes(OUR_PAGE, null)).toEqual({ settings: null, dnsRecovery: { ok: true, recovered: true } })
  })

  it('a damaged note of the last change found at start is handed to the window with its code, as is a settings file that is not there', async () => {
    const mac = simulatedMac()
    const folder = dataDir()
    const seams = { platform: 'darwin' as const, run: mac.run, backend: mac.backend, isElevated: async () => true, verify: fakeDns() }
    expect(await createDnsSettingsService({ ...seams, dataDir: folder }).use(['192.0.2.53'])).toMatchObject({ ok: true })
    writeFileSync(join(folder, 'dns-settings', 'journal.json'), '{ not json')

    const missing = join(dataDir(), 'no-such-settings.json')
    main = await composeMain(recordingEffects().effects, { dataDir: folder, pageUrl: PAGE_URL }, { configPath: missing, dnsSettings: seams })
    const notes = await main.ipc.startupNotes(OUR_PAGE, null)
    expect(notes.dnsRecovery).toMatchObject({ ok: false, code: 'dns-settings.journal-damaged' })
    expect(notes.settings).toEqual({ ok: false, code: 'config.unreadable', detail: `${missing}: ENOENT` })
    const said = { en: INPUT_ERROR_TEXTS.en.input['config.unreadable'](notes.settings!.detail), de: INPUT_ERROR_TEXTS.de.input['config.unreadable'](notes.settings!.detail) }
    expect(said).toEqual({ en: `The settings file can't be read (${missing}: it does not exist).`, de: `Die Einstellungsdatei lässt sich nicht lesen (${missing}: sie existiert nicht).` })
  })

  it('starts quietly when nothing was left unfinished', async () => {
    const mac = simulatedMac()
    const { effects, notifications } = recordingEffects()
    main = await composeMain(effects, { dataDir: dataDir(), pageUrl: PAGE_URL }, { dnsSettings: { platform: 'darwin', run: mac.run, backend: mac.backend } })
    expect(main.recovery).toEqual({ ok: true, recovered: false })
    expect(notifications).toEqual([])
  })

  it('a settings file that cannot be used is handed back for the caller to tell; with DNS settings off, no OS fix is offered', async () => {
    const file = join(dataDir(), 'settings.json')
    writeFileSync(file, '{ "budgetMs": 1 }')
    main = await composeMain(recordingEffects().effects, { dataDir: dataDir(), pageUrl: PAGE_URL }, { configPath: file, dnsSettings: false })
    expect(main.configProblem).toMatchObject({ ok: false, code: 'config.bad-budget', detail: 'budgetMs' })
    expect(main.recovery).toBeNull()
    expect((await main.ipc.fixSupport(OUR_PAGE, undefined)).every((fix) => !fix.available && !fix.needsAdmin)).toBe(true)
  })

  it('hands messages to the handlers only through the IPC guard', async () => {
    main = await composeMain(recordingEffects().effects, { dataDir: dataDir(), pageUrl: PAGE_URL }, { dnsSettings: false })
    expect(await main.ipc.listHistory(OUR_PAGE, undefined)).toEqual([])
    await expect(main.ipc.listHistory({ url: 'https://elsewhere.example/', parent: null }, undefined)).rejects.toThrow(/refused/)
    await expect(main.ipc.deleteHistory(OUR_PAGE, { id: 42 })).rejects.toThrow(/deleteHistory/)
  })
})
