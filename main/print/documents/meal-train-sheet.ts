import type { Content, TableCell } from 'pdfmake/interfaces'
import type { MealTrainForPrint } from '../../common/meal-train'
import { formatTimeRange } from '../engine/dates'
import type { Measurer, TextStyle } from '../engine/measure'
import { headerCell, plainLayout, ruledLayout, type PrintDocument, type TableLayout, titledTable } from '../engine/pdf'
import { addressFor, type NamedPerson, nameTextFor, phonesFor, type Profile, reasonFor, recipientFor } from './profile'
import { personNeedsText } from '../../contract/meal-trains'
import { careColumns, careDay, careDayRange, careFacts, careSlotAndTime, rideBanner } from './care-sheet'
import { careSlotWord, careTitle, mealWord } from '../../common/care-words'
import { dietWords, peopleCount } from './words'
import { say } from '../../i18n/say'

/**
 * The allergy and dietary line every cook must see, printed large and bold at the top of every page: each
 * household member's needs by name ("Sam O.: nut allergy"), then the train's own list. Free-text notes can carry
 * health details ("carries an EpiPen"), so the noticeboard copy prints only the listed needs and points cooks to
 * the coordinator for the rest.
 */
export function allergyBanner(profile: Profile, train: Pick<MealTrainForPrint, 'dietary' | 'dietaryNotes' | 'householdNeeds'>, locale = 'en'): string {
  const publicCopy = profile === 'noticeboard'
  const people = train.householdNeeds.flatMap((p) => {
    const text = personNeedsText(publicCopy ? { dietary: p.dietary, notes: null } : p, (keys) => inSentence(dietWords(keys, locale), locale))
    return text ? [`${nameTextFor(profile, p.name)}: ${text}`] : []
  })
  const covered = new Set(train.householdNeeds.flatMap((p) => p.dietary))
  const extra = dietWords(train.dietary.filter((n) => !covered.has(n)), locale)
  const notes = publicCopy ? undefined : train.dietaryNotes?.trim()
  const withheld = publicCopy && (train.dietaryNotes?.trim() || train.householdNeeds.some((p) => p.notes?.trim()))
  const more = withheld ? say(locale, 'printed.meals.askOther') : null
  const own = [extra.join(', '), notes].filter(Boolean).join('. ')
  if (!people.length && !own) return [say(locale, 'printed.meals.allergiesNone'), more ?? say(locale, 'printed.meals.askUnsure')].join(' ')
  return [say(locale, 'printed.meals.allergies', { needs: [...people, people.length && own ? say(locale, 'printed.meals.also', { needs: own }) : own].filter(Boolean).join('. ') }), more].filter(Boolean).join('. ')
}

// Mid-sentence the words are lower case ("nut allergy"), but German keeps its nouns capitalised.
function inSentence(words: string[], locale: string): string[] {
  return /^de\b/i.test(locale) ? words : words.map((w) => w.toLocaleLowerCase(locale))
}

/** Facts about the train for the top of the first page, as the profile allows. */
export function trainFacts(profile: Profile, train: MealTrainForPrint, locale = 'en'): Content[] {
  const facts: Content[] = []
  const line = (label: string, value: string | null | undefined) => {
    if (value?.trim()) facts.push({ text: [{ text: say(locale, 'printed.label', { label, value: '' }), bold: true }, value.trim()], margin: [0, 0, 0, 2] })
  }
  line(say(locale, 'printed.meals.why'), reasonFor(profile, train.reason))
  line(train.kind === 'meals' ? say(locale, 'printed.meals.deliverTo') : say(locale, 'printed.care.address'), addressFor(profile, train.address ? { address_line1: train.address, address_line2: null, city: null, region: null, postal_code: null, country: null } : null).join(', '))
  line(say(locale, 'printed.meals.instructions'), profile === 'noticeboard' ? null : train.instructions)
  facts.push(...careFacts(profile, train, locale))
  line(say(locale, 'printed.meals.enjoy'), train.favouriteMeals)
  line(say(locale, 'printed.meals.avoid'), train.dislikedMeals)
  const coordinator = [train.coordinatorName?.trim(), train.coordinatorPhone?.trim()].filter(Boolean).join(', ')
  line(say(locale, 'printed.meals.askCoordinator'), coordinator)
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
  return `${mealWord(slot.meal, locale)} ${formatTimeRange(slot.from, slot.to, locale)}`
}

