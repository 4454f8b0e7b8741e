import { useEffect, useRef } from 'react'
import { addressHint } from '../address-hints'
import { useNetmend } from '../store-context'
import { RunButton } from './RunButton'

import { ADDRESS_INPUT_ID } from './ids'
import { useTexts } from '../texts-context'

/** The optional address, with instant hints and main's explanation of what it could not use. */
export function AddressForm(): React.JSX.Element {
  const t = useTexts()
  const address = useNetmend((state) => state.address)
  const error = useNetmend((state) => state.addressError)
  const phase = useNetmend((state) => state.phase)
  const setAddress = useNetmend((state) => state.setAddress)
  const diagnose = useNetmend((state) => state.diagnose)
  const input = useRef<HTMLInputElement>(null)
  const hint = addressHint(address, t.address)

  useEffect(() => {
    if (error) input.current?.focus()
  }, [error])

  return (
    <form
      className="address-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (phase === 'idle') void diagnose()
      }}
    >
      <label htmlFor={ADDRESS_INPUT_ID} className="address-label">
        {t.address.label}
      </label>
      <p id="address-help" className="muted small">
        {t.address.help}
      </p>
      <div className="address-row">
        <input
          ref={input}
          // The one thing to do on opening the window: type (or paste) and press Enter.
          autoFocus
          id={ADDRESS_INPUT_ID}
          className="address-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          placeholder={t.address.placeholder}
          value={address}
          aria-invalid={error ? true : undefined}
          aria-describedby="address-help address-message"
          onChange={(event) => setAddress(event.target.value)}
        />
        <RunButton />
      </div>
      <p id="address-message" className={error ? 'field-message field-message--error' : 'field-message'} aria-live="polite">
        {error ? (
          <>
            <span className="sr-only">{t.address.problemLabel} </span>
            {error}
          </>
        ) : (
          hint
        )}
      </p>
    </form>
  )
}
