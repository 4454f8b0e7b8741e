// How a person sets the clock right on each system: NetMend only shows the way.
import type { TextParams } from '../diagnosis'
import type { DesktopOs } from '../evidence'

const EN: Record<DesktopOs, string> = {
  windows: 'Right-click the clock at the bottom right, choose "Adjust date and time", switch on "Set time automatically" and "Set time zone automatically", then click "Sync now".',
  macos: 'Open the Apple menu ▸ System Settings ▸ General ▸ Date & Time, and switch on "Set time and date automatically" (and the time zone from your location).',
  linux: 'Open Settings ▸ Date & Time (or System Settings ▸ Date & Time) and switch on "Automatic Date & Time"; in a terminal, sudo timedatectl set-ntp true does the same.',
}

const DE: Record<DesktopOs, string> = {
  windows: 'Klicken Sie mit der rechten Maustaste unten rechts auf die Uhr, wählen Sie „Datum/Uhrzeit anpassen“, schalten Sie „Uhrzeit automatisch festlegen“ und „Zeitzone automatisch festlegen“ ein und klicken Sie auf „Jetzt synchronisieren“.',
  macos: 'Öffnen Sie das Apple-Menü ▸ Systemeinstellungen ▸ Allgemein ▸ Datum & Uhrzeit und schalten Sie „Datum und Uhrzeit automatisch einstellen“ ein (und die Zeitzone nach Ihrem Standort).',
  linux: 'Öffnen Sie Einstellungen ▸ Datum und Uhrzeit (oder Systemeinstellungen ▸ Datum und Uhrzeit) und schalten Sie „Automatisches Datum und Uhrzeit“ ein; im Terminal bewirkt sudo timedatectl set-ntp true dasselbe.',
}

export const clockStepsEn = (p: TextParams): string => EN[p.os ?? 'linux']
export const clockStepsDe = (p: TextParams): string => DE[p.os ?? 'linux']

/** "3 days", "2 hours", "7 minutes": how far off, in the largest unit that fits. */
function howFar(minutes: number, units: { day: [string, string]; hour: [string, string]; minute: [string, string] }): string {
  const size = Math.abs(minutes)
  const [count, [one, many]] = size >= 1440 ? [Math.round(size / 1440), units.day] : size >= 60 ? [Math.round(size / 60), units.hour] : [size, units.minute]
  return `${count} ${count === 1 ? one : many}`
}

export const clockOffEn = (p: TextParams): string =>
  p.clockMinutes === undefined
    ? 'is off'
    : `is ${howFar(p.clockMinutes, { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'] })} ${p.clockMinutes > 0 ? 'ahead' : 'behind'}`
export const clockOffDe = (p: TextParams): string =>
  p.clockMinutes === undefined
    ? 'geht falsch'
    : `geht ${howFar(p.clockMinutes, { day: ['Tag', 'Tage'], hour: ['Stunde', 'Stunden'], minute: ['Minute', 'Minuten'] })} ${p.clockMinutes > 0 ? 'vor' : 'nach'}`
