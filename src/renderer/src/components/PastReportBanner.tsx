import { useEffect, useRef } from 'react'
import { formatDateTime, siteLabel } from '../format'
import { useNetmend } from '../store-context'
import { ADDRESS_INPUT_ID, focusById } from './ids'
import { useTexts } from '../texts-context'

/** Says plainly that the report below is a past one, and leads back to the current one. */
export function PastReportBanner(): React.JSX.Element | null {
  const t = useTexts()
  const entry = useNetmend((state) => (state.viewingId ? state.history.find((item) => item.id === state.viewingId) : undefined))
  const close = useNetmend((state) => state.closeHistoryView)
  const heading = useRef<HTMLHeadingElement>(null)
  const id = entry?.id

  useEffect(() => {
    if (id) heading.current?.focus()
  }, [id])

  if (!entry) return null
  const subject = t.history.subject(entry.report.target ? siteLabel(entry.report.target) : null)
  return (
    <section className="banner past" aria-labelledby="past-heading">
      <h2 id="past-heading" ref={heading} tabIndex={-1}>
        {t.history.viewingHeading}
      </h2>
      <p>{t.history.viewing(subject, formatDateTime(entry.finishedAt, t.locale))}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          close()
          focusById(ADDRESS_INPUT_ID)
        }}
      >
        {t.history.backToCurrent}
      </button>
    </section>
  )
}
