import { z } from 'zod'
import { effect, read, write } from './define'
import { MemberFilterSchema } from './members'
import { id, isoDate } from './validation'
import type { ContactMethod } from './values'
import { followsTextRules } from './text'

// Reaching people without a server: the call list, ready-to-send messages, calendar files and contact lists.

export const CALL_RANGES = ['today', 'tomorrow', 'thisWeek', 'nextWeek', 'next7Days'] as const
export type CallRangePreset = (typeof CALL_RANGES)[number]
export const CALL_RANGE_LABELS: Record<CallRangePreset, string> = {
  today: 'Today',
  tomorrow: 'Tomorrow',
  thisWeek: 'This week',
  nextWeek: 'Next week',
  next7Days: 'The next 7 days',
}

/** A named range ("tomorrow") worked out from today in the congregation's time zone, or two days chosen by hand. */
export const CallRangeSchema = z.union([
  z.strictObject({ preset: z.enum(CALL_RANGES, 'validation.reach.preset') }),
  z
    .strictObject({ from: isoDate(), to: isoDate() })
    .refine((r) => r.to >= r.from, { message: 'validation.reach.rangeOrder', path: ['to'] })
    .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 62 * 86_400_000, { message: 'validation.reach.rangeLength', path: ['to'] }),
])
export type CallRange = z.infer<typeof CallRangeSchema>

/** One promised duty on the call list. `key` names it for the "reminded" tick: 'meal:<sign-up id>' or 'prayer:<assignment id>'. */
export interface CallDuty {
  key: string
  kind: 'meal' | 'prayer'
  /** "Dinner for Maria Lopez", "Lent vigil (Tuesday circle)". */
  what: string
  date: string
  /** 'HH:MM' in the congregation's time zone; null when no time is known. */
  from: string | null
  to: string | null
  /** The drop-off address of a meal. */
  where: string | null
  reminded: boolean
}

export interface CallPerson {
  /** 'p:<person id>' for a member, 'w:<name>' for someone written in by hand. */
  key: string
  personId: number | null
  name: string
  preferredContact: ContactMethod | null
  mobile: string | null
  otherPhone: string | null
  homePhone: string | null
  email: string | null
  duties: CallDuty[]
}

/** Someone who asked to be replaced: the round finds them a substitute. */
export interface SubstituteNeeded {
  name: string
  phone: string | null
  duty: CallDuty
  scheduleId: number
  /** Which kind of schedule scheduleId names: a vigil or rota, or standing hours (every week). */
  area: 'prayer-circles' | 'standing-hours'
}

/** A meal or prayer time nobody has taken yet. */
export interface CallGap {
  kind: 'meal' | 'prayer'
  what: string
  date: string
  from: string | null
  to: string | null
  /** Places still open (a vigil hour can need two people). */
  open: number
  ref: { area: 'meal-trains' | 'prayer-circles'; id: number }
}

export interface CallList {
  from: string
  to: string
  timeZone: string
  people: CallPerson[]
  substitutes: SubstituteNeeded[]
  gaps: CallGap[]
}

/**
 * Who a call-list entry is, as a reminder request names them: 'p:12' for a member; 'w:ann smith' for a name written
 * in by hand (folded, so "Ann Smith" and "ann  smith" match).
 */
export function personKey(personId: number | null, name: string): string {
  return personId !== null ? `p:${personId}` : `w:${name.trim().replace(/\s+/g, ' ').toLocaleLowerCase()}`
}

export const DUTY_KEY = /^(meal|prayer):[1-9]\d{0,15}$/

// ---------------------------------------------------------------------------------------------------------------
// Messages

