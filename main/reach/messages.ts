import { midSentence } from '../i18n/case'
import type { CallDuty, MessageKind } from '../contract/reach'
import { PLACEHOLDERS } from '../contract/reach'
import type { Meal } from '../contract/values'
import { say } from '../i18n/say'
import { mealWord } from '../common/care-words'
import { messageDay, messageTimes } from './words'

// Ready-to-send messages: plain text that pastes the same into WhatsApp, a text message or an email. Each builder
// takes only the fields a message may carry — never a train's reason, dietary notes, a confidential note or a
// coordinator-only prayer request — so nothing private can reach one by accident.

/** {placeholders} in a template that Hearth would not fill in for this kind of message. */
export function unknownPlaceholders(kind: MessageKind, template: string): string[] {
  const known = new Set(PLACEHOLDERS[kind])
  return [...new Set([...template.matchAll(/\{([^{}\s]*)\}/g)].map((m) => m[1]!).filter((name) => !known.has(name)))]
}

/** The template with each {placeholder} replaced; the values are never read again as templates. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const filled = template.replace(/\{([^{}\s]*)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole))
  // Trailing spaces and runs of blank lines look untidy in a chat once a placeholder came out empty.
  return filled
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function bullet(lines: string[], none: string): string {
  return lines.length ? lines.map((l) => `• ${l}`).join('\n') : none
}

function when(date: string, from: string | null, to: string | null, locale: string): string {
  return from && to ? `${messageDay(date, locale)}, ${messageTimes(from, to, locale)}` : messageDay(date, locale)
}

function congregation(name: string, locale: string): string {
  return name.trim() || say(locale, 'messages.congregation')
}

/** How to sign up: reply to the coordinator when one is named, otherwise to whoever sent the message. */
function signupWords(coordinatorName: string | null, coordinatorPhone: string | null, locale: string): string {
  if (coordinatorName && coordinatorPhone) return say(locale, 'messages.signup.replyToWithPhone', { name: coordinatorName, phone: coordinatorPhone })
  if (coordinatorName) return say(locale, 'messages.signup.replyTo', { name: coordinatorName })
  if (coordinatorPhone) return say(locale, 'messages.signup.callOrText', { phone: coordinatorPhone })
  return say(locale, 'messages.signup.replyHere')
}

export interface TrainForMessage {
  recipientName: string
  coordinatorName: string | null
  coordinatorPhone: string | null
  /** `day` ("Day 3") and `what` ("Ride (morning)") replace the date and the meal for care calendars that have them. */
  openSlots: { date: string; meal: Meal; from: string; to: string; day?: string; what?: string }[]
}

export function mealTrainMessage(template: string, train: TrainForMessage, congregationName: string, locale: string): string {
  return fillTemplate(template, {
    recipient: train.recipientName,
    days: bullet(
      train.openSlots.map((s) => say(locale, 'messages.day', { day: s.day ?? messageDay(s.date, locale), meal: midSentence(s.what ?? mealWord(s.meal, locale), locale), times: messageTimes(s.from, s.to, locale) })),
      say(locale, 'messages.everyDayTaken'),
    ),
    signup: signupWords(train.coordinatorName, train.coordinatorPhone, locale),
    congregation: congregation(congregationName, locale),
  })
}

export interface ScheduleForMessage {
  title: string
  circleName: string
  gaps: { date: string; from: string; to: string; open: number }[]
  leaderName: string | null
  leaderPhone: string | null
}

export function gapsMessage(template: string, schedule: ScheduleForMessage, congregationName: string, locale: string): string {
  return fillTemplate(template, {
    title: `${schedule.title} (${schedule.circleName})`,
    times: bullet(
      schedule.gaps.map((g) => (g.open > 1 ? say(locale, 'messages.peopleNeeded', { when: when(g.date, g.from, g.to, locale), count: g.open }) : when(g.date, g.from, g.to, locale))),
      say(locale, 'messages.everyTimeTaken'),
    ),
    signup: signupWords(schedule.leaderName, schedule.leaderPhone, locale),
    congregation: congregation(congregationName, locale),
  })
}

export function reminderMessage(template: string, person: { name: string; duties: CallDuty[] }, congregationName: string, locale: string): string {
  return fillTemplate(template, {
    name: person.name,
    duties: bullet(
      person.duties.map((d) => `${when(d.date, d.from, d.to, locale)}: ${d.where ? say(locale, 'messages.dutyAt', { duty: d.what, where: d.where.replace(/\s*\n\s*/g, ', ') }) : d.what}`),
      '',
    ),
    congregation: congregation(congregationName, locale),
  })
}

export function prayerCircleMessage(template: string, circle: { name: string; requests: { body: string }[] }, congregationName: string, locale = 'en'): string {
  return fillTemplate(template, {
    circle: circle.name,
    requests: bullet(
      circle.requests.map((r) => r.body.replace(/\s*\n\s*/g, ' ')),
      say(locale, 'messages.noRequests'),
    ),
    congregation: congregation(congregationName, locale),
  })
}