export function bringing(s: { kind: string; dish: string | null }, locale = 'en'): string {
  if (s.kind !== 'gift_card') return s.dish ?? ''
  return s.dish ? say(locale, 'printed.meals.giftCardFor', { what: s.dish }) : say(locale, 'printed.meals.giftCard')
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
  const who = recipientFor(profile, train.recipientName, recipients, locale)
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
  const columns = careColumns(train, locale)
  const body: TableCell[][] = [
    [
      {
        // A ride carries no food: its banner is the ride's own line instead of the allergies.
        text: train.kind === 'rides' ? rideBanner(profile, train, locale) : allergyBanner(profile, train, locale),
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
    [headerCell(say(locale, 'printed.col.day')), headerCell(columns.slot), headerCell(say(locale, 'printed.meals.yourName')), headerCell(say(locale, 'printed.col.phone')), headerCell(columns.bring)],
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
        { text: [train.kind === 'meals' ? bringing(s, locale) : profile === 'noticeboard' ? '' : (s.notes ?? ''), ...(delivered ? [{ text: `${bringing(s, locale) ? ' — ' : ''}${say(locale, 'printed.meals.delivered')}`, bold: true }] : [])] },
      ].map((cell) => ({ ...cell, fillColor: TAKEN_FILL })),
    )
  }
  const taken = train.slots.length - open.size
  const subtitle = [careDayRange(train, locale), train.kind === 'meals' ? peopleCount(train.adults, train.children, locale) : null, columns.open(open.size, train.slots.length)].filter(Boolean).join(' · ')
  const content: Content[] = [...trainFacts(profile, train, locale)]
  if (train.slots.length) {
    content.push({
      text:
        train.kind !== 'meals'
          ? say(locale, taken ? 'printed.care.howTaken' : 'printed.care.howAll')
          : say(locale, taken ? 'printed.meals.howTaken' : 'printed.meals.howAll'),
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
  if (!train.slots.length) content.push({ text: say(locale, 'printed.meals.none'), italics: true, margin: [0, 8, 0, 0] })
  content.push(...setAsideSignups(profile, train, locale))
  // Long names make the fixed columns wide; the sheet turns sideways rather than squeeze "What you will bring".
  const fixed = (widths.slice(0, 4) as number[]).reduce((a, b) => a + b, 0) + CELL_PADDING
  const orientation = fixed > PORTRAIT_WIDTH - MIN_DISH_WIDTH ? 'landscape' : 'portrait'
  return { title: careTitle(train, who, locale), subtitle, profile, orientation, content }
}

/** Sign-ups that lost their slot or were cancelled: only the coordinator, who sorts them out, sees them. */
function setAsideSignups(profile: Profile, train: MealTrainForPrint, locale: string): Content[] {
  if (profile !== 'coordinator') return []
  const out: Content[] = []
  const list = (title: string, items: MealTrainForPrint['cancelled']) => {
    if (!items.length) return
    const rows: TableCell[][] = items.map((s) => [
      `• ${careDay(train, s.date, locale)}, ${careSlotWord(train.kind, s.meal, train.title, locale)}: ${s.volunteerName}${s.volunteerPhone ? ` (${s.volunteerPhone})` : ''}${s.dish ? ` — ${s.dish}` : ''}`,
    ])
    out.push({ text: '', margin: [0, 8, 0, 0] }, titledTable({ text: title, bold: true, margin: [0, 4, 0, 2] }, { dontBreakRows: true, widths: ['*'], body: rows }, plainLayout))
  }
  list(say(locale, 'printed.meals.waiting'), train.needsRescheduling)
  list(say(locale, 'printed.cancelled'), train.cancelled)
  return out
}
