import type { z } from 'zod'
import { en, type MessageId } from '../contract/i18n/en'
import type { MessageValues } from './say'

/** A refused value's message as the catalog words it: the id the schema named and the numbers of the check. */
export interface IssueWords {
  id: MessageId
  values?: MessageValues
}

const NAMED_KEYS = 3

function isMessageId(text: string): text is MessageId {
  return Object.hasOwn(en, text)
}

/**
 * The catalog message for one zod issue. Schemas name catalog ids as their messages (main/contract/validation.ts
 * for zod's own checks); a message that is not an id (a schema outside the contract) falls back to a general one.
 * Only the values the message uses are kept, so an error sent to the screen stays small.
 */
export function issueWords(issue: z.core.$ZodIssue): IssueWords {
  const id: MessageId = isMessageId(issue.message) ? issue.message : 'validation.notRight'
  const text: string = en[id]
  if (!text.includes('{')) return { id }
  const all: MessageValues = {}
  if ('minimum' in issue) all.minimum = Number(issue.minimum)
  if ('maximum' in issue) {
    all.maximum = Number(issue.maximum)
    // "Keep this under 121 characters" for at most 120: an inclusive maximum is one below the limit.
    all.limit = Number(issue.maximum) + (issue.inclusive === false ? 0 : 1)
  }
  if (issue.code === 'unrecognized_keys') {
    // A page can send thousands of made-up fields; the message names a few, so it stays short.
    all.names = issue.keys
      .slice(0, NAMED_KEYS)
      .map((k) => `"${k.slice(0, 40)}"`)
      .join(', ')
    all.more = String(Math.max(0, issue.keys.length - NAMED_KEYS))
  }
  const names = [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]!)
  // An id with numbers put on a check that has none would print "{maximum}": the general words are truer.
  if (!names.every((name) => name in all)) return { id: 'validation.notRight' }
  return { id, values: Object.fromEntries(names.map((name) => [name, all[name]!])) }
}
