import type { TableCell } from 'pdfmake/interfaces'
import type { MealTrainForPrint } from '../../common/meal-train'
import { careColumns, careDay, careDayRange, careSlotAndTime } from './care-sheet'
import { allergyBanner, bringing, dayRuledLayout, volunteerName } from './meal-train-sheet'
import { headerCell, type PrintDocument } from '../engine/pdf'
import { phonesFor, type Profile } from './profile'
import { peopleCount } from './words'
import { say } from '../../i18n/say'

/**
 * For the family: who is bringing what, and when, with their phone numbers, one line a meal. It leaves out what
 * the family knows already and should not be carried about on paper: their own address, door instructions and
 * key-safe codes. Meals nobody has taken yet are left blank; the subtitle says how many are arranged.
 */
export function mealTrainFamilyDocument(profile: Profile, train: MealTrainForPrint, locale: string): PrintDocument {
  const meals = train.kind === 'meals'
  const columns = careColumns(train, locale)
  const body: TableCell[][] = [[headerCell(say(locale, 'printed.col.day')), headerCell(columns.slot), headerCell(say(locale, 'printed.meals.whoIsComing')), headerCell(say(locale, 'printed.col.phone')), headerCell(meals ? say(locale, 'printed.meals.bringing') : columns.bring)]]
  const dayStarts = new Set<number>()
  let previousDay = ''
  for (const slot of train.slots) {
    const firstOfDay = slot.date !== previousDay
    previousDay = slot.date
    if (firstOfDay) dayStarts.add(body.length)
    const s = slot.signup
    body.push([
      { text: firstOfDay ? careDay(train, slot.date, locale) : '', bold: true, noWrap: true },
      { text: careSlotAndTime(train, slot, locale), noWrap: true },
      { text: s ? volunteerName(profile, s) : '' },
      { text: s ? phonesFor(profile, [s.volunteerPhone]).join(', ') : '', noWrap: true },
      { text: s ? (meals ? bringing(s, locale) : (s.notes ?? '')) : '' },
    ])
  }
  const taken = train.slots.filter((s) => s.signup).length
  const coordinator = [train.coordinatorName?.trim(), train.coordinatorPhone?.trim()].filter(Boolean).join(', ')
  return {
    title: meals ? say(locale, 'printed.meals.familyTitle', { who: train.recipientName.trim() }) : say(locale, 'printed.care.familyTitle', { who: train.recipientName.trim() }),
    subtitle: [
      careDayRange(train, locale),
      meals ? peopleCount(train.adults, train.children, locale) : null,
      say(locale, meals ? 'printed.meals.arranged' : 'printed.care.arranged', { taken, count: train.slots.length }),
    ]
      .filter(Boolean)
      .join(' · '),
    profile,
    content: [
      ...(coordinator ? [{ text: [{ text: say(locale, 'printed.label', { label: say(locale, 'printed.meals.askCoordinator'), value: '' }), bold: true }, coordinator], margin: [0, 0, 0, 4] as [number, number, number, number] }] : []),
      ...(train.kind === 'rides' ? [] : [{ text: allergyBanner(profile, train, locale), bold: true, margin: [0, 0, 0, 8] as [number, number, number, number] }]),
      { table: { headerRows: 1, dontBreakRows: true, widths: ['auto', 'auto', '*', 'auto', '*'], body }, layout: dayRuledLayout(dayStarts) },
    ],
  }
}
