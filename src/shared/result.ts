// Errors travel as values with a code that the UI and the CLI know how to explain.
export type Failure<Code extends string = string> = { ok: false; code: Code; detail: string }
export type Result<T, Code extends string = string> = ({ ok: true } & T) | Failure<Code>

export function failure<Code extends string>(code: Code, detail: string): Failure<Code> {
  return { ok: false, code, detail }
}
