// Where a person finds the proxy setting NetMend read, on each system, to switch it off or correct it.
// NetMend only shows the way: it never changes proxy settings itself.
import type { TextParams } from '../diagnosis'
import type { ProxySource } from '../evidence'

const EN: Record<ProxySource, string> = {
  environment:
    'The setting comes from the words http_proxy and https_proxy (environment variables) set for your account, usually in a start-up file such as ~/.profile or ~/.bashrc. Remove or correct those lines, then sign out and back in.',
  macos: 'Open the Apple menu ▸ System Settings ▸ Network, choose your connection, click Details ▸ Proxies, and switch off the proxy (or correct its address). Click OK.',
  'windows-internet-settings':
    'Open Start ▸ Settings ▸ Network & internet ▸ Proxy. Under "Manual proxy setup", click Edit next to "Use a proxy server" and switch it off (or correct the address); under "Automatic proxy setup", check the script address. Click Save.',
  'windows-winhttp':
    'This is the proxy Windows itself uses for updates and services. Right-click Start, choose "Terminal (Admin)" or "Command Prompt (Admin)", and type netsh winhttp reset proxy to remove it.',
  gnome: 'Open Settings ▸ Network ▸ Network Proxy and set it to Off (or correct the address).',
  kde: 'Open System Settings ▸ Network ▸ Settings ▸ Proxy (or Network Settings ▸ Proxy), choose "No proxy" (or correct the address), and click Apply.',
}

const DE: Record<ProxySource, string> = {
  environment:
    'Die Einstellung stammt aus den Wörtern http_proxy und https_proxy (Umgebungsvariablen), die für Ihr Konto gesetzt sind, meist in einer Startdatei wie ~/.profile oder ~/.bashrc. Entfernen oder korrigieren Sie diese Zeilen und melden Sie sich danach ab und wieder an.',
  macos: 'Öffnen Sie das Apple-Menü ▸ Systemeinstellungen ▸ Netzwerk, wählen Sie Ihre Verbindung, klicken Sie auf „Details“ ▸ „Proxies“ und schalten Sie den Proxy aus (oder korrigieren Sie seine Adresse). Klicken Sie auf „OK“.',
  'windows-internet-settings':
    'Öffnen Sie Start ▸ Einstellungen ▸ Netzwerk und Internet ▸ Proxy. Klicken Sie unter „Manuelle Proxyeinrichtung“ neben „Proxyserver verwenden“ auf „Bearbeiten“ und schalten Sie ihn aus (oder korrigieren Sie die Adresse); prüfen Sie unter „Automatische Proxyeinrichtung“ die Skriptadresse. Klicken Sie auf „Speichern“.',
  'windows-winhttp':
    'Das ist der Proxy, den Windows selbst für Updates und Dienste verwendet. Klicken Sie mit der rechten Maustaste auf Start, wählen Sie „Terminal (Administrator)“ oder „Eingabeaufforderung (Administrator)“ und tippen Sie netsh winhttp reset proxy, um ihn zu entfernen.',
  gnome: 'Öffnen Sie Einstellungen ▸ Netzwerk ▸ Netzwerk-Proxy und stellen Sie ihn auf „Aus“ (oder korrigieren Sie die Adresse).',
  kde: 'Öffnen Sie die Systemeinstellungen ▸ Netzwerk ▸ Einstellungen ▸ Proxy (oder Netzwerkeinstellungen ▸ Proxy), wählen Sie „Kein Proxy“ (oder korrigieren Sie die Adresse) und klicken Sie auf „Anwenden“.',
}

export const proxyStepsEn = (p: TextParams): string => EN[p.proxySource ?? 'environment']
export const proxyStepsDe = (p: TextParams): string => DE[p.proxySource ?? 'environment']
