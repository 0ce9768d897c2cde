import type { Content, TableCell } from 'pdfmake/interfaces'
import type { CircleForPrint, ScheduleForPrint } from '../../db/prayer-circles'
import { formatDay, formatTimeRange } from './dates'
import { headerCell, ruledLayout, type PrintDocument } from './pdf'
import { phonesFor, type Profile, requestsFor } from './profile'

function chainTable(profile: Profile, circle: CircleForPrint): Content {
  const body: TableCell[][] = [[headerCell('#'), headerCell('Name'), headerCell('Phone'), headerCell('Then calls')]]
  circle.chain.forEach((link, i) => {
    body.push([
      { text: String(i + 1) },
      { text: link.name },
      { text: phonesFor(profile, [link.phone]).join(', ') },
      { text: link.calls ? [link.calls.name, ...phonesFor(profile, [link.calls.phone])].join(', ') : 'Last in the chain: ring the leader to say the message went round' },
    ])
  })
  return { table: { headerRows: 1, dontBreakRows: true, widths: [18, '*', 100, '*'], body }, layout: ruledLayout }
}

function scheduleTable(schedule: ScheduleForPrint, locale: string): Content[] {
  const body: TableCell[][] = [[headerCell('Day'), headerCell('Time'), headerCell('Who')]]
  for (const slot of schedule.slots) {
    const time = formatTimeRange(slot.localStart, slot.localEnd, locale)
    if (slot.skipped) {
      body.push([{ text: formatDay(slot.localDate, locale), decoration: 'lineThrough' }, { text: time, decoration: 'lineThrough' }, { text: 'Cancelled', italics: true }])
      continue
    }
    const names = slot.assignments.map((a) => `${a.name}${a.needsSubstitute ? ' (needs a substitute)' : ''}`)
    if (slot.missing) names.push(`${slot.missing} ${slot.missing === 1 ? 'place' : 'places'} open`)
    body.push([{ text: formatDay(slot.localDate, locale), bold: true }, { text: time }, { text: names.join(', ') }])
  }
  return [
    { text: schedule.title, bold: true, fontSize: 12, margin: [0, 10, 0, 4] },
    { table: { headerRows: 1, dontBreakRows: true, widths: [70, 110, '*'], body }, layout: ruledLayout },
  ]
}

/**
 * A circle's sheet for its members: the leader, the contact chain (who rings whom), its schedules and its prayer
 * requests. Requests kept for the coordinator appear on the coordinator copy alone.
 */
export function prayerCircleDocument(profile: Profile, circle: CircleForPrint, schedules: ScheduleForPrint[], locale: string): PrintDocument {
  const content: Content[] = []
  if (circle.leader) {
    content.push({ text: [{ text: 'Leader: ', bold: true }, [circle.leader.name, ...phonesFor(profile, [circle.leader.phone])].join(', ')], margin: [0, 0, 0, 6] })
  }
  content.push({ text: 'Contact chain', bold: true, fontSize: 13, margin: [0, 4, 0, 2] })
  content.push({ text: 'When news comes, the first person calls the next, and so on down the list.', margin: [0, 0, 0, 4] })
  content.push(circle.chain.length ? chainTable(profile, circle) : { text: 'Nobody is in this circle yet.', italics: true })
  if (schedules.length) {
    content.push({ text: 'Schedule', bold: true, fontSize: 13, margin: [0, 12, 0, 0] })
    for (const schedule of schedules) content.push(...scheduleTable(schedule, locale))
  }
  const requests = requestsFor(
    profile,
    circle.requests.map((r) => ({ ...r, coordinatorOnly: r.confidentiality === 'coordinator' })),
  ).filter((r) => !r.answeredAt)
  content.push({ text: 'Prayer requests', bold: true, fontSize: 13, margin: [0, 12, 0, 4] })
  if (requests.length) {
    content.push({
      ul: requests.map((r) => ({
        text: [
          ...(r.coordinatorOnly ? [{ text: 'Confidential: ', bold: true, color: '#a30000' }] : []),
          r.body,
          ...(r.requestedBy ? [{ text: ` (asked by ${r.requestedBy})`, italics: true }] : []),
        ],
        margin: [0, 0, 0, 3],
      })),
    })
  } else {
    content.push({ text: 'No open requests.', italics: true })
  }
  return { title: `${circle.name}: schedule and contact chain`, profile, content }
}
