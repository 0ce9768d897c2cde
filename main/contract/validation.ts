import { z } from 'zod'

// Plain-English messages for the checks every form shares, so a schema only spells out the unusual ones.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null ? 'Please fill this in.' : 'This is not the right kind of value.'
      case 'too_small':
        if (issue.origin === 'string') return issue.minimum === 1 ? 'Please fill this in.' : `Use at least ${issue.minimum} characters.`
        if (issue.origin === 'array') return issue.minimum === 1 ? 'Choose at least one.' : `Choose at least ${issue.minimum}.`
        return `Use ${issue.minimum} or more.`
      case 'too_big':
        if (issue.origin === 'string') return `Keep this under ${Number(issue.maximum) + 1} characters.`
        if (issue.origin === 'array') return `Choose at most ${issue.maximum}.`
        return `Use ${issue.maximum} or less.`
      case 'invalid_format':
        if (issue.format === 'email') return "That doesn't look like an email address."
        if (issue.format === 'date') return 'Use a real date, like 2026-03-14.'
        if (issue.format === 'time') return 'Use a time like 18:30.'
        return 'This is not in the right format.'
      case 'invalid_value':
        return 'Choose one of the options.'
      case 'unrecognized_keys': {
        // A page can send thousands of made-up fields; the message names a few, so it stays short.
        const named = issue.keys.slice(0, 3).map((k) => `"${k.slice(0, 40)}"`)
        const more = issue.keys.length - named.length
        return `Hearth does not know ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`
      }
      default:
        return undefined
    }
  },
})

/**
 * Characters no one types: NUL and the other C0/C1 control codes (tab, line feed and carriage return are allowed
 * where text may run over several lines). They hide in pasted or imported text and break printing and searching.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F]/

export const NO_CONTROL_MESSAGE = 'This has a hidden control character in it (such as a NUL), perhaps from pasted text. Type it again.'

/** True when `text` has a control character; line breaks and tabs count only when they are not allowed. */
export function hasControl(text: string, allowBreaks = false): boolean {
  return (allowBreaks ? CONTROL_CHARACTERS : CONTROL_OR_BREAK).test(text)
}

/** A calendar day as 'YYYY-MM-DD' that really exists (no 31 April). */
export const isoDate = () => z.iso.date('Use a real date, like 2026-03-14.')

/** A time of day as 'HH:MM'. */
export const timeOfDay = () => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 18:30.')

export const id = () => z.number().int().positive()
