// The shapes every text module shares. A domain's English object is its source; its type is what every
// other language must match (`satisfies`), so a text missing in any language does not compile.
import type { Language } from '../language'

/** One text per code, each taking exactly the particulars that code carries: a missing code does not compile. */
export type TextsByCode<Union extends { code: string }, Out = string> = { [C in Union['code']]: (about: Extract<Union, { code: C }>) => Out }

/** A domain's texts in every language NetMend has. */
export type InEveryLanguage<Texts> = Record<Language, Texts>

/** The text for one coded value. */
export function sayByCode<Union extends { code: string }, Out>(texts: TextsByCode<Union, Out>, about: Union): Out {
  return (texts[about.code as Union['code']] as (about: Union) => Out)(about)
}

/** A duration as a person reads it: whole milliseconds below a second, else seconds with one decimal as the language writes it ("1.2 s", "1,2 s"). */
export function durationText(ms: number, locale: string): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ms / 1000)} s`
}
