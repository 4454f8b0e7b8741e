// Tiny runtime validators: the renderer is untrusted, so every IPC argument is checked in main
// against the same description the types come from.

export type Validator<T> = (value: unknown, path?: string) => { ok: true; value: T } | { ok: false; error: string }

export type Infer<V> = V extends Validator<infer T> ? T : never

const fail = (path: string, expected: string) => ({ ok: false as const, error: `${path || 'argument'} must be ${expected}` })

export const v = {
  string:
    (maxLength = 2048): Validator<string> =>
    (value, path = '') =>
      typeof value === 'string' && value.length <= maxLength ? { ok: true, value } : fail(path, `a text of at most ${maxLength} characters`),
  /** A text matching `pattern` (anchored); `expected` says what that is, for the error. */
  matching:
    (pattern: RegExp, expected: string): Validator<string> =>
    (value, path = '') =>
      typeof value === 'string' && pattern.test(value) ? { ok: true, value } : fail(path, expected),
  literal:
    <T extends string>(...options: T[]): Validator<T> =>
    (value, path = '') =>
      typeof value === 'string' && (options as string[]).includes(value) ? { ok: true, value: value as T } : fail(path, `one of ${options.join(', ')}`),
  nullable:
    <T>(inner: Validator<T>): Validator<T | null> =>
    (value, path = '') =>
      value === null ? { ok: true, value: null } : inner(value, path),
  nothing: (): Validator<null> => (value, path = '') => (value === null || value === undefined ? { ok: true, value: null } : fail(path, 'empty')),
  object:
    <Shape extends Record<string, Validator<unknown>>>(shape: Shape): Validator<{ [K in keyof Shape]: Infer<Shape[K]> }> =>
    (value, path = '') => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'an object')
      const extra = Object.keys(value).find((key) => !(key in shape))
      if (extra !== undefined) return { ok: false, error: `${path ? `${path}.` : ''}${extra} is not expected` }
      const result: Record<string, unknown> = {}
      for (const [key, validator] of Object.entries(shape)) {
        const checked = validator((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key)
        if (!checked.ok) return checked
        result[key] = checked.value
      }
      return { ok: true, value: result as { [K in keyof Shape]: Infer<Shape[K]> } }
    },
}