export const MESSAGE_KINDS = ['mealTrain', 'gaps', 'reminder', 'prayerCircle'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

/**
 * The words each kind of message starts from. {placeholders} are filled in by Hearth; everything else is the
 * volunteer's own text (Settings). PLACEHOLDERS lists the ones each kind understands.
 */
export const DEFAULT_TEMPLATES: Record<MessageKind, string> = {
  mealTrain: 'Meals for {recipient}\nCan you bring a meal? These days are still open:\n{days}\nTo sign up, {signup}\nThank you!',
  gaps: '{title}\nThese times still need someone:\n{times}\nTo take one, {signup}\nThank you!',
  reminder: 'Hello {name}, a friendly reminder from {congregation}:\n{duties}\nThank you!',
  prayerCircle: '{circle}: please pray for\n{requests}',
}
export const PLACEHOLDERS: Record<MessageKind, readonly string[]> = {
  mealTrain: ['recipient', 'days', 'signup', 'congregation'],
  gaps: ['title', 'times', 'signup', 'congregation'],
  reminder: ['name', 'duties', 'congregation'],
  prayerCircle: ['circle', 'requests', 'congregation'],
}
export type MessageTemplates = Record<MessageKind, string>

const template = z.string().trim().min(1, 'validation.reach.template').max(2000).check(followsTextRules('lines'))

export const MessageRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mealTrain'), trainId: id() }),
  z.strictObject({ kind: z.literal('gaps'), scheduleId: id() }),
  /** Standing hours' dates waiting for a substitute, in the next four weeks; uses the words of `gaps`. */
  z.strictObject({ kind: z.literal('standingSubstitutes'), scheduleId: id() }),
  z.strictObject({ kind: z.literal('prayerCircle'), circleId: id() }),
  z.strictObject({ kind: z.literal('reminder'), personKey: z.string().min(3).max(300), range: CallRangeSchema }),
])
export type MessageRequest = z.infer<typeof MessageRequestSchema>

// ---------------------------------------------------------------------------------------------------------------
// Calendar files

export const CalendarRequestSchema = z.discriminatedUnion('of', [
  z.strictObject({ of: z.literal('person'), personId: id() }),
  z.strictObject({ of: z.literal('mealTrain'), trainId: id() }),
  z.strictObject({ of: z.literal('schedule'), scheduleId: id() }),
])
export type CalendarRequest = z.infer<typeof CalendarRequestSchema>

// ---------------------------------------------------------------------------------------------------------------
// Contact lists

export const ContactSourceSchema = z.discriminatedUnion('of', [
  z.strictObject({ of: z.literal('members'), filter: MemberFilterSchema }),
  z.strictObject({ of: z.literal('circle'), circleId: id() }),
  z.strictObject({ of: z.literal('mealTrain'), trainId: id() }),
  z.strictObject({ of: z.literal('callList'), range: CallRangeSchema }),
])
export type ContactSource = z.infer<typeof ContactSourceSchema>

export interface ContactCopy {
  /** How many addresses or numbers were copied. */
  copied: number
  /** People who have none, named so they can be reached another way. */
  missing: string[]
  /** For Write an email: how many messages were opened (a long list goes in several), or 0 when the addresses were copied instead. */
  messages?: number
}

export const reachContract = {
  'reach.callList': read<CallList>()(z.strictObject({ range: CallRangeSchema })),
  'reach.setReminded': write<{ key: string; reminded: boolean }>()(
    z.strictObject({ key: z.string().regex(DUTY_KEY, 'validation.reach.duty'), reminded: z.boolean() }),
  ),
  /** Builds the message and puts it on the clipboard; the text comes back so the screen can show what was copied. */
  'reach.copyMessage': effect<{ text: string }>()(z.strictObject({ request: MessageRequestSchema })),
  'reach.templates': read<MessageTemplates>()(z.strictObject({})),
  'reach.setTemplates': write<MessageTemplates>()(
    z.strictObject({ mealTrain: template.optional(), gaps: template.optional(), reminder: template.optional(), prayerCircle: template.optional() }),
  ),
  /** Asks where to save the .ics file and writes it; null when the person cancels. */
  'reach.exportCalendar': effect<{ path: string; events: number } | null>()(z.strictObject({ request: CalendarRequestSchema })),
  'reach.copyContacts': effect<ContactCopy>()(z.strictObject({ source: ContactSourceSchema, what: z.enum(['emails', 'mobiles']) })),
  /** Opens the mail program with everyone in BCC. */
  'reach.writeEmail': effect<ContactCopy>()(z.strictObject({ source: ContactSourceSchema })),
}
