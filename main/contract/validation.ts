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

/** A calendar day as 'YYYY-MM-DD' that really exists (no 31 April). */
export const isoDate = () => z.iso.date('validation.date')

/** A time of day as 'HH:MM'. */
export const timeOfDay = () => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time')

export const id = () => z.number().int().positive()
