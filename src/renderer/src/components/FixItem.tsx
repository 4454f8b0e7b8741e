import type { FixProps } from './fix-props'
import { GuidedFix } from './GuidedFix'
import { OsFix } from './OsFix'
import { ReportFix } from './ReportFix'
import { RetryFix } from './RetryFix'
import { WatchFix } from './WatchFix'

/** One numbered fix; what it shows depends on whether the app can act on it. */
export function FixItem({ number, ...rest }: Omit<FixProps, 'best'> & { number: number }): React.JSX.Element {
  const props: FixProps = { ...rest, best: number === 1 }
  const { fix } = props
  return (
    <li className="fix" data-fix-id={fix.id}>
      <span className="fix-number" aria-hidden="true">
        {number}
      </span>
      <div className="fix-body">
        {fix.id === 'retry' ? (
          <RetryFix {...props} />
        ) : fix.id === 'watch-site' ? (
          <WatchFix {...props} />
        ) : fix.id === 'flush-dns-cache' || fix.id === 'switch-dns' || fix.id === 'revert-dns' ? (
          <OsFix {...props} id={fix.id} />
        ) : fix.id === 'contact-site-admin' ? (
          <ReportFix {...props} kind="site-admin" />
        ) : fix.id === 'contact-isp' ? (
          <ReportFix {...props} kind="isp" />
        ) : (
          <GuidedFix {...props} id={fix.id} />
        )}
      </div>
    </li>
  )
}
