import type { CountryCode } from 'libphonenumber-js'
import { writeFile } from 'node:fs/promises'
import { filterPeople } from '../../db/members'
import { circleExists, circleRequests, getSchedule } from '../../db/prayer-circles'
import { circleMemberIds, contactsOf, dutyHolder, saveTemplates, setReminded, storedTemplates, trainVolunteers } from '../../db/reach'
import type { Context, HandlersFor } from '../context'
import {
  type CallList,
  type CallRange,
  type ContactCopy,
  type ContactSource,
  DEFAULT_TEMPLATES,
  MESSAGE_KINDS,
  type MessageRequest,
  type MessageTemplates,
  type reachContract,
} from '../contract/reach'
import type { ContactMethod } from '../contract/values'
import { HearthError } from '../contract/errors'
import type { Said } from '../i18n/said'
import { mealTrainDetail } from '../common/read-meal-train'
import { congregationDay, getSettings } from '../common/read-settings'
import { calendarFor, calendarSaveOptions } from './read'
import { getCallList } from '../common/read-call-list'
import { buildCalendar, calendarFileName } from './ical'
import { isPlainAddress, planEmail } from './mailto'
import { countryForLocale, internationalForm } from './phones'
import { standingSchedule } from '../../db/standing-hours'
import { standingRequests } from '../common/read-standing'
import { addDays } from '../contract/days'
import { dayNumber } from '../contract/meal-trains'
import { careSlotWord } from '../common/care-words'
import { say } from '../i18n/say'
import { gapsMessage, mealTrainMessage, prayerCircleMessage, reminderMessage, unknownPlaceholders } from './messages'
import { rangeDays } from './range'
import { catalogText, chosenLocale } from '../i18n/say'

async function callList(ctx: Context, range: CallRange): Promise<CallList> {
  const { timeZone, today } = await congregationDay(ctx)
  const { from, to } = rangeDays(range, today)
  return getCallList(ctx, from, to, timeZone, chosenLocale((await getSettings(ctx)).language, ctx.os.locale))
}

async function settingsLocale(ctx: Context): Promise<string> {
  return chosenLocale((await getSettings(ctx)).language, ctx.os.locale)
}

// The standard words in the language chosen in Settings; a volunteer's own words are kept as they wrote them.
async function standardTemplates(ctx: Context): Promise<MessageTemplates> {
  const locale = chosenLocale((await getSettings(ctx)).language, ctx.os.locale)
  return Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, catalogText(locale, `messages.template.${kind}`)])) as MessageTemplates
}

async function templates(ctx: Context): Promise<MessageTemplates> {
  const stored = await storedTemplates(ctx.db)
  const out = await standardTemplates(ctx)
  for (const kind of MESSAGE_KINDS) {
    const value = stored[kind]
    if (typeof value === 'string' && value.trim()) out[kind] = value
  }
  return out
}

/** How far ahead a message asking for substitutes looks: the next four weeks, today included. */
const SUBSTITUTE_DAYS = 28

