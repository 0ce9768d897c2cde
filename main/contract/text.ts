import type { z } from 'zod'

// The rules every free-text field follows, from every door — a screen, a CSV import, a restored file — written once.
// They refuse what no one types and what makes text read differently from what it holds: hidden control codes,
// direction overrides that turn "Smith" into what looks like another name on screen and on paper, invisible
// spaces that keep a name from being found, and half of a character that breaks saving, printing and searching.

/**
 * `lines` may run over several lines (a note, a prayer request, directions to a door); `line` may not; a `name` (of
 * a person, a household, a circle, the congregation) may not either, nor hold an invisible space. Zero-width joiners
 * stay allowed in names: Persian, Hindi and Malayalam names need them.
 */
export type TextKind = 'name' | 'line' | 'lines'

// C0 and C1 control codes without tab, line feed and carriage return, which are decided by the kind of field.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
// Tab, line feed, carriage return and Unicode's own line and paragraph separators.
const BREAK = /[\t\n\r\u2028\u2029]/
// Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI). The plain direction marks
// (LRM, RLM, ALM) stay allowed: Arabic and Hebrew text needs them next to numbers, and they reorder nothing.
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/
// Zero-width space, word joiner, zero-width no-break space (a stray byte-order mark) and the Mongolian vowel separator.
const INVISIBLE_SPACE = /[\u200B\u2060\uFEFF\u180E]/
// With the u flag a well-formed pair is one code point, so only a surrogate without its other half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u

/** The catalog id of the first rule `text` breaks for a field of `kind`, or null when it follows them all. */
export function textProblem(text: string, kind: TextKind): string | null {
  if (LONE_SURROGATE.test(text)) return 'validation.text.broken'
  if (CONTROL.test(text)) return 'validation.control'
  if (kind !== 'lines' && BREAK.test(text)) return 'validation.text.oneLine'
  if (DIRECTION.test(text)) return 'validation.text.direction'
  if (kind === 'name' && INVISIBLE_SPACE.test(text)) return 'validation.text.invisibleSpace'
  return null
}

/** The rules as a zod check: `z.string().trim().max(100).check(followsTextRules('name'))`. */
export function followsTextRules(kind: TextKind) {
  return (ctx: z.core.ParsePayload<string>): void => {
    const problem = textProblem(ctx.value, kind)
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value })
  }
}
