import type { Content, TableCell } from 'pdfmake/interfaces'
import type { StandingNeeds, StandingSlot, StandingWeek } from '../contract/standing-hours'
import { formatDay, formatDayRange, formatTimeRange } from './dates'
import { headerCell, ruledLayout, type PrintDocument } from './pdf'
import { nameTextFor, type Profile } from './profile'

/** What a week-grid cell says: who comes (substitutes marked), who is needed, or why nobody is. */
function cellLines(profile: Profile, s: StandingSlot): { text: string; open: boolean } {
  if (s.clock === 'skipped') return { text: 'Clocks go forward: no slot', open: false }
  if (s.closed) return { text: s.closedNote ? `Closed: ${s.closedNote}` : 'Closed', open: false }
  const names = s.people.map((p) => `${nameTextFor(profile, p.name)}${p.role === 'substitute' ? ' (sub)' : p.role === 'extra' ? ' (this week)' : ''}`)
  const wanted = s.missing > 0 ? [s.needsSubstitute.length > 0 ? 'SUBSTITUTE NEEDED' : s.missing === 1 ? 'OPEN' : `${s.missing} OPEN`] : []
  return { text: [...names, ...wanted].join('\n'), open: s.missing > 0 }
}

/**
 * The chapel's week on one landscape page: days across, times down, the names in each slot, every open slot in
 * capitals on a tinted cell, and the clock-change nights explained under the grid.
 */
export function standingWeekDocument(profile: Profile, week: StandingWeek, locale: string): PrintDocument {
  const at = new Map(week.slots.map((s) => [`${s.date}/${s.localStart}`, s]))
  const size = week.times.length > 24 ? 5 : 7.5
  const header: TableCell[] = [headerCell('Time'), ...week.dates.map((d) => headerCell(formatDay(d, locale)))]
  const body: TableCell[][] = [header]
  for (const t of week.times) {
    const row: TableCell[] = [{ text: t, bold: true }]
    for (const d of week.dates) {
      const s = at.get(`${d}/${t}`)
      if (!s) {
        row.push({ text: '' })
        continue
      }
      const { text, open } = cellLines(profile, s)
      row.push({ text, ...(open ? { fillColor: '#f2dede', bold: true } : {}), ...(s.closed || s.clock === 'skipped' ? { italics: true, color: '#555555' } : {}) })
    }
    body.push(row)
  }
  const notes = week.slots.filter((s) => s.clockNote).map((s) => `${formatDay(s.date, locale)} ${s.localStart}: ${s.clockNote}`)
  const content: Content[] = [
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [26, '*', '*', '*', '*', '*', '*', '*'], body },
      layout: { ...ruledLayout, paddingTop: () => (size > 5 ? 2 : 1), paddingBottom: () => (size > 5 ? 2 : 1), paddingLeft: () => 2, paddingRight: () => 2 },
      fontSize: size,
    },
  ]
  if (notes.length > 0) content.push({ text: notes.join('\n'), fontSize: 7, margin: [0, 4, 0, 0] })
  const open = week.openCount === 0 ? 'Every slot has its people' : `${week.openCount} ${week.openCount === 1 ? 'slot needs' : 'slots need'} people`
  return {
    title: week.title,
    subtitle: [week.circleName, formatDayRange(week.dates[0]!, week.dates[6]!, locale), open].join(' · '),
    profile,
    orientation: 'landscape',
    content,
  }
}

/** The month's slots still needing someone: a list to phone round, with who cannot come. */
export function standingNeedsDocument(profile: Profile, needs: StandingNeeds, locale: string): PrintDocument {
  const body: TableCell[][] = [[headerCell('Day'), headerCell('Time'), headerCell('Needed'), headerCell('Substitute (write in)')]]
  for (const s of needs.slots) {
    const why = [
      ...s.needsSubstitute.map((n) => `In place of ${nameTextFor(profile, n.name)}`),
      ...(s.missing > s.needsSubstitute.length ? [s.missing - s.needsSubstitute.length === 1 ? 'Nobody keeps this slot' : `${s.missing - s.needsSubstitute.length} places nobody keeps`] : []),
    ]
    body.push([{ text: formatDay(s.date, locale), bold: true }, { text: formatTimeRange(s.localStart, s.localEnd, locale) }, { text: why.join('\n') }, { text: '' }])
  }
  return {
    title: `Substitutes needed: ${needs.title}`,
    subtitle: [needs.circleName, formatDayRange(needs.from, needs.to, locale), `${needs.slots.length} ${needs.slots.length === 1 ? 'slot' : 'slots'}`].join(' · '),
    profile,
    content:
      needs.slots.length === 0
        ? [{ text: 'Every slot this month has its people.', italics: true }]
        : [{ table: { headerRows: 1, dontBreakRows: true, widths: [80, 90, '*', 150], heights: (row: number) => (row === 0 ? 'auto' : 22), body }, layout: ruledLayout }],
  }
}

/** The binder's sign-in sheet for a week: one row a slot, with who is expected and space to sign in and out. */
export function standingSignInDocument(profile: Profile, week: StandingWeek, locale: string): PrintDocument {
  const body: TableCell[][] = [[headerCell('Day'), headerCell('Time'), headerCell('Expected'), headerCell('Name (print)'), headerCell('Signature'), headerCell('In'), headerCell('Out')]]
  for (const s of week.slots) {
    if (s.closed || s.clock === 'skipped') continue
    body.push([
      { text: formatDay(s.date, locale), bold: true },
      { text: formatTimeRange(s.localStart, s.localEnd, locale) },
      { text: s.people.map((p) => nameTextFor(profile, p.name)).join(', ') || '—' },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: '' },
    ])
  }
  return {
    title: `Sign-in sheet: ${week.title}`,
    subtitle: [week.circleName, formatDayRange(week.dates[0]!, week.dates[6]!, locale)].join(' · '),
    profile,
    orientation: 'landscape',
    content: [
      { text: 'Please sign in when you arrive and out when you leave, so the next person knows the chapel was kept.', margin: [0, 0, 0, 6] },
      { table: { headerRows: 1, dontBreakRows: true, widths: [70, 80, '*', 120, 120, 36, 36], heights: (row: number) => (row === 0 ? 'auto' : 20), body }, layout: ruledLayout },
    ],
  }
}
