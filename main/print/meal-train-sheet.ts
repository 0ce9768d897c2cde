import type { Content, TableCell } from 'pdfmake/interfaces'
import type { MealTrainForPrint } from '../meal-trains/train'
import { formatTimeRange } from './dates'
import type { Measurer, TextStyle } from './measure'
import { headerCell, plainLayout, ruledLayout, type PrintDocument, type TableLayout, titledTable } from './pdf'
import { addressFor, type NamedPerson, nameTextFor, phonesFor, type Profile, reasonFor, recipientFor } from './profile'
import { dietaryWords } from '../contract/values'
import { careSlotLabel, personNeedsText } from '../contract/meal-trains'
import { careColumns, careDay, careDayRange, careFacts, careSlotAndTime, careTitle, rideBanner } from './care-sheet'
import { mealWord, peopleCount } from './words'

/**
 * The allergy and dietary line every cook must see, printed large and bold at the top of every page: each
 * household member's needs by name ("Sam O.: nut allergy"), then the train's own list. Free-text notes can carry
 * health details ("carries an EpiPen"), so the noticeboard copy prints only the listed needs and points cooks to
 * the coordinator for the rest.
 */
export function allergyBanner(profile: Profile, train: Pick<MealTrainForPrint, 'dietary' | 'dietaryNotes' | 'householdNeeds'>): string {
  const publicCopy = profile === 'noticeboard'
  const people = train.householdNeeds.flatMap((p) => {
    const text = personNeedsText(publicCopy ? { dietary: p.dietary, notes: null } : p)
    return text ? [`${nameTextFor(profile, p.name)}: ${text}`] : []
  })
  const covered = new Set(train.householdNeeds.flatMap((p) => p.dietary))
  const extra = dietaryWords(train.dietary.filter((n) => !covered.has(n)))
  const notes = publicCopy ? undefined : train.dietaryNotes?.trim()
  const withheld = publicCopy && (train.dietaryNotes?.trim() || train.householdNeeds.some((p) => p.notes?.trim()))
  const more = withheld ? 'Please ask the coordinator about other needs before cooking.' : null
  const own = [extra.join(', '), notes].filter(Boolean).join('. ')
  if (!people.length && !own) return ['Allergies and dietary needs: none given.', more ?? 'Please ask the coordinator if unsure.'].join(' ')
  return [`Allergies and dietary needs: ${[...people, people.length && own ? `Also: ${own}` : own].filter(Boolean).join('. ')}`, more].filter(Boolean).join('. ')
}

/** Facts about the train for the top of the first page, as the profile allows. */
export function trainFacts(profile: Profile, train: MealTrainForPrint): Content[] {
  const facts: Content[] = []
  const line = (label: string, value: string | null | undefined) => {
    if (value?.trim()) facts.push({ text: [{ text: `${label}: `, bold: true }, value.trim()], margin: [0, 0, 0, 2] })
  }
  line('Why', reasonFor(profile, train.reason))
  line(train.kind === 'meals' ? 'Deliver to' : 'Address', addressFor(profile, train.address ? { address_line1: train.address, address_line2: null, city: null, region: null, postal_code: null, country: null } : null).join(', '))
  line('Instructions', profile === 'noticeboard' ? null : train.instructions)
  facts.push(...careFacts(profile, train))
  line('They enjoy', train.favouriteMeals)
  line('Please avoid', train.dislikedMeals)
  const coordinator = [train.coordinatorName?.trim(), train.coordinatorPhone?.trim()].filter(Boolean).join(', ')
  line('Questions? Ask the coordinator', coordinator)
  return facts
}

const ROW_HEIGHT_OPEN = 26
const TAKEN_FILL = '#e4e4e4'
const CELL_PADDING = 8
// The narrower portrait body (A4) and the least room left for writing what someone will bring.
const PORTRAIT_WIDTH = 515
const MIN_DISH_WIDTH = 90

/** A volunteer as the sheet names them, by the app's one initials rule (a description typed in is kept whole). */
export function volunteerName(profile: Profile, signup: { volunteerName: string }): string {
  return nameTextFor(profile, signup.volunteerName)
}

/** "Dinner 17:30–18:30": always one line. */
export function mealAndTime(slot: Pick<MealTrainForPrint['slots'][number], 'meal' | 'from' | 'to'>, locale: string): string {
  return `${mealWord(slot.meal)} ${formatTimeRange(slot.from, slot.to, locale)}`
}

export function bringing(s: { kind: string; dish: string | null }): string {
  return s.kind === 'gift_card' ? `Gift card${s.dish ? `: ${s.dish}` : ''}` : (s.dish ?? '')
}

/** Rows of the same day sit together, a heavier rule between days. */
export function dayRuledLayout(dayStarts: ReadonlySet<number>): TableLayout {
  return { ...ruledLayout, hLineWidth: (i, node) => (dayStarts.has(i) ? 1.4 : ruledLayout.hLineWidth(i, node)) }
}

/**
 * The sign-up sheet for the noticeboard: a row a meal, the meals of one day together. Taken meals are shaded grey
 * with the volunteer's name; open ones are white and tall, to write a name, phone and dish on. Names and phone
 * numbers never wrap: their columns are as wide as the longest. The allergy line tops every page.
 */
