import { z } from 'zod'

// The checks every form shares say which catalog message they fail with (main/contract/i18n/en/validation.ts), so
// a schema only names the unusual ones. Main fills in the numbers and the screen words them in the volunteer's
// language; an issue's input is only known here, so "missing" and "wrong kind" are told apart here.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.wrongKind'
      case 'too_small':
        if (issue.origin === 'string') return issue.minimum === 1 ? 'validation.required' : 'validation.tooShort'
        if (issue.origin === 'array') return issue.minimum === 1 ? 'validation.chooseOne' : 'validation.chooseAtLeast'
        return 'validation.atLeast'
      case 'too_big':
        if (issue.origin === 'string') return 'validation.tooLong'
        if (issue.origin === 'array') return 'validation.chooseAtMost'
        return 'validation.atMost'
      case 'invalid_format':
        if (issue.format === 'email') return 'validation.email'
        if (issue.format === 'date') return 'validation.date'
        if (issue.format === 'time') return 'validation.time'
        return 'validation.format'
      case 'invalid_value':
        return 'validation.option'
      case 'unrecognized_keys':
        return issue.keys.length > 3 ? 'validation.unknownMore' : 'validation.unknown'
      default:
        return 'validation.notRight'
    }
  },
})

/**
 * Characters no one types: NUL and the other C0/C1 control codes (tab, line feed and carriage return are allowed
 * where text may run over several lines). They hide in pasted or imported text and break printing and searching.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F]/

export const NO_CONTROL_MESSAGE = 'validation.control'

/** True when `text` has a control character; line breaks and tabs count only when they are not allowed. */
export function hasControl(text: string, allowBreaks = false): boolean {
  return (allowBreaks ? CONTROL_CHARACTERS : CONTROL_OR_BREAK).test(text)
}

/** A calendar day as 'YYYY-MM-DD' that really exists (no 31 April). */
export const isoDate = () => z.iso.date('validation.date')

/** A time of day as 'HH:MM'. */
export const timeOfDay = () => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time')

export const id = () => z.number().int().positive()
