import { describeDnsFailure } from '../../../shared/texts/dns-settings'
import { useNetmend } from '../store-context'
import { useTexts } from '../texts-context'

/** What start-up found: a settings file it could not use, a DNS change left unfinished and what became of it. */
export function StartupNotes(): React.JSX.Element | null {
  const t = useTexts()
  const notes = useNetmend((state) => state.startupNotes)
  const dismiss = useNetmend((state) => state.dismissStartupNotes)
  if (!notes) return null
  const { settings, dnsRecovery } = notes
  return (
    <div className="banner startup-notes" role="region" aria-label={t.startup.regionLabel}>
      {settings && (
        <p className="message message--problem" data-note="settings">
          {t.inputErrors.input[settings.code](settings.detail)} {t.startup.usingDefaults}
        </p>
      )}
      {dnsRecovery?.ok && (
        <p className="message message--info" data-note="dns-recovery">
          {t.dnsSettings.recovered}
        </p>
      )}
      {dnsRecovery && !dnsRecovery.ok && (
        <p className="message message--problem" data-note="dns-recovery">
          {describeDnsFailure(dnsRecovery, t.dnsSettings)} {t.startup.recoveryFailedNext}
        </p>
      )}
      <button type="button" className="button" onClick={dismiss}>
        {t.startup.dismiss}
      </button>
    </div>
  )
}
