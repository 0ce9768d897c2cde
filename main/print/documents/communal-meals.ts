import type { CanvasElement, Content, TableCell } from 'pdfmake/interfaces'
import type { CommunalMealDetail, NeedView, SeriesDetail } from '../../contract/communal-meals'
import type { MessageId } from '../../contract/i18n/en'
import type { Allergen, DishLabel } from '../../contract/values'
import { stillWanted } from '../../common/communal-meal'
import { say } from '../../i18n/say'
import { formatDay, formatDayRange, formatTime } from '../engine/dates'
import { headerCell, type PrintDocument, ruledLayout } from '../engine/pdf'
import { phonesFor, type Profile } from './profile'

// Communal meals on paper (issue 30): the noticeboard sign-up sheet, the kitchen's sheet, dish cards for the
// serving table and a series' month calendar. A noticeboard copy names people by first name only and holds no
// one's health details: no headcount of needs, no warnings naming who cannot eat what.

/** The most blank lines an item gets on the noticeboard sheet: a sheet asking for 200 people stays a page or two. */
const MOST_BLANK_LINES = 12

function itemName(need: Pick<NeedView, 'kind' | 'what' | 'label'>, locale: string): string {
  const kind = need.kind === 'dish' ? say(locale, 'communalMeals.courseName', { course: need.what }) : say(locale, 'communalMeals.jobName', { job: need.what })
  return need.label?.trim() ? `${kind}: ${need.label.trim()}` : kind
}

