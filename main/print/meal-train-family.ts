import type { TableCell } from 'pdfmake/interfaces'
import type { MealTrainForPrint } from '../meal-trains/train'
import { formatDay, formatDayRange } from './dates'
import { allergyBanner, bringing, dayRuledLayout, mealAndTime, volunteerName } from './meal-train-sheet'
import { headerCell, type PrintDocument } from './pdf'
import { phonesFor, type Profile } from './profile'
import { peopleCount } from './words'
import { say } from '../i18n/say'

/**
 * For the family: who is bringing what, and when, with their phone numbers, one line a meal. It leaves out what
 * the family knows already and should not be carried about on paper: their own address, door instructions and
 * key-safe codes. Meals nobody has taken yet are left blank; the subtitle says how many are arranged.
 */
export function mealTrainFamilyDocument(profile: Profile, train: MealTrainForPrint, locale: string): PrintDocument {
  const body: TableCell[][] = [[headerCell(say(locale, 'printed.col.day')), headerCell(say(locale, 'printed.col.mealAndTime')), headerCell(say(locale, 'printed.meals.whoIsComing')), headerCell(say(locale, 'printed.col.phone')), headerCell(say(locale, 'printed.meals.bringing'))]]
  const dayStarts = new Set<number>()
  let previousDay = ''
  for (const slot of train.slots) {
    const firstOfDay = slot.date !== previousDay
    previousDay = slot.date
    if (firstOfDay) dayStarts.add(body.length)
    const s = slot.signup
    body.push([
      { text: firstOfDay ? formatDay(slot.date, locale) : '', bold: true, noWrap: true },
      { text: mealAndTime(slot, locale), noWrap: true },
      { text: s ? volunteerName(profile, s) : '' },
      { text: s ? phonesFor(profile, [s.volunteerPhone]).join(', ') : '', noWrap: true },
      { text: s ? bringing(s, locale) : '' },
    ])
  }
  const taken = train.slots.filter((s) => s.signup).length
  const coordinator = [train.coordinatorName?.trim(), train.coordinatorPhone?.trim()].filter(Boolean).join(', ')
  return {
    title: say(locale, 'printed.meals.familyTitle', { who: train.recipientName.trim() }),
    subtitle: [formatDayRange(train.startsOn, train.endsOn, locale), peopleCount(train.adults, train.children, locale), say(locale, 'printed.meals.arranged', { taken, count: train.slots.length })].join(' · '),
    profile,
    content: [
      ...(coordinator ? [{ text: [{ text: say(locale, 'printed.label', { label: say(locale, 'printed.meals.askCoordinator'), value: '' }), bold: true }, coordinator], margin: [0, 0, 0, 4] as [number, number, number, number] }] : []),
      { text: allergyBanner(profile, train, locale), bold: true, margin: [0, 0, 0, 8] },
      { table: { headerRows: 1, dontBreakRows: true, widths: ['auto', 'auto', '*', 'auto', '*'], body }, layout: dayRuledLayout(dayStarts) },
    ],
  }
}