async function buildMessage(ctx: Context, request: MessageRequest): Promise<string> {
  const settings = await getSettings(ctx)
  const { today } = await congregationDay(ctx)
  const words = await templates(ctx)
  const locale = chosenLocale(settings.language, ctx.os.locale)
  switch (request.kind) {
    case 'mealTrain': {
      const train = await mealTrainDetail(ctx, request.trainId)
      if (!train) throw new HearthError('not_found', 'errors.trainGone')
      // An undated calendar's days are Day 1, Day 2…: all still ahead, named by number.
      const openSlots = train.slots
        .filter((s) => s.signup === null && (s.date >= today || !train.dateKnown))
        .map((s) => ({ ...s, what: careSlotWord(train.kind, s.meal, train.title, locale), ...(train.dateKnown ? {} : { day: say(locale, 'printed.care.day', { n: dayNumber(s.date, train.startsOn) }) }) }))
      // The default words ask for a meal; another kind of help asks in its own words unless the volunteer wrote their own.
      const template = train.kind !== 'meals' && words.mealTrain === (await standardTemplates(ctx)).mealTrain ? catalogText(locale, 'messages.template.care') : words.mealTrain
      return mealTrainMessage(template, { recipientName: train.recipientName, coordinatorName: train.coordinatorName, coordinatorPhone: train.coordinatorPhone, openSlots }, settings.congregationName, locale)
    }
    case 'gaps': {
      const schedule = await getSchedule(ctx.db, request.scheduleId)
      if (!schedule) throw new HearthError('not_found', 'errors.scheduleGone')
      const circle = await circleExists(ctx.db, schedule.circleId)
      const [leader] = circle?.leader_person_id ? await contactsOf(ctx.db, [circle.leader_person_id]) : []
      const gaps = schedule.slots.filter((s) => s.missing > 0 && s.localDate >= today).map((s) => ({ date: s.localDate, from: s.localStart, to: s.localEnd, open: s.missing }))
      return gapsMessage(
        words.gaps,
        { title: schedule.title, circleName: schedule.circleName, gaps, leaderName: leader?.name ?? null, leaderPhone: leader ? (leader.mobile ?? leader.homePhone) : null },
        settings.congregationName,
        locale,
      )
    }
    case 'standingSubstitutes': {
      const schedule = await standingSchedule(ctx.db, request.scheduleId)
      if (!schedule) throw new HearthError('not_found', 'errors.standingGone')
      const circle = await circleExists(ctx.db, schedule.circle_id)
      const [leader] = circle?.leader_person_id ? await contactsOf(ctx.db, [circle.leader_person_id]) : []
      // Only the dates and times go out: who cannot come, and why, stays with the coordinator.
      const requests = await standingRequests(ctx.db, today, addDays(today, SUBSTITUTE_DAYS - 1), schedule.id)
      const gaps = requests.map((r) => ({ date: r.date, from: r.localStart, to: r.localEnd, open: 1 }))
      return gapsMessage(
        words.gaps,
        { title: schedule.title, circleName: schedule.circle_name, gaps, leaderName: leader?.name ?? null, leaderPhone: leader ? (leader.mobile ?? leader.homePhone) : null },
        settings.congregationName,
        locale,
      )
    }
    case 'prayerCircle': {
      const circle = await circleExists(ctx.db, request.circleId)
      if (!circle) throw new HearthError('not_found', 'errors.circleGone')
      // Coordinator-only requests are not even read: a message is for the whole circle.
      const requests = (await circleRequests(ctx.db, circle.id, { includeCoordinatorOnly: false, includeExpired: false, today })).filter((r) => r.answeredAt === null)
      return prayerCircleMessage(words.prayerCircle, { name: circle.name, requests }, settings.congregationName, locale)
    }
    case 'reminder': {
      const list = await callList(ctx, request.range)
      const person = list.people.find((p) => p.key === request.personKey)
      if (!person) throw new HearthError('not_found', 'errors.reach.personGone')
      return reminderMessage(words.reminder, person, settings.congregationName, locale)
    }
  }
}

interface Reachable {
  name: string
  email: string | null
  mobile: string | null
  preferredContact: ContactMethod | null
}

async function contactsFor(ctx: Context, source: ContactSource): Promise<Reachable[]> {
  switch (source.of) {
    case 'members':
      return contactsOf(ctx.db, await filterPeople(ctx.db, source.filter))
    case 'circle': {
      const ids = await circleMemberIds(ctx.db, source.circleId)
      if (!ids) throw new HearthError('not_found', 'errors.circleGone')
      return contactsOf(ctx.db, ids)
    }
    case 'mealTrain': {
      const volunteers = await trainVolunteers(ctx.db, source.trainId)
      if (!volunteers) throw new HearthError('not_found', 'errors.trainGone')
      const members = await contactsOf(ctx.db, volunteers.personIds)
      return [...members, ...volunteers.writeIns.map((w) => ({ name: w.name, email: null, mobile: w.phone, preferredContact: null }))]
    }
    case 'callList': {
      const list = await callList(ctx, source.range)
      return list.people.map((p) => ({ name: p.name, email: p.email, mobile: p.mobile, preferredContact: p.preferredContact }))
    }
  }
}

/**
 * The addresses or numbers to copy, each once, and the people left out by name: those with none, and those who
 * asked not to be contacted.
 */
function pickContacts(people: readonly Reachable[], what: 'emails' | 'mobiles', locale: string, country?: CountryCode): { values: string[]; missing: string[] } {
  const values: string[] = []
  const seen = new Set<string>()
  const missing: string[] = []
  for (const p of people) {
    if (p.preferredContact === 'none') {
      missing.push(say(locale, 'messages.contacts.askedNotToBe', { name: p.name }))
      continue
    }
    // A mobile goes in international form, which dials from any phone; one the phone library cannot read stays as typed.
    const typed = what === 'emails' ? (p.email && isPlainAddress(p.email) ? p.email.trim() : null) : p.mobile?.trim() || null
    const value = typed && what === 'mobiles' ? (internationalForm(typed, country) ?? typed) : typed
    if (!value) {
      missing.push(p.name)
      continue
    }
    const key = what === 'emails' ? value.toLowerCase() : value.replace(/[^\d+]/g, '')
    if (seen.has(key)) continue
    seen.add(key)
    values.push(value)
  }
  return { values, missing }
}

