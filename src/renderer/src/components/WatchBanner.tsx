import { WATCH_TEXTS } from '../../../shared/ui-texts'
import { formatTime, siteLabel } from '../format'
import { useNetmend } from '../store-context'

/** The site being watched, until it is back (main also sends a system notification then). */
export function WatchBanner(): React.JSX.Element {
  const watch = useNetmend((state) => state.watch)
  const stop = useNetmend((state) => state.stopWatching)
  const dismiss = useNetmend((state) => state.dismissWatch)
  const site = watch?.target ? siteLabel(watch.target) : ''
  const watching = watch?.watching === true && watch.back !== true
  const text = !watch ? '' : watch.back ? WATCH_TEXTS.back(site) : watching ? WATCH_TEXTS.watching(site) : WATCH_TEXTS.stopped
  const lastChecked = watching && watch?.lastCheckedAt ? ` ${WATCH_TEXTS.lastChecked(formatTime(watch.lastCheckedAt))}` : ''
  return (
    <div className={watch ? 'banner watch' : 'watch watch--empty'} role={watch ? 'region' : undefined} aria-label={watch ? WATCH_TEXTS.regionLabel : undefined}>
      <p role="status" className={watch?.back ? 'message message--ok' : 'message'}>
        {text}
        {lastChecked}
      </p>
      {watch && (
        // One button whose job changes, so the keyboard stays on it.
        <button type="button" className="button" onClick={watching ? () => void stop() : dismiss}>
          {watching ? WATCH_TEXTS.stop : WATCH_TEXTS.dismiss}
        </button>
      )}
    </div>
  )
}
