// What NetMend does for you beyond one diagnosis: watching a site, the "Keep these settings?" prompt after
// a DNS switch, and the reports you copy or save.
import type { InEveryLanguage } from '../../../shared/texts/shape'
import type { ReportKind } from '../../../shared/texts/reports'

export interface ChangeTexts {
  watch: {
    stop: string
    dismiss: string
    regionLabel: string
    watching: (site: string) => string
    alreadyWatching: string
    lastChecked: (time: string) => string
    stopped: string
  }
  dns: {
    confirmHeading: string
    confirmBody: string
    countdown: (seconds: number) => string
    keep: string
    undo: string
    kept: string
    changedNote: string
    revertedUnconfirmed: string
    autoRevertFailed: (why: string) => string
  }
  report: {
    preview: Record<ReportKind, string>
    intro: Record<ReportKind, string>
    copy: string
    save: string
    copied: string
    notCopied: string
    saved: (path?: string) => string
    notSaved: string
    /** Part of the suggested file name: letters, digits and dashes only. */
    fileName: Record<ReportKind, string>
  }
}

const en: ChangeTexts = {
  watch: {
    stop: 'Stop watching',
    dismiss: 'Dismiss',
    regionLabel: 'Watching a site',
    watching: (site) => `Watching ${site}. You will get a notification as soon as it works again; you can close this window and keep using your computer.`,
    alreadyWatching: 'Watching it now: you will get a notification when it works again. “Stop watching” is at the top of the window.',
    lastChecked: (time) => `Last checked at ${time}: still not working.`,
    stopped: 'Stopped watching.',
  },
  dns: {
    confirmHeading: 'Keep these settings?',
    confirmBody: 'NetMend switched this computer to a public address book. If sites work now, keep it. If you do nothing, your previous settings come back by themselves.',
    countdown: (seconds) => `Going back to your previous settings in ${seconds} s.`,
    keep: 'Keep',
    undo: 'Undo now',
    kept: 'Kept. Press Diagnose to check the site again; you can go back to your previous settings at any time.',
    changedNote: 'This computer uses a public address book, set by NetMend.',
    revertedUnconfirmed: 'Nobody confirmed the new settings in time, so your previous ones were put back.',
    autoRevertFailed: (why) =>
      `Nobody confirmed the new settings, but putting your previous ones back did not work: ${why} This computer still uses the public address book; press "Go back to my previous settings" to try again.`,
  },
  report: {
    preview: { 'site-admin': 'Report for the site’s owners', isp: 'Report for your internet provider' },
    intro: {
      'site-admin': 'This is what will be sent. Paste it into an e-mail or the site’s contact form.',
      isp: 'This is what will be sent. Read it out on the phone or paste it into the provider’s support chat.',
    },
    copy: 'Copy report',
    save: 'Save report as a file…',
    copied: 'Copied. Paste it wherever you contact them.',
    notCopied: 'The report could not be copied.',
    saved: (path) => (path ? `Saved to ${path}.` : 'Saved.'),
    notSaved: 'Not saved.',
    fileName: { 'site-admin': 'for-site-owners', isp: 'for-internet-provider' },
  },
}

const de = {
  watch: {
    stop: 'Beobachtung beenden',
    dismiss: 'Ausblenden',
    regionLabel: 'Eine Website wird beobachtet',
    watching: (site) => `${site} wird beobachtet. Sie bekommen eine Benachrichtigung, sobald es wieder funktioniert; Sie können dieses Fenster schließen und Ihren Computer normal weiter benutzen.`,
    alreadyWatching: 'Wird gerade beobachtet: Sie bekommen eine Benachrichtigung, sobald es wieder funktioniert. „Beobachtung beenden“ finden Sie oben im Fenster.',
    lastChecked: (time) => `Zuletzt um ${time} geprüft: funktioniert noch nicht.`,
    stopped: 'Beobachtung beendet.',
  },
  dns: {
    confirmHeading: 'Diese Einstellungen behalten?',
    confirmBody:
      'NetMend hat diesen Computer auf ein öffentliches Adressbuch umgestellt. Wenn Websites jetzt funktionieren, behalten Sie es. Wenn Sie nichts tun, kommen Ihre vorherigen Einstellungen von selbst zurück.',
    countdown: (seconds) => `Zurück zu Ihren vorherigen Einstellungen in ${seconds} s.`,
    keep: 'Behalten',
    undo: 'Jetzt rückgängig machen',
    kept: 'Behalten. Drücken Sie „Prüfen“, um die Website erneut zu prüfen; Sie können jederzeit zu Ihren vorherigen Einstellungen zurückkehren.',
    changedNote: 'Dieser Computer verwendet ein öffentliches Adressbuch, eingestellt von NetMend.',
    revertedUnconfirmed: 'Niemand hat die neuen Einstellungen rechtzeitig bestätigt, deshalb wurden Ihre vorherigen wiederhergestellt.',
    autoRevertFailed: (why) =>
      `Niemand hat die neuen Einstellungen bestätigt, aber das Zurückholen Ihrer vorherigen hat nicht geklappt: ${why} Dieser Computer verwendet noch das öffentliche Adressbuch; drücken Sie „Zurück zu meinen vorherigen Einstellungen“, um es erneut zu versuchen.`,
  },
  report: {
    preview: { 'site-admin': 'Bericht für die Betreiber der Website', isp: 'Bericht für Ihren Internetanbieter' },
    intro: {
      'site-admin': 'Das wird gesendet. Fügen Sie es in eine E-Mail oder das Kontaktformular der Website ein.',
      isp: 'Das wird gesendet. Lesen Sie es am Telefon vor oder fügen Sie es in den Support-Chat Ihres Anbieters ein.',
    },
    copy: 'Bericht kopieren',
    save: 'Bericht als Datei speichern …',
    copied: 'Kopiert. Fügen Sie ihn dort ein, wo Sie die Empfänger erreichen.',
    notCopied: 'Der Bericht ließ sich nicht kopieren.',
    saved: (path) => (path ? `Gespeichert unter ${path}.` : 'Gespeichert.'),
    notSaved: 'Nicht gespeichert.',
    fileName: { 'site-admin': 'fuer-websitebetreiber', isp: 'fuer-internetanbieter' },
  },
} satisfies ChangeTexts

export const CHANGE_TEXTS: InEveryLanguage<ChangeTexts> = { en, de }
