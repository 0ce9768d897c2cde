import { describe, expect, it } from 'vitest'
import { HearthError } from '../../main/contract/errors'
import { mealWhat } from '../../main/common/meal-words'
import { type MealTrainFields, MealTrainFieldsSchema, RELATIVE_EPOCH } from '../../main/contract/meal-trains'
import { careFields, rideTimes } from '../../main/meal-trains/kinds'
import { generateSlots, onPattern, type SlotPlan, weekOfPlan } from '../../main/common/meal-slots'

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7]
const morning = { meal: 'breakfast' as const, from: '09:00', to: '11:30' }
const afternoon = { meal: 'lunch' as const, from: '14:00', to: '15:00' }
const dinner = { meal: 'dinner' as const, from: '17:30', to: '18:30' }

function refusal(run: () => unknown): HearthError {
  try {
    run()
  } catch (err) {
    expect(err).toBeInstanceOf(HearthError)
    return err as HearthError
  }
  throw new Error('expected a refusal')
}

const fields = (over: Partial<MealTrainFields>): MealTrainFields =>
  MealTrainFieldsSchema.parse({ recipientName: 'Ann Abbott', startsOn: '2026-03-02', endsOn: '2026-03-29', weekdays: [2], meals: [morning], ...over })

describe('slot patterns per kind', () => {
  it('a ride on Tuesdays at 09:30 keeps its wall-clock times across the change to summer time (London, 29 March)', () => {
    const ride = fields({ kind: 'rides', ridePickup: '4 Mill Lane', rideDestination: 'St James’s Hospital', rideAppointment: '09:30', startsOn: '2026-03-16', endsOn: '2026-04-07' })
    const slots = generateSlots(ride)
    expect(slots.map((s) => s.date)).toEqual(['2026-03-17', '2026-03-24', '2026-03-31', '2026-04-07'])
    expect(slots.map((s) => rideTimes(ride, s, 'Europe/London'))).toEqual([
      { pickUpAt: '2026-03-17T09:00:00Z', homeBy: '2026-03-17T11:30:00Z', appointmentAt: '2026-03-17T09:30:00Z' },
      { pickUpAt: '2026-03-24T09:00:00Z', homeBy: '2026-03-24T11:30:00Z', appointmentAt: '2026-03-24T09:30:00Z' },
      { pickUpAt: '2026-03-31T08:00:00Z', homeBy: '2026-03-31T10:30:00Z', appointmentAt: '2026-03-31T08:30:00Z' },
      { pickUpAt: '2026-04-07T08:00:00Z', homeBy: '2026-04-07T10:30:00Z', appointmentAt: '2026-04-07T08:30:00Z' },
    ])
  })

  it('a ride on the day the clocks change: the skipped hour moves forward, the repeated hour is read once the clocks have gone back', () => {
    const ride = fields({ kind: 'rides', ridePickup: 'a', rideDestination: 'b', rideAppointment: '01:30' })
    expect(rideTimes(ride, { date: '2026-03-29', from: '01:15', to: '03:00' }, 'Europe/London')).toEqual({
      pickUpAt: '2026-03-29T01:15:00Z',
      homeBy: '2026-03-29T02:00:00Z',
      appointmentAt: '2026-03-29T01:30:00Z',
    })
    expect(rideTimes(ride, { date: '2026-10-25', from: '01:15', to: '03:00' }, 'Europe/London')).toEqual({
      pickUpAt: '2026-10-25T01:15:00Z',
      homeBy: '2026-10-25T03:00:00Z',
      appointmentAt: '2026-10-25T01:30:00Z',
    })
    // New York changes on another Sunday (8 March 2026): a Monday ride there moves by an hour in UTC.
    expect(rideTimes(ride, { date: '2026-03-06', from: '09:00', to: '10:00' }, 'America/New_York').pickUpAt).toBe('2026-03-06T14:00:00Z')
    expect(rideTimes(ride, { date: '2026-03-09', from: '09:00', to: '10:00' }, 'America/New_York').pickUpAt).toBe('2026-03-09T13:00:00Z')
  })

  it('a visit twice a week every other week counts its weeks across the year end', () => {
    const plan: SlotPlan = { startsOn: '2026-12-30', endsOn: '2027-01-31', weekdays: [2, 5], weekInterval: 2, meals: [afternoon] }
    expect(generateSlots(plan).map((s) => s.date)).toEqual(['2027-01-01', '2027-01-12', '2027-01-15', '2027-01-26', '2027-01-29'])
    expect(weekOfPlan('2026-12-30', '2026-12-28')).toBe(0)
    expect(weekOfPlan('2026-12-30', '2027-01-03')).toBe(0)
    expect(weekOfPlan('2026-12-30', '2027-01-04')).toBe(1)
  })

  it('every fourth Monday from a month end lands on the right days through February and March', () => {
    const plan: SlotPlan = { startsOn: '2026-01-31', endsOn: '2026-04-30', weekdays: [1], weekInterval: 4, meals: [morning] }
    expect(generateSlots(plan).map((s) => s.date)).toEqual(['2026-02-23', '2026-03-23', '2026-04-20'])
  })

  it('childcare on weekdays and dinner every day both take in a leap day, and not a day that is not there', () => {
    expect(generateSlots({ startsOn: '2028-02-25', endsOn: '2028-03-02', weekdays: [1, 2, 3, 4, 5], meals: [morning, afternoon] }).map((s) => `${s.date} ${s.meal}`)).toEqual([
      '2028-02-25 breakfast', '2028-02-25 lunch', '2028-02-28 breakfast', '2028-02-28 lunch', '2028-02-29 breakfast', '2028-02-29 lunch',
      '2028-03-01 breakfast', '2028-03-01 lunch', '2028-03-02 breakfast', '2028-03-02 lunch',
    ])
    expect(generateSlots({ startsOn: '2027-02-27', endsOn: '2027-03-01', weekdays: ALL_DAYS, meals: [dinner] }).map((s) => s.date)).toEqual(['2027-02-27', '2027-02-28', '2027-03-01'])
    expect(generateSlots({ startsOn: '2028-02-28', endsOn: '2028-03-01', weekdays: ALL_DAYS, meals: [dinner] }).map((s) => s.date)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01'])
  })

  it('refuses a repeat it cannot make, naming the field', () => {
    expect(refusal(() => generateSlots({ startsOn: '2026-03-02', endsOn: '2026-03-08', weekdays: [1], weekInterval: 5, meals: [dinner] })).fields).toEqual({ weekInterval: 'Choose how often.' })
    // Every other week from a Wednesday: the only Monday in range is in the week left out.
    expect(refusal(() => generateSlots({ startsOn: '2026-03-04', endsOn: '2026-03-10', weekdays: [1], weekInterval: 2, meals: [dinner] })).fields).toEqual({
      weekdays: 'Choose a day that falls within the dates.',
    })
    expect(onPattern({ startsOn: '2026-03-04', weekdays: [1], weekInterval: 2 }, '2026-03-16')).toBe(true)
  })
})

describe('each kind keeps its own fields', () => {
  it('a ride needs a pick-up address and a destination; "other" needs a title', () => {
    expect(refusal(() => careFields(fields({ kind: 'rides', rideDestination: 'Clinic' }))).fields).toEqual({ ridePickup: 'Write the pick-up address.' })
    expect(refusal(() => careFields(fields({ kind: 'rides', ridePickup: '4 Mill Lane', rideDestination: '  ' }))).fields).toEqual({ rideDestination: 'Write the destination.' })
    expect(refusal(() => careFields(fields({ kind: 'other', title: ' ' }))).fields).toEqual({ title: 'Write what the help is.' })
    expect(careFields(fields({ kind: 'other', title: 'Dog walking', careWhat: 'Walk Bruno' }))).toMatchObject({ title: 'Dog walking', careWhat: 'Walk Bruno' })
  })

  it('empties the fields of other kinds, so a meal train carries no pick-up address and a visit no wheelchair', () => {
    const meal = careFields(fields({ kind: 'meals', ridePickup: '4 Mill Lane', rideWheelchair: true, title: 'x', careWhat: 'y' }))
    expect(meal).toMatchObject({ ridePickup: null, rideWheelchair: false, title: null, careWhat: null })
    const visit = careFields(fields({ kind: 'visits', careWhat: 'A chat and a cup of tea', careWhere: 'Ward 4', rideDestination: 'Clinic', rideChildSeat: true }))
    expect(visit).toMatchObject({ careWhat: 'A chat and a cup of tea', careWhere: 'Ward 4', rideDestination: null, rideChildSeat: false, title: null })
    const ride = careFields(fields({ kind: 'rides', ridePickup: 'a', rideDestination: 'b', rideReturn: true, rideWheelchair: true, careWhat: 'z' }))
    expect(ride).toMatchObject({ rideReturn: true, rideWheelchair: true, careWhat: null })
  })

  it('an undated calendar counts from Day 1 and runs every day until its date is set', () => {
    const undated = { dateKnown: false, startsOn: RELATIVE_EPOCH, endsOn: '2001-01-21', weekdays: ALL_DAYS, meals: [dinner] }
    expect(careFields(fields(undated)).dateKnown).toBe(false)
    expect(refusal(() => careFields(fields({ ...undated, weekdays: [1, 3] }))).fields).toEqual({ weekdays: 'Choose every day.' })
    expect(refusal(() => careFields(fields({ ...undated, weekInterval: 2 }))).fields).toEqual({ weekdays: 'Choose every day.' })
    expect(refusal(() => careFields(fields({ ...undated, startsOn: '2026-03-02', endsOn: '2026-03-22' }))).fields).toEqual({ startsOn: 'Leave the date unset.' })
  })

  it('names a sign-up in the kind’s words and the chosen language', () => {
    expect(mealWhat('meal', 'dinner', 'the Okafor family')).toBe('Dinner for the Okafor family')
    expect(mealWhat('gift_card', 'dinner', 'the Okafor family')).toMatch(/^Gift card.*dinner.*the Okafor family/i)
    expect(mealWhat('meal', 'breakfast', 'Ann Abbott', 'en', { kind: 'rides', title: null })).toBe('Ride (morning) for Ann Abbott')
    expect(mealWhat('meal', 'lunch', 'Ann Abbott', 'en', { kind: 'visits', title: null })).toBe('Visit (afternoon) for Ann Abbott')
    expect(mealWhat('meal', 'dinner', 'Ann Abbott', 'en', { kind: 'household', title: null })).toBe('Household job (evening) for Ann Abbott')
    expect(mealWhat('meal', 'lunch', 'Ann Abbott', 'en', { kind: 'other', title: 'Dog walking' })).toBe('Dog walking (afternoon) for Ann Abbott')
    expect(mealWhat('meal', 'lunch', 'Ann Abbott', 'en', { kind: 'other', title: null })).toBe('Help (afternoon) for Ann Abbott')
    expect(mealWhat('meal', 'dinner', 'Familie Okafor', 'de')).not.toMatch(/Dinner| for /)
    expect(mealWhat('meal', 'breakfast', 'Ann Abbott', 'de', { kind: 'rides', title: null })).toMatch(/^Fahrt \(Vormittag\)/)
  })
})
