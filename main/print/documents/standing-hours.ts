import type { Content, TableCell } from 'pdfmake/interfaces'
import type { StandingNeeds, StandingSlot, StandingWeek } from '../../contract/standing-hours'
import { formatDay, formatDayRange, formatTimeRange } from '../engine/dates'
import { headerCell, ruledLayout, type PrintDocument } from '../engine/pdf'
import { nameTextFor, type Profile } from './profile'
import { say } from '../../i18n/say'

/** What a week-grid cell says: who comes (substitutes marked), who is needed, or why nobody is. */
function cellLines(profile: Profile, s: StandingSlot, locale: string): { text: string; open: boolean } {
  if (s.clock === 'skipped') return { text: say(locale, 'printed.standing.skipped'), open: false }
  if (s.closed) return { text: s.closedNote ? say(locale, 'printed.standing.closedNote', { note: s.closedNote }) : say(locale, 'printed.standing.closed'), open: false }
  const names = s.people.map((p) => {
    const name = nameTextFor(profile, p.name)
    return p.role === 'substitute' ? say(locale, 'printed.standing.sub', { name }) : p.role === 'extra' ? say(locale, 'printed.standing.thisWeek', { name }) : name
  })
  const wanted = s.missing > 0 ? [s.needsSubstitute.length > 0 ? say(locale, 'printed.standing.subNeeded') : say(locale, 'printed.standing.open', { count: s.missing })] : []
  return { text: [...names, ...wanted].join('\n'), open: s.missing > 0 }
}

/**
 * The chapel's week on one landscape page: days across, times down, the names in each slot, every open slot in
 * capitals on a tinted cell, and the clock-change nights explained under the grid.
 */
export function standingWeekDocument(profile: Profile, week: StandingWeek, locale: string): PrintDocument {
  const at = new Map(week.slots.map((s) => [`${s.date}/${s.localStart}`, s]))
  const size = week.times.length > 24 ? 5 : 7.5
  const header: TableCell[] = [headerCell(say(locale, 'printed.col.time')), ...week.dates.map((d) => headerCell(formatDay(d, locale)))]
  const body: TableCell[][] = [header]
  for (const t of week.times) {
    const row: TableCell[] = [{ text: t, bold: true }]
    for (const d of week.dates) {
      const s = at.get(`${d}/${t}`)
      if (!s) {
        row.push({ text: '' })
        continue
      }
      const { text, open } = cellLines(profile, s, locale)
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
  const open = week.openCount === 0 ? say(locale, 'printed.standing.allKept') : say(locale, 'printed.standing.needPeople', { count: week.openCount })
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
  const body: TableCell[][] = [[headerCell(say(locale, 'printed.col.day')), headerCell(say(locale, 'printed.col.time')), headerCell(say(locale, 'printed.standing.needed')), headerCell(say(locale, 'printed.standing.writeIn'))]]
  for (const s of needs.slots) {
    const why = [
      ...s.needsSubstitute.map((n) => say(locale, 'printed.standing.inPlaceOf', { name: nameTextFor(profile, n.name) })),
      ...(s.missing > s.needsSubstitute.length ? [say(locale, 'printed.standing.nobodyKeeps', { count: s.missing - s.needsSubstitute.length })] : []),
    ]
    body.push([{ text: formatDay(s.date, locale), bold: true }, { text: formatTimeRange(s.localStart, s.localEnd, locale) }, { text: why.join('\n') }, { text: '' }])
  }
  return {
    title: say(locale, 'printed.standing.needsTitle', { title: needs.title }),
    subtitle: [needs.circleName, formatDayRange(needs.from, needs.to, locale), say(locale, 'printed.standing.slots', { count: needs.slots.length })].join(' · '),
    profile,
    content:
      needs.slots.length === 0
        ? [{ text: say(locale, 'printed.standing.monthKept'), italics: true }]
        : [{ table: { headerRows: 1, dontBreakRows: true, widths: [80, 90, '*', 150], heights: (row: number) => (row === 0 ? 'auto' : 22), body }, layout: ruledLayout }],
  }
}

/** The binder's sign-in sheet for a week: one row a slot, with who is expected and space to sign in and out. */
export function standingSignInDocument(profile: Profile, week: StandingWeek, locale: string): PrintDocument {
  const body: TableCell[][] = [
    [
      headerCell(say(locale, 'printed.col.day')),
      headerCell(say(locale, 'printed.col.time')),
      headerCell(say(locale, 'printed.standing.expected')),
      headerCell(say(locale, 'printed.standing.namePrint')),
      headerCell(say(locale, 'printed.standing.signature')),
      headerCell(say(locale, 'printed.standing.in')),
      headerCell(say(locale, 'printed.standing.out')),
    ],
  ]
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
    title: say(locale, 'printed.standing.signInTitle', { title: week.title }),
    subtitle: [week.circleName, formatDayRange(week.dates[0]!, week.dates[6]!, locale)].join(' · '),
    profile,
    orientation: 'landscape',
    content: [
      { text: say(locale, 'printed.standing.signInHow'), margin: [0, 0, 0, 6] },
      { table: { headerRows: 1, dontBreakRows: true, widths: [70, 80, '*', 120, 120, 36, 36], heights: (row: number) => (row === 0 ? 'auto' : 20), body }, layout: ruledLayout },
    ],
  }
}
