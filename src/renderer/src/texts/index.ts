// Everything the window says, in one language: its own words and the shared ones it tells a diagnosis with.
import type { Language } from '../../../shared/language'
import { APP_FAILURE_TEXTS, type AppFailureTexts } from '../../../shared/texts/app-failures'
import { DIAGNOSIS_TEXTS, type DiagnosisTexts } from '../../../shared/texts/diagnosis'
import { DNS_SETTINGS_TEXTS, type DnsSettingsTexts } from '../../../shared/texts/dns-settings'
import { INPUT_ERROR_TEXTS, type InputErrorTexts } from '../../../shared/texts/input-errors'
import { WATCH_TEXTS, type WatchTexts } from '../../../shared/texts/watch'
import { CHANGE_TEXTS, type ChangeTexts } from './changes'
import { EVIDENCE_TEXTS, type EvidenceTexts } from './evidence'
import { GUIDED_TEXTS, type GuidedTexts } from './guided'
import { HISTORY_TEXTS, type HistoryTexts } from './history'
import { STARTUP_TEXTS, type StartupTexts } from './startup'
import { WINDOW_TEXTS, type WindowTexts } from './window'

export interface RendererTexts extends WindowTexts, Omit<ChangeTexts, 'watch'>, StartupTexts {
  language: Language
  /** What numbers, dates and times are written in. */
  locale: string
  diagnosis: DiagnosisTexts
  inputErrors: InputErrorTexts
  dnsSettings: DnsSettingsTexts
  watch: ChangeTexts['watch'] & WatchTexts
  guided: GuidedTexts
  evidence: EvidenceTexts
  history: HistoryTexts
  appFailures: AppFailureTexts
}

export function rendererTexts(language: Language, locale: string = language): RendererTexts {
  return {
    language,
    locale,
    ...WINDOW_TEXTS[language],
    ...CHANGE_TEXTS[language],
    ...STARTUP_TEXTS[language],
    watch: { ...CHANGE_TEXTS[language].watch, ...WATCH_TEXTS[language] },
    diagnosis: DIAGNOSIS_TEXTS[language],
    inputErrors: INPUT_ERROR_TEXTS[language],
    dnsSettings: DNS_SETTINGS_TEXTS[language],
    guided: GUIDED_TEXTS[language],
    evidence: EVIDENCE_TEXTS[language],
    history: HISTORY_TEXTS[language],
    appFailures: APP_FAILURE_TEXTS[language],
  }
}
