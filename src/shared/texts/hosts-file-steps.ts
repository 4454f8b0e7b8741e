// How a person removes a line from the hosts file by hand, on each system: NetMend only shows the way,
// it never edits that file itself.
import type { TextParams } from '../diagnosis'
import type { DesktopOs } from '../evidence'

type Steps = (file: string, line: string) => string

const EN: Record<DesktopOs, Steps> = {
  windows: (file, line) =>
    `Click Start, type Notepad, right-click Notepad and choose "Run as administrator". In Notepad choose File ▸ Open, paste ${file} into the file name box and choose "All files". Find the line "${line}", type # at its very start (or delete the line), and save. Then close your browser completely and open it again.`,
  macos: (file, line) =>
    `Open Terminal (in Applications ▸ Utilities), type sudo nano ${file} and press Return; type your Mac's password when asked. Find the line "${line}", type # at its very start (or delete the line), press Control+O and Return to save, then Control+X to close. Then quit your browser and open it again.`,
  linux: (file, line) =>
    `Open a terminal, type sudo nano ${file} and press Enter; type your password when asked. Find the line "${line}", type # at its very start (or delete the line), press Ctrl+O and Enter to save, then Ctrl+X to close. Then close your browser completely and open it again.`,
}

const DE: Record<DesktopOs, Steps> = {
  windows: (file, line) =>
    `Klicken Sie auf Start, tippen Sie Editor, klicken Sie mit der rechten Maustaste auf „Editor“ und wählen Sie „Als Administrator ausführen“. Wählen Sie im Editor „Datei“ ▸ „Öffnen“, fügen Sie ${file} in das Feld für den Dateinamen ein und wählen Sie „Alle Dateien“. Suchen Sie die Zeile „${line}“, setzen Sie ein # ganz an ihren Anfang (oder löschen Sie die Zeile) und speichern Sie. Schließen Sie danach den Browser ganz und öffnen Sie ihn wieder.`,
  macos: (file, line) =>
    `Öffnen Sie das Terminal (unter Programme ▸ Dienstprogramme), tippen Sie sudo nano ${file} und drücken Sie die Eingabetaste; geben Sie auf Nachfrage das Passwort Ihres Mac ein. Suchen Sie die Zeile „${line}“, setzen Sie ein # ganz an ihren Anfang (oder löschen Sie die Zeile), drücken Sie Control+O und die Eingabetaste zum Speichern, dann Control+X zum Schließen. Beenden Sie danach den Browser und öffnen Sie ihn wieder.`,
  linux: (file, line) =>
    `Öffnen Sie ein Terminal, tippen Sie sudo nano ${file} und drücken Sie die Eingabetaste; geben Sie auf Nachfrage Ihr Passwort ein. Suchen Sie die Zeile „${line}“, setzen Sie ein # ganz an ihren Anfang (oder löschen Sie die Zeile), drücken Sie Strg+O und die Eingabetaste zum Speichern, dann Strg+X zum Schließen. Schließen Sie danach den Browser ganz und öffnen Sie ihn wieder.`,
}

const defaultFile = (os: DesktopOs): string => (os === 'windows' ? 'C:\\Windows\\System32\\drivers\\etc\\hosts' : '/etc/hosts')

function stepsIn(table: Record<DesktopOs, Steps>, p: TextParams, site: string): string {
  const os = p.os ?? 'linux'
  return table[os](p.hostsFile ?? defaultFile(os), `${p.hostsAddress ?? '…'} ${site}`)
}

export const hostsStepsEn = (p: TextParams, site: string): string => stepsIn(EN, p, site)
export const hostsStepsDe = (p: TextParams, site: string): string => stepsIn(DE, p, site)
