// Steps only the person can take, one click away under the fix that needs them.
import type { InEveryLanguage } from '../../../shared/texts/shape'

export const BROWSERS = ['Chrome', 'Edge', 'Firefox', 'Safari'] as const
export type BrowserName = (typeof BROWSERS)[number]

export interface GuidedTexts {
  stepsHeading: string
  stepsFor: (browser: BrowserName) => string
  browserQuestion: string
  newBrowserSession: string[]
  clearSiteData: Record<BrowserName, string[]>
  restartRouter: string[]
}

const en: GuidedTexts = {
  stepsHeading: 'Steps',
  stepsFor: (browser) => `Steps: ${browser}`,
  browserQuestion: 'Which browser do you use?',
  newBrowserSession: [
    'Close every window of your browser. On a Mac, choose Quit from the browser’s menu; on Windows, check that no window is left in the taskbar.',
    'Open the browser again and go to the site.',
    'Still failing? Try a private window: Ctrl+Shift+N in Chrome and Edge, Ctrl+Shift+P in Firefox, ⌘+Shift+N in Safari.',
  ],
  clearSiteData: {
    Chrome: [
      'Open the site in Chrome.',
      'Click the icon just left of the address (“View site information”).',
      'Choose “Cookies and site data”, then “Manage on-device site data”.',
      'Click the bin icon next to each entry, then Done.',
      'Reload the page.',
    ],
    Edge: [
      'Open the site in Edge.',
      'Click the padlock just left of the address.',
      'Choose “Cookies” (or “Cookies and site data”).',
      'Select each entry and click Remove, then Done.',
      'Reload the page.',
    ],
    Firefox: ['Open the site in Firefox.', 'Click the padlock just left of the address.', 'Choose “Clear cookies and site data…”.', 'Confirm with Remove.', 'Reload the page.'],
    Safari: [
      'In Safari, choose Safari ▸ Settings (or Preferences) ▸ Privacy.',
      'Click “Manage Website Data…”.',
      'Type the site’s name in the search field.',
      'Select it, click Remove, then Done.',
      'Reload the page.',
    ],
  },
  restartRouter: [
    'Unplug the power cable of your router — and of the modem, if it is a separate box.',
    'Wait 30 seconds.',
    'Plug the modem back in first and wait until its lights stop blinking (about a minute).',
    'Plug the router back in.',
    'Wait two minutes, then press Check again.',
  ],
}

const de = {
  stepsHeading: 'Schritte',
  stepsFor: (browser) => `Schritte: ${browser}`,
  browserQuestion: 'Welchen Browser verwenden Sie?',
  newBrowserSession: [
    'Schließen Sie alle Fenster Ihres Browsers. Auf dem Mac wählen Sie im Menü des Browsers „Beenden“; unter Windows achten Sie darauf, dass in der Taskleiste kein Fenster mehr übrig ist.',
    'Öffnen Sie den Browser wieder und rufen Sie die Website auf.',
    'Geht es immer noch nicht? Versuchen Sie ein privates Fenster: Strg+Umschalt+N in Chrome und Edge, Strg+Umschalt+P in Firefox, ⌘+Umschalt+N in Safari.',
  ],
  clearSiteData: {
    Chrome: [
      'Öffnen Sie die Website in Chrome.',
      'Klicken Sie auf das Symbol direkt links neben der Adresse („Websiteinformationen anzeigen“).',
      'Wählen Sie „Cookies und Websitedaten“ und dann „Auf dem Gerät gespeicherte Websitedaten verwalten“.',
      'Klicken Sie neben jedem Eintrag auf das Papierkorbsymbol und dann auf „Fertig“.',
      'Laden Sie die Seite neu.',
    ],
    Edge: [
      'Öffnen Sie die Website in Edge.',
      'Klicken Sie auf das Schloss direkt links neben der Adresse.',
      'Wählen Sie „Cookies“ (oder „Cookies und Websitedaten“).',
      'Markieren Sie jeden Eintrag, klicken Sie auf „Entfernen“ und dann auf „Fertig“.',
      'Laden Sie die Seite neu.',
    ],
    Firefox: [
      'Öffnen Sie die Website in Firefox.',
      'Klicken Sie auf das Schloss direkt links neben der Adresse.',
      'Wählen Sie „Cookies und Website-Daten löschen …“.',
      'Bestätigen Sie mit „Entfernen“.',
      'Laden Sie die Seite neu.',
    ],
    Safari: [
      'Wählen Sie in Safari „Safari“ ▸ „Einstellungen“ ▸ „Datenschutz“.',
      'Klicken Sie auf „Websitedaten verwalten …“.',
      'Geben Sie den Namen der Website in das Suchfeld ein.',
      'Markieren Sie sie, klicken Sie auf „Entfernen“ und dann auf „Fertig“.',
      'Laden Sie die Seite neu.',
    ],
  },
  restartRouter: [
    'Ziehen Sie das Stromkabel Ihres Routers – und des Modems, falls es ein eigenes Gerät ist.',
    'Warten Sie 30 Sekunden.',
    'Stecken Sie zuerst das Modem wieder ein und warten Sie, bis seine Lämpchen nicht mehr blinken (etwa eine Minute).',
    'Stecken Sie den Router wieder ein.',
    'Warten Sie zwei Minuten und drücken Sie dann „Erneut prüfen“.',
  ],
} satisfies GuidedTexts

export const GUIDED_TEXTS: InEveryLanguage<GuidedTexts> = { en, de }
