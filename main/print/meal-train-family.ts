import type { TableCell } from 'pdfmake/interfaces'
import type { MealTrainForPrint } from '../meal-trains/train'
import { formatDay, formatDayRange, formatTimeRange } from './dates'
import { allergyBanner, trainFacts } from './meal-train-sheet'
import { headerCell, ruledLayout, type PrintDocument } from './pdf'
import { nameTextFor, phonesFor, type Profile } from './profile'
import { mealWord, peopleCount } from './words'

/** For the family: who is bringing what, and when, with their phone numbers. Open days say so plainly. */
export function mealTrainFamilyDocument(profile: Profile, train: MealTrainForPrint, locale: string): PrintDocument {
  const body: TableCell[][] = [[headerCell('Day'), headerCell('Meal and time'), headerCell('Who is coming'), headerCell('Phone'), headerCell('Bringing')]]
  for (const slot of train.slots) {
    const s = slot.signup
    body.push([
      { text: formatDay(slot.date, locale), bold: true },
      { text: `${mealWord(slot.meal)}\n${formatTimeRange(slot.from, slot.to, locale)}` },
      s ? { text: nameTextFor(profile, s.volunteerName) } : { text: 'Nobody yet', italics: true, color: '#666666' },
      { text: s ? phonesFor(profile, [s.volunteerPhone]).join(', ') : '' },
      { text: s ? (s.kind === 'gift_card' ? `Gift card${s.dish ? `: ${s.dish}` : ''}` : (s.dish ?? '')) : '' },
    ])
  }
  const taken = train.slots.filter((s) => s.signup).length
  return {
    title: `Meal schedule for ${train.recipientName.trim()}`,
    subtitle: [formatDayRange(train.startsOn, train.endsOn, locale), peopleCount(train.adults, train.children), `${taken} of ${train.slots.length} meals arranged`].join(' · '),
    profile,
    content: [
      ...trainFacts(profile, train),
      { text: allergyBanner(profile, train), bold: true, margin: [0, 4, 0, 8] },
      { table: { headerRows: 1, dontBreakRows: true, widths: [62, 80, '*', 84, '*'], body }, layout: ruledLayout },
    ],
  }
}