/** "Sunday 4 October 2026 · 12:30 · Church hall". */
function when(meal: Pick<CommunalMealDetail, 'date' | 'time' | 'place'>, locale: string): string {
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${meal.date}T00:00:00Z`))
  return [day, meal.time ? formatTime(meal.time, locale) : null, meal.place?.trim() || null].filter(Boolean).join(' · ')
}

const allergenWord = (a: Allergen, locale: string) => say(locale, `communalMeals.allergen.${a}` as MessageId)
const labelWord = (l: DishLabel, locale: string) => say(locale, `members.dietary.${l}` as MessageId)

/** The noticeboard sheet: a line per item still needed, with room to write a first name and what they bring. */
export function communalSheetDocument(profile: Profile, meal: CommunalMealDetail, locale: string): PrintDocument {
  const body: TableCell[][] = [[headerCell(say(locale, 'printed.communal.col.item')), headerCell(say(locale, 'printed.communal.col.name')), headerCell(say(locale, 'printed.communal.col.bringing'))]]
  for (const need of meal.needs) {
    const item = itemName(need, locale)
    for (const s of need.signups) {
      const who = profile === 'noticeboard' ? s.firstName : s.name
      const what = [s.quantity > 1 ? `${s.quantity} ×` : null, s.dish?.trim() || null].filter(Boolean).join(' ')
      body.push([{ text: item }, { text: who }, { text: what }])
    }
    const blank = Math.min(stillWanted(need), MOST_BLANK_LINES)
    for (let i = 0; i < blank; i++) body.push([{ text: item, color: '#555555' }, { text: '' }, { text: '' }])
  }
  return {
    title: say(locale, 'printed.communal.sheetTitle', { title: meal.title.trim() }),
    subtitle: when(meal, locale),
    profile,
    content: [
      { text: say(locale, 'printed.communal.howTo'), margin: [0, 0, 0, 6] },
      { table: { headerRows: 1, dontBreakRows: true, widths: ['*', 150, '*'], heights: (row: number) => (row === 0 ? 'auto' : 22), body }, layout: ruledLayout },
    ],
  }
}

/** The kitchen's sheet: who brings what and how much, and what each dish holds; the headcount and warnings at the top. */
export function communalKitchenDocument(profile: Profile, meal: CommunalMealDetail, locale: string): PrintDocument {
  const body: TableCell[][] = [
    [
      headerCell(say(locale, 'printed.communal.col.item')),
      headerCell(say(locale, 'printed.communal.col.name')),
      headerCell(say(locale, 'printed.communal.col.howMany')),
      headerCell(say(locale, 'printed.communal.col.bringing')),
      headerCell(say(locale, 'printed.communal.col.contains')),
    ],
  ]
  for (const need of meal.needs) {
    const item = itemName(need, locale)
    for (const s of need.signups) {
      const phone = phonesFor(profile, [s.phone]).join(', ')
      const holds = [...s.contains.map((a) => allergenWord(a, locale)), ...s.labels.map((l) => labelWord(l, locale))].join('; ')
      body.push([{ text: item }, { text: phone ? `${s.name}\n${phone}` : s.name }, { text: String(s.quantity), alignment: 'center' }, { text: s.dish?.trim() ?? '' }, { text: holds }])
    }
    const left = stillWanted(need)
    if (left > 0) body.push([{ text: item }, { text: say(locale, 'printed.communal.stillNeeded', { count: left }), italics: true, colSpan: 4 }, {}, {}, {}])
  }
  return {
    title: say(locale, 'printed.communal.kitchenTitle', { title: meal.title.trim() }),
    subtitle: when(meal, locale),
    profile,
    orientation: 'landscape',
    content: [
      { text: meal.headcountDetail.summary, bold: true, margin: [0, 0, 0, 4] },
      ...(meal.warnings.length ? [{ ul: meal.warnings.map((w) => w.message), margin: [0, 0, 0, 8] as [number, number, number, number] }] : []),
      { table: { headerRows: 1, dontBreakRows: true, widths: [110, 140, 40, '*', '*'], body }, layout: ruledLayout },
    ],
  }
}

/** A warning triangle with an exclamation mark: "this dish contains". */
function containsSymbol(): Content {
  const triangle: CanvasElement = { type: 'polyline', points: [{ x: 9, y: 0 }, { x: 18, y: 16 }, { x: 0, y: 16 }], closePath: true, color: '#b3261e', lineColor: '#b3261e' }
  const bar: CanvasElement = { type: 'line', x1: 9, y1: 5, x2: 9, y2: 10.5, lineWidth: 2, lineColor: '#ffffff' }
  const dot: CanvasElement = { type: 'ellipse', x: 9, y: 13.2, r1: 1.1, r2: 1.1, color: '#ffffff' }
  return { canvas: [triangle, bar, dot] }
}

/** A green disc with a tick: "this dish is". */
function labelSymbol(): Content {
  const disc: CanvasElement = { type: 'ellipse', x: 9, y: 8, r1: 8, r2: 8, color: '#1b6e3a' }
  const tick: CanvasElement = { type: 'polyline', points: [{ x: 4.5, y: 8 }, { x: 8, y: 11.5 }, { x: 13.5, y: 4.5 }], lineWidth: 2, lineColor: '#ffffff' }
  return { canvas: [disc, tick] }
}

/**
 * Symbols with their words in a grid (a borderless table: columns would not hold a drawing here). A long list
 * takes three to a row in smaller type, so a dish holding all fifteen allergens still fits its card in any script:
 * a card taller than the page would not print at all.
 */
function symbolGrid(symbol: () => Content, words: string[]): Content {
  const across = words.length > 8 ? 3 : 2
  const fontSize = words.length > 8 ? 12 : 14
  const body: TableCell[][] = []
  for (let i = 0; i < words.length; i += across) {
    const row: TableCell[] = words.slice(i, i + across).flatMap((w) => [symbol(), { text: w, fontSize, bold: true }])
    while (row.length < across * 2) row.push({ text: '' })
    body.push(row)
  }
  return {
    table: { widths: Array.from({ length: across * 2 }, (_, i) => (i % 2 === 0 ? 20 : '*')), body },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingTop: () => 2, paddingBottom: () => 2 },
  }
}

/**
 * Dish cards for the serving table, one to a page: each is cut out and folded along its dashed line into a tent.
 * The front names the dish, who made it (first name), and every allergen ticked and label, in words beside a
 * symbol; the back repeats the dish name for the other side of the table.
 */
export function communalDishCardsDocument(profile: Profile, meal: CommunalMealDetail, locale: string): PrintDocument {
  const dishes = meal.needs.filter((n) => n.kind === 'dish').flatMap((n) => n.signups.map((s) => ({ s, course: n })))
  const cards: Content[] = dishes.map(({ s, course }, i) => {
    const name = s.dish?.trim() || itemName(course, locale)
    const front: Content[] = [
      { text: name, fontSize: 26, bold: true, margin: [0, 0, 0, 4] },
      { text: say(locale, 'printed.communal.madeBy', { name: s.firstName }), fontSize: 14, margin: [0, 0, 0, 8] },
      ...(s.contains.length
        ? [{ text: say(locale, 'printed.communal.contains'), fontSize: 12, bold: true, margin: [0, 0, 0, 2] as [number, number, number, number] }, symbolGrid(containsSymbol, s.contains.map((a) => allergenWord(a, locale)))]
        : [{ text: say(locale, 'printed.communal.noneTicked'), fontSize: 12, italics: true }]),
      ...(s.labels.length ? [{ text: '', margin: [0, 4, 0, 0] as [number, number, number, number] }, symbolGrid(labelSymbol, s.labels.map((l) => labelWord(l, locale)))] : []),
    ]
    return {
      table: {
        widths: ['*'],
        heights: [120, 250],
        body: [[{ text: name, fontSize: 20, bold: true, alignment: 'center', margin: [0, 45, 0, 0] }], [{ stack: front, margin: [8, 10, 8, 0] }]],
      },
      layout: {
        hLineWidth: () => 0.8,
        vLineWidth: () => 0.8,
        hLineStyle: (row: number) => (row === 1 ? { dash: { length: 6, space: 4 } } : null),
        hLineColor: () => '#777777',
        vLineColor: () => '#777777',
      },
      // A card a page: one naming all fifteen allergens fills most of it, and a card is never cut in two.
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    } as Content
  })
  return {
    title: say(locale, 'printed.communal.cardsTitle', { title: meal.title.trim() }),
    subtitle: say(locale, 'printed.communal.fold'),
    profile,
    content: cards.length ? cards : [{ text: say(locale, 'printed.communal.noDishes') }],
  }
}

const DAY_MS = 86_400_000
const isoPlus = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
/** Monday = 0 … Sunday = 6, for a calendar day. */
const weekdayOf = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7

/** A series as a month calendar, a week a row: each night's hosts by first name, the nights needing a sponsor marked. */
export function communalCalendarDocument(profile: Profile, series: SeriesDetail, locale: string): PrintDocument {
  const nights = [...series.nights].sort((a, b) => a.date.localeCompare(b.date))
  const first = nights[0]?.date ?? series.startsOn
  const last = nights.at(-1)?.date ?? series.startsOn
  const byDate = new Map(nights.map((n) => [n.date, n]))
  const weekdays = Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))))
  const body: TableCell[][] = [weekdays.map((w) => headerCell(w))]
  for (let day = isoPlus(first, -weekdayOf(first)); day <= last; day = isoPlus(day, 7)) {
    body.push(
      Array.from({ length: 7 }, (_, i) => {
        const date = isoPlus(day, i)
        const n = byDate.get(date)
        if (!n) return { text: formatDay(date, locale), color: '#999999', fontSize: 9 }
        const hosts = n.hosts.join(', ')
        return {
          stack: [
            { text: formatDay(date, locale), fontSize: 9 },
            { text: n.closing ? n.title : say(locale, 'communalMeals.series.night', { number: n.number }), bold: true },
            ...(hosts ? [{ text: hosts, fontSize: 9 }] : []),
            ...(n.needsHost ? [{ text: say(locale, 'communalMeals.series.needsHost'), bold: true, color: '#b3261e', fontSize: 9 }] : []),
          ],
          fillColor: n.needsHost ? '#fdeee7' : undefined,
        }
      }),
    )
  }
  const open = nights.filter((n) => n.needsHost).length
  return {
    title: say(locale, 'printed.communal.calendarTitle', { title: series.title.trim() }),
    subtitle: [formatDayRange(first, last, locale), say(locale, 'communalMeals.series.intro', { count: nights.length, open })].join(' · '),
    profile,
    orientation: 'landscape',
    content: [{ table: { headerRows: 1, dontBreakRows: true, widths: Array(7).fill('*'), heights: (row: number) => (row === 0 ? 'auto' : 62), body }, layout: ruledLayout }],
  }
}
