import type { Content, TableCell } from 'pdfmake/interfaces'
import type { MealTrainForPrint } from '../meal-trains/train'
import { formatDay, formatDayRange, formatTimeRange } from './dates'
import { headerCell, plainLayout, ruledLayout, type PrintDocument, titledTable } from './pdf'
import { addressFor, type NamedPerson, nameTextFor, phonesFor, type Profile, reasonFor, recipientFor } from './profile'
import { dietaryWords } from '../contract/values'
import { personNeedsText } from '../contract/meal-trains'
import { mealWord, peopleCount } from './words'

/**
 * The allergy and dietary line every cook must see, printed large and bold at the top of every page: each
 * household member's needs by name ("Sam O.: nut allergy (severe — carries an EpiPen)"), then the train's own list.
 */
export function allergyBanner(profile: Profile, train: Pick<MealTrainForPrint, 'dietary' | 'dietaryNotes' | 'householdNeeds'>): string {
  const people = train.householdNeeds.flatMap((p) => {
    const text = personNeedsText(p)
    return text ? [`${nameTextFor(profile, p.name)}: ${text}`] : []
  })
  const covered = new Set(train.householdNeeds.flatMap((p) => p.dietary))
  const extra = dietaryWords(train.dietary.filter((n) => !covered.has(n)))
  const notes = train.dietaryNotes?.trim()
  const own = [extra.join(', '), notes].filter(Boolean).join('. ')
  if (!people.length && !own) return 'Allergies and dietary needs: none given. Please ask the coordinator if unsure.'
  return `Allergies and dietary needs: ${[...people, people.length && own ? `Also: ${own}` : own].filter(Boolean).join('. ')}`
}

/** Facts about the train for the top of the first page, as the profile allows. */
export function trainFacts(profile: Profile, train: MealTrainForPrint): Content[] {
  const facts: Content[] = []
  const line = (label: string, value: string | null | undefined) => {
    if (value?.trim()) facts.push({ text: [{ text: `${label}: `, bold: true }, value.trim()], margin: [0, 0, 0, 2] })
  }
  line('Why', reasonFor(profile, train.reason))
  line('Deliver to', addressFor(profile, train.address ? { address_line1: train.address, address_line2: null, city: null, region: null, postal_code: null, country: null } : null).join(', '))
  line('Instructions', profile === 'noticeboard' ? null : train.instructions)
  line('They enjoy', train.favouriteMeals)
  line('Please avoid', train.dislikedMeals)
  const coordinator = [train.coordinatorName?.trim(), train.coordinatorPhone?.trim()].filter(Boolean).join(', ')
  line('Questions? Ask the coordinator', coordinator)
  return facts
}

const ROW_HEIGHT_BLANK = 26

/**
 * The sign-up sheet for the noticeboard: one row a meal, taken ones filled in, open ones left blank to write a
 * name, phone and dish. The allergy line is part of the table's repeated header, so it tops every page.
 */
export function mealTrainSheetDocument(profile: Profile, train: MealTrainForPrint, recipients: NamedPerson[], locale: string): PrintDocument {
  const who = recipientFor(profile, train.recipientName, recipients)
  const body: TableCell[][] = [
    [
      {
        text: allergyBanner(profile, train),
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
    [headerCell('Day'), headerCell('Meal and time'), headerCell('Your name'), headerCell('Phone'), headerCell('What you will bring')],
  ]
  const blankRows = new Set<number>()
  for (const slot of train.slots) {
    const when = [{ text: formatDay(slot.date, locale), bold: true }, { text: `${mealWord(slot.meal)}\n${formatTimeRange(slot.from, slot.to, locale)}` }]
    if (slot.signup) {
      const s = slot.signup
      body.push([
        when[0]!,
        when[1]!,
        { text: nameTextFor(profile, s.volunteerName) },
        { text: phonesFor(profile, [s.volunteerPhone]).join(', ') },
        { text: s.kind === 'gift_card' ? ['Gift card', s.dish ? `: ${s.dish}` : ''].join('') : (s.dish ?? '') },
      ])
    } else {
      blankRows.add(body.length)
      body.push([when[0]!, when[1]!, { text: '' }, { text: '' }, { text: '' }])
    }
  }
  const subtitle = [formatDayRange(train.startsOn, train.endsOn, locale), peopleCount(train.adults, train.children)].join(' · ')
  const content: Content[] = [...trainFacts(profile, train)]
  content.push({
    margin: [0, 8, 0, 0],
    table: {
      headerRows: 2,
      dontBreakRows: true,
      widths: [62, 88, '*', 78, '*'],
      heights: (row: number) => (blankRows.has(row) ? ROW_HEIGHT_BLANK : 'auto'),
      body,
    },
    layout: ruledLayout,
  })
  if (!train.slots.length) content.push({ text: 'This train has no meals to sign up for.', italics: true, margin: [0, 8, 0, 0] })
  content.push(...setAsideSignups(profile, train, locale))
  return { title: `Meals for ${who}`, subtitle, profile, content }
}

/** Sign-ups that lost their slot or were cancelled: only the coordinator, who sorts them out, sees them. */
function setAsideSignups(profile: Profile, train: MealTrainForPrint, locale: string): Content[] {
  if (profile !== 'coordinator') return []
  const out: Content[] = []
  const list = (title: string, items: MealTrainForPrint['cancelled']) => {
    if (!items.length) return
    const rows: TableCell[][] = items.map((s) => [
      `• ${formatDay(s.date, locale)}, ${mealWord(s.meal)}: ${s.volunteerName}${s.volunteerPhone ? ` (${s.volunteerPhone})` : ''}${s.dish ? ` — ${s.dish}` : ''}`,
    ])
    out.push({ text: '', margin: [0, 8, 0, 0] }, titledTable({ text: title, bold: true, margin: [0, 4, 0, 2] }, { dontBreakRows: true, widths: ['*'], body: rows }, plainLayout))
  }
  list('Waiting to be moved to another day', train.needsRescheduling)
  list('Cancelled', train.cancelled)
  return out
}
