import { describeAppFailure } from '../../../shared/texts/app-failures'
import { formatTime, siteLabel } from '../format'
import { useNetmend } from '../store-context'
import { useTexts } from '../texts-context'

/** The site being watched, until it is back (main also sends a system notification then). */
export function WatchBanner(): React.JSX.Element {
  const t = useTexts()
  const watch = useNetmend((state) => state.watch)
  const stop = useNetmend((state) => state.stopWatching)
  const dismiss = useNetmend((state) => state.dismissWatch)
  const site = watch?.target ? siteLabel(watch.target) : ''
  const watching = watch?.watching === true && watch.back !== true
  const failed = watch?.failure ? describeAppFailure(watch.failure, t.appFailures, site) : null
  const text = !watch ? '' : watch.back ? t.watch.back(site) : watching ? t.watch.watching(site) : (failed ?? t.watch.stopped)
  const lastChecked = watching && watch?.lastCheckedAt ? ` ${t.watch.lastChecked(formatTime(watch.lastCheckedAt, t.locale))}` : ''
  return (
    <div className={watch ? 'banner watch' : 'watch watch--empty'} role={watch ? 'region' : undefined} aria-label={watch ? t.watch.regionLabel : undefined}>
      <p role="status" className={watch?.back ? 'message message--ok' : failed ? 'message message--problem' : 'message'}>
        {text}
        {lastChecked}
      </p>
      {watch && (
        // One button whose job changes, so the keyboard stays on it.
        <button type="button" className="button" onClick={watching ? () => void stop() : dismiss}>
          {watching ? t.watch.stop : t.watch.dismiss}
        </button>
      )}
    </div>
  )
}