export function mealTrainSheetDocument(profile: Profile, train: MealTrainForPrint, recipients: NamedPerson[], locale: string, m: Measurer): PrintDocument {
  const who = recipientFor(profile, train.recipientName, recipients)
  const text: TextStyle = { size: 10 }
  const widest = (values: string[], min: number) => Math.ceil(Math.max(min, ...values.map((v) => m.width(v, text))) + CELL_PADDING + 1)
  const names = train.slots.flatMap((s) => (s.signup ? [volunteerName(profile, s.signup)] : []))
  const phones = train.slots.flatMap((s) => (s.signup ? phonesFor(profile, [s.signup.volunteerPhone]) : []))
  const widths = [
    widest(train.slots.map((s) => careDay(train, s.date, locale)), 40),
    widest(train.slots.map((s) => careSlotAndTime(train, s, locale)), 60),
    widest(names, 100),
    widest(phones, 76),
    '*' as const,
  ]
  const columns = careColumns(train)
  const body: TableCell[][] = [
    [
      {
        // A ride carries no food: its banner is the ride's own line instead of the allergies.
        text: train.kind === 'rides' ? rideBanner(profile, train) : allergyBanner(profile, train),
        colSpan: 5,
        bold: true,
        fontSize: 15,
        color: '#a30000',
        fillColor: '#fff3f3',
        margin: [2, 4, 2, 4],
      },
      {},
      {},
      {},
      {},
    ],
    [headerCell('Day'), headerCell(columns.slot), headerCell('Your name'), headerCell('Phone'), headerCell(columns.bring)],
  ]
  const open = new Set<number>()
  const dayStarts = new Set<number>()
  let previousDay = ''
  for (const slot of train.slots) {
    const firstOfDay = slot.date !== previousDay
    previousDay = slot.date
    if (firstOfDay) dayStarts.add(body.length)
    const day: TableCell = { text: firstOfDay ? careDay(train, slot.date, locale) : '', bold: true, noWrap: true }
    const s = slot.signup
    if (!s) {
      open.add(body.length)
      body.push([day, { text: careSlotAndTime(train, slot, locale), bold: true, noWrap: true }, { text: '' }, { text: '' }, { text: '' }])
      continue
    }
    const delivered = profile === 'coordinator' && s.state === 'delivered'
    body.push(
      [
        day,
        { text: careSlotAndTime(train, slot, locale), noWrap: true },
        { text: volunteerName(profile, s), noWrap: true },
        { text: phonesFor(profile, [s.volunteerPhone]).join(', '), noWrap: true },
        { text: [train.kind === 'meals' ? bringing(s) : profile === 'noticeboard' ? '' : (s.notes ?? ''), ...(delivered ? [{ text: `${bringing(s) ? ' — ' : ''}Delivered`, bold: true }] : [])] },
      ].map((cell) => ({ ...cell, fillColor: TAKEN_FILL })),
    )
  }
  const taken = train.slots.length - open.size
  const subtitle = [careDayRange(train, locale), train.kind === 'meals' ? peopleCount(train.adults, train.children) : null, `${open.size} of ${train.slots.length} ${columns.open}`].filter(Boolean).join(' · ')
  const content: Content[] = [...trainFacts(profile, train)]
  if (train.slots.length) {
    content.push({
      text:
        train.kind !== 'meals'
          ? taken
            ? 'White rows are still open: write your name and phone number. Grey rows are taken.'
            : 'Write your name and phone number on any row.'
          : taken
            ? 'White rows are still open: write your name, phone number and what you will bring. Grey rows are taken.'
            : 'Write your name, phone number and what you will bring on any row.',
      margin: [0, 6, 0, 0],
    })
  }
  content.push({
    margin: [0, 6, 0, 0],
    table: {
      headerRows: 2,
      dontBreakRows: true,
      widths,
      heights: (row: number) => (open.has(row) ? ROW_HEIGHT_OPEN : 'auto'),
      body,
    },
    layout: dayRuledLayout(dayStarts),
  })
  if (!train.slots.length) content.push({ text: 'This train has no meals to sign up for.', italics: true, margin: [0, 8, 0, 0] })
  content.push(...setAsideSignups(profile, train, locale))
  // Long names make the fixed columns wide; the sheet turns sideways rather than squeeze "What you will bring".
  const fixed = (widths.slice(0, 4) as number[]).reduce((a, b) => a + b, 0) + CELL_PADDING
  const orientation = fixed > PORTRAIT_WIDTH - MIN_DISH_WIDTH ? 'landscape' : 'portrait'
  return { title: careTitle(train, who), subtitle, profile, orientation, content }
}

/** Sign-ups that lost their slot or were cancelled: only the coordinator, who sorts them out, sees them. */
function setAsideSignups(profile: Profile, train: MealTrainForPrint, locale: string): Content[] {
  if (profile !== 'coordinator') return []
  const out: Content[] = []
  const list = (title: string, items: MealTrainForPrint['cancelled']) => {
    if (!items.length) return
    const rows: TableCell[][] = items.map((s) => [
      `• ${careDay(train, s.date, locale)}, ${careSlotLabel(train.kind, s.meal, train.title)}: ${s.volunteerName}${s.volunteerPhone ? ` (${s.volunteerPhone})` : ''}${s.dish ? ` — ${s.dish}` : ''}`,
    ])
    out.push({ text: '', margin: [0, 8, 0, 0] }, titledTable({ text: title, bold: true, margin: [0, 4, 0, 2] }, { dontBreakRows: true, widths: ['*'], body: rows }, plainLayout))
  }
  list('Waiting to be moved to another day', train.needsRescheduling)
  list('Cancelled', train.cancelled)
  return out
}
