import type { OsFixId } from '../../../shared/contract'
import { FIX_LIST_TEXTS } from '../../../shared/ui-texts'
import { useNetmend } from '../store-context'
import { LockIcon } from './LockIcon'
import type { FixProps } from './fix-props'
import { explanationId, FixExplanation, FixMessage, FixTitle } from './FixParts'

/**
 * A fix that changes the operating system: says what it will do and whether a password will be asked
 * for, and shows the honest state when this system can't do it yet.
 */
export function OsFix({ fix, readOnly, id, best }: FixProps & { id: OsFixId }): React.JSX.Element {
  const support = useNetmend((state) => state.fixSupport?.[id])
  const supportKnown = useNetmend((state) => state.fixSupport !== null)
  const supportFailed = useNetmend((state) => state.fixSupportFailed)
  const busy = useNetmend((state) => state.osFixBusy)
  const apply = useNetmend((state) => state.applyOsFix)
  const available = support?.available === true
  const noteId = `fix-${id}-note`
  const unavailable = supportKnown && !available
  return (
    <>
      <FixTitle
        id={fix.id}
        title={fix.title}
        primary={best}
        disabled={!available || busy !== null}
        describedBy={`${explanationId(fix.id)} ${noteId}`}
        {...(readOnly ? {} : { onPress: () => void apply(id) })}
      />
      <FixExplanation id={fix.id}>{fix.explanation}</FixExplanation>
      {!readOnly && (
        <div id={noteId}>
          {available && support.needsAdmin && (
            <p className="note note--admin">
              <LockIcon />
              {FIX_LIST_TEXTS.needsAdmin}
            </p>
          )}
          {unavailable && (
            <p className="note note--unavailable" data-unavailable="true">
              {/* Main's reason already says it for people; the generic words only stand in when it gave none. */}
              {support?.reason ?? (
                <>
                  <strong>{FIX_LIST_TEXTS.notAvailable}</strong> {supportFailed ? FIX_LIST_TEXTS.couldNotAsk : ''}
                </>
              )}
            </p>
          )}
        </div>
      )}
      {!readOnly && <FixMessage id={fix.id} />}
    </>
  )
}
