import type { Content, TableCell } from 'pdfmake/interfaces'
import type { PersonPhones } from '../../../db/print'
import type { CircleForPrint, ScheduleForPrint } from '../../../db/prayer-circles'
import { formatDay, formatTime, formatTimeRange } from '../engine/dates'
import { headerCell, plainLayout, type PrintDocument, titledTable } from '../engine/pdf'
import { phonesFor, type Profile, requestsFor } from './profile'
import { say } from '../../i18n/say'

const heading = (text: string) => ({ text, bold: true, fontSize: 13, margin: [0, 4, 0, 2] as [number, number, number, number] })

/** Someone's numbers, first the one the chain knows them by, then any other: a second number to try. */
function numbersOf(profile: Profile, personId: number, phone: string | null, phones: ReadonlyMap<number, PersonPhones>): string[] {
  const p = phones.get(personId)
  return phonesFor(profile, [phone, p?.mobile, p?.other, p?.home])
}

/** The hours the chain may ring people, from Settings. */
export interface CallHours {
  from: string
  to: string
}

function chainTable(profile: Profile, circle: CircleForPrint, phones: ReadonlyMap<number, PersonPhones>, hours: CallHours | null, locale: string): Content {
  const body: TableCell[][] = [[headerCell('#'), headerCell(say(locale, 'printed.col.name')), headerCell(say(locale, 'printed.circle.phones')), headerCell(say(locale, 'printed.circle.thenCalls'))]]
  circle.chain.forEach((link, i) => {
    const next = circle.chain[i + 2]
    body.push([
      { text: String(i + 1) },
      { text: link.name },
      { stack: numbersOf(profile, link.personId, link.phone, phones).map((n) => ({ text: n, noWrap: true })) },
      // The number on a line of its own, never split; then who to try when nobody answers.
      link.calls
        ? {
            stack: [
              { text: link.calls.name },
              ...numbersOf(profile, link.calls.personId, link.calls.phone, phones)
                .slice(0, 1)
                .map((n) => ({ text: n, noWrap: true })),
              { text: say(locale, 'printed.circle.ifNobody', { name: next ? next.name : say(locale, 'printed.circle.ringLeader') }), italics: true },
            ],
          }
        : { text: say(locale, 'printed.circle.last') },
    ])
  })
  return titledTable(
    {
      stack: [
        heading(say(locale, 'printed.circle.chain')),
        {
          text: say(locale, 'printed.circle.chainHow'),
          margin: [0, 0, 0, hours ? 2 : 4],
        },
        ...(hours ? [{ text: say(locale, 'printed.circle.callHours', { from: formatTime(hours.from, locale), to: formatTime(hours.to, locale) }), bold: true, margin: [0, 0, 0, 4] } as Content] : []),
      ],
    },
    { headerRows: 1, dontBreakRows: true, widths: [18, '*', 'auto', '*'], body },
  )
}

function scheduleTable(schedule: ScheduleForPrint, locale: string, first: boolean): Content {
  const body: TableCell[][] = [[headerCell(say(locale, 'printed.col.day')), headerCell(say(locale, 'printed.col.time')), headerCell(say(locale, 'printed.circle.who'))]]
  for (const slot of schedule.slots) {
    const range = formatTimeRange(slot.localStart, slot.localEnd, locale)
    const time = slot.moved ? say(locale, 'printed.moved', { time: range }) : range
    if (slot.skipped) {
      body.push([{ text: formatDay(slot.localDate, locale), decoration: 'lineThrough' }, { text: time, decoration: 'lineThrough' }, { text: say(locale, 'printed.cancelled'), italics: true }])
      continue
    }
    const names = slot.assignments.map((a) => (a.needsSubstitute ? say(locale, 'printed.needsSubstitute', { name: a.name }) : a.name))
    if (slot.missing) names.push(say(locale, 'printed.circle.placesOpen', { count: slot.missing }))
    body.push([{ text: formatDay(slot.localDate, locale), bold: true }, { text: time }, { text: names.join(', ') }])
  }
  const title: Content = { text: schedule.title, bold: true, fontSize: 12, margin: [0, first ? 0 : 10, 0, 4] }
  return titledTable(first ? { stack: [{ ...heading(say(locale, 'printed.circle.schedule')), margin: [0, 12, 0, 4] }, title] } : title, {
    headerRows: 1,
    dontBreakRows: true,
    widths: [70, 110, '*'],
    body,
  })
}

/**
 * A circle's sheet for its members: the leader, the contact chain (who rings whom), its schedules and its prayer
 * requests. Requests kept for the coordinator appear on the coordinator copy alone.
 */
export function prayerCircleDocument(
  profile: Profile,
  circle: CircleForPrint,
  schedules: ScheduleForPrint[],
  locale: string,
  phones: ReadonlyMap<number, PersonPhones> = new Map(),
  hours: CallHours | null = null,
): PrintDocument {
  const content: Content[] = []
  if (circle.leader) {
    content.push({ text: [{ text: say(locale, 'printed.circle.leader'), bold: true }, [circle.leader.name, ...phonesFor(profile, [circle.leader.phone])].join(', ')], margin: [0, 0, 0, 6] })
  }
  content.push(circle.chain.length ? chainTable(profile, circle, phones, hours, locale) : { stack: [heading(say(locale, 'printed.circle.chain')), { text: say(locale, 'printed.circle.empty'), italics: true }] })
  schedules.forEach((schedule, i) => content.push(scheduleTable(schedule, locale, i === 0)))
  const requests = requestsFor(
    profile,
    circle.requests.map((r) => ({ ...r, coordinatorOnly: r.confidentiality === 'coordinator' })),
  ).filter((r) => !r.answeredAt)
  const requestsHeading: Content = { ...heading(say(locale, 'printed.circle.requests')), margin: [0, 12, 0, 4] }
  if (requests.length) {
    const rows: TableCell[][] = requests.map((r) => [
      {
        text: [
          '• ',
          ...(r.coordinatorOnly ? [{ text: say(locale, 'printed.circle.confidential'), bold: true, color: '#a30000' }] : []),
          r.body,
          ...(r.requestedBy ? [{ text: say(locale, 'printed.circle.askedBy', { name: r.requestedBy }), italics: true }] : []),
        ],
      },
    ])
    content.push(titledTable(requestsHeading, { dontBreakRows: true, widths: ['*'], body: rows }, plainLayout))
  } else {
    content.push({ stack: [requestsHeading, { text: say(locale, 'printed.circle.noRequests'), italics: true }], unbreakable: true })
  }
  return { title: say(locale, 'printed.circle.title', { circle: circle.name }), profile, content }
}