async function saveCalendar(ctx: Context, text: string, defaultName: string): Promise<string | null> {
  const path = await ctx.os.chooseFileToSave(await calendarSaveOptions(ctx, defaultName))
  if (!path) return null
  const target = /\.ics$/i.test(path) ? path : `${path}.ics`
  try {
    await writeFile(target, text, 'utf8')
  } catch (err) {
    const code = (err as { code?: string }).code
    const why = code === 'EACCES' || code === 'EPERM' ? 'denied' : code === 'ENOSPC' ? 'full' : 'unwritable'
    throw new HearthError('io', 'errors.reach.calendarNotSaved', { why })
  }
  return target
}

export const reachHandlers: HandlersFor<typeof reachContract> = {
  'reach.callList': ({ range }, ctx) => callList(ctx, range),
  'reach.setReminded': async ({ key, reminded }, ctx) => {
    const [kind, id] = key.split(':') as ['meal' | 'prayer', string]
    const duty = { kind, id: Number(id) }
    const holder = await dutyHolder(ctx.db, duty)
    if (holder === undefined) throw new HearthError('not_found', 'errors.reach.dutyGone')
    await setReminded(ctx.db, duty, reminded ? holder : null)
    return { key, reminded }
  },
  'reach.copyMessage': async ({ request }, ctx) => {
    const text = await buildMessage(ctx, request)
    await ctx.os.copyText(text)
    return { text }
  },
  'reach.templates': (_input, ctx) => templates(ctx),
  'reach.setTemplates': async (input, ctx) => {
    const fields: Record<string, Said> = {}
    for (const kind of MESSAGE_KINDS) {
      const unknown = input[kind] === undefined ? [] : unknownPlaceholders(kind, input[kind])
      if (unknown.length) fields[kind] = { id: 'errors.reach.unknownPlaceholders', values: { placeholders: unknown.map((u) => `{${u}}`).join(', ') } }
    }
    const first = Object.values(fields)[0]
    if (first) throw new HearthError('invalid_input', first.id, first.values, fields)
    const stored = await storedTemplates(ctx.db)
    const standard = await standardTemplates(ctx)
    const next: Record<string, string> = {}
    for (const kind of MESSAGE_KINDS) {
      const value = input[kind] ?? stored[kind]
      // The standard words are not stored, so a later Hearth with better ones reaches people who never changed them.
      if (typeof value === 'string' && value !== DEFAULT_TEMPLATES[kind] && value !== standard[kind]) next[kind] = value
    }
    await saveTemplates(ctx.db, next)
    return templates(ctx)
  },
  'reach.exportCalendar': async ({ request }, ctx) => {
    const calendar = await calendarFor(ctx, request)
    if (calendar.events.length === 0) throw new HearthError('not_found', 'errors.reach.nothingToCalendar')
    const path = await saveCalendar(ctx, buildCalendar({ ...calendar, now: new Date() }), calendarFileName(calendar.name))
    return path ? { path, events: calendar.events.length } : null
  },
  'reach.copyContacts': async ({ source, what }, ctx) => {
    const { values, missing } = pickContacts(await contactsFor(ctx, source), what, await settingsLocale(ctx), countryForLocale(ctx.os.locale))
    if (values.length === 0) throw new HearthError('not_found', what === 'emails' ? 'errors.reach.noEmails' : 'errors.reach.noMobiles')
    // Numbers one a line, as phones and messaging apps take a pasted list; addresses in one line for a BCC field.
    await ctx.os.copyText(values.join(what === 'mobiles' ? '\n' : ', '))
    return { copied: values.length, missing } satisfies ContactCopy
  },
  'reach.writeEmail': async ({ source }, ctx) => {
    const { values, missing } = pickContacts(await contactsFor(ctx, source), 'emails', await settingsLocale(ctx))
    if (values.length === 0) throw new HearthError('not_found', 'errors.reach.noEmails')
    const plan = planEmail(values)
    if (plan.kind === 'copy') {
      await ctx.os.copyText(plan.text)
      return { copied: values.length, missing, messages: 0 }
    }
    for (const link of plan.links) await ctx.os.openMailto(link)
    return { copied: values.length, missing, messages: plan.links.length }
  },
}
