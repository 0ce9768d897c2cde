import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { tempDir } from '../helpers/temp'
import { addPerson } from '../meal-trains/fixtures'

let browser: Browser
let h: HearthPage
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  await h.session.registry.dispatch('settings.update', { timeZone: 'Europe/London' })
  await addPerson(h.session.context.db, { first: 'Dev', last: 'Patel', phone: '07700 900777', skills: ['Driver'] })
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

/** Presses one of the calendar's own buttons; they sit behind "Actions" when they do not fit beside the title. */
async function calendarAction(name: string): Promise<void> {
  const { page } = h
  const more = page.getByRole('button', { name: 'Actions', exact: true })
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  if (await more.isVisible()) await more.click()
  await page.getByRole('group', { name: 'Actions for this meal train' }).getByRole('button', { name }).click()
}

/** Opens "New care calendar" from the list by keyboard and chooses the kind of help, the form's first question. */
async function newCalendar(kind: string) {
  const { page } = h
  await page.keyboard.press('Control+2')
  await page.getByRole('heading', { level: 1, name: 'Care calendars' }).waitFor()
  const more = page.getByRole('button', { name: 'Actions', exact: true })
  if (await more.isVisible()) await more.click()
  await page.getByRole('button', { name: 'New care calendar' }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'New care calendar' })
  await dialog.waitFor()
  await dialog.getByRole('radio', { name: kind, exact: true }).focus()
  await page.keyboard.press('Space')
  await dialog.getByRole('radio', { name: 'Someone outside the member list' }).focus()
  await page.keyboard.press('Space')
  return dialog
}

const held = () => h.session.context.sqlite.prepare("select volunteer_name || ' ' || date from meal_signups where state = 'taken' order by date").pluck().all()

describe('care calendars in Chromium', () => {
  it('creates a ride calendar by keyboard, shows only a ride’s fields, and signs up the suggested driver in one step', async () => {
    const { page } = h
    const dialog = await newCalendar('Rides')
    // A ride asks for pick-up and destination, not for meals or dietary needs.
    expect(await dialog.getByLabel('Adults').count()).toBe(0)
    expect(await dialog.getByRole('checkbox', { name: 'Nut allergy' }).count()).toBe(0)
    await dialog.getByLabel('Help is for').fill('Ann Abbott')
    await dialog.getByLabel('First day').fill('2026-03-16')
    await dialog.getByLabel('Last day').fill('2026-04-07')
    // Choosing Rides kept the days as they were (every day, for a new calendar): the rides are on Tuesdays only.
    for (const d of ['Monday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
      const day = dialog.getByRole('checkbox', { name: d, exact: true })
      expect(await day.isChecked()).toBe(true)
      await day.focus()
      await page.keyboard.press('Space')
    }
    expect(await dialog.getByRole('checkbox', { name: 'Tuesday', exact: true }).isChecked()).toBe(true)
    await dialog.getByLabel('Pick-up address').fill('4 Mill Lane, Leeds')
    await dialog.getByLabel('Destination').fill('St James’s Hospital, renal unit')
    await dialog.getByLabel('Appointment time').fill('09:30')
    await dialog.getByRole('checkbox', { name: 'Needs room for a wheelchair' }).focus()
    await page.keyboard.press('Space')
    await dialog.getByLabel('Morning from').fill('08:45')
    await dialog.getByRole('button', { name: 'Create calendar' }).focus()
    await page.keyboard.press('Enter')

    await page.getByRole('heading', { level: 1, name: 'Ann Abbott' }).waitFor()
    await page.getByTestId('open-slots').getByText('4 slots still need a volunteer').waitFor()
    await page.getByText('St James’s Hospital, renal unit').first().waitFor()
    await page.getByText('Appointment at 09:30').first().waitFor()

    await page.getByRole('button', { name: 'Sign someone up for Ride (Morning) on Tuesday 17 March' }).click()
    const signup = page.getByRole('dialog', { name: 'Ride (Morning) on Tuesday 17 March' })
    await signup.getByText('Pick-up from 08:45, home by 12:00').waitFor()
    expect(await signup.getByLabel('What they plan to bring').count()).toBe(0)
    // Dev drives: Hearth suggests him for the ride, and one key signs him up.
    const suggested = signup.getByRole('region', { name: 'Suggested helpers' })
    await suggested.getByText(/Dev Patel — Driver/).waitFor()
    await suggested.getByRole('button', { name: 'Sign up Dev Patel' }).focus()
    await page.keyboard.press('Enter')
    await signup.waitFor({ state: 'detached' })
    await page.getByTestId('open-slots').getByText('3 slots still need a volunteer').waitFor()
    await page.getByRole('table', { name: 'Calendar' }).getByText('Dev Patel').waitFor()
    expect(held()).toEqual(['Dev Patel 2026-03-17'])
    expect(h.session.context.sqlite.prepare('select kind, ride_pickup, ride_appointment, ride_wheelchair from meal_trains').get()).toEqual({
      kind: 'rides',
      ride_pickup: '4 Mill Lane, Leeds',
      ride_appointment: '09:30',
      ride_wheelchair: 1,
    })
    expect(h.errors).toEqual([])
  })

  it('plans meals for three weeks from the birth as Day 1, Day 2…, then sets the birth date with every sign-up in place', async () => {
    const { page } = h
    const dialog = await newCalendar('Meals')
    await dialog.getByLabel('Meals are for').fill('The Nguyen family')
    await dialog.getByRole('checkbox', { name: /The date is not known yet/ }).focus()
    await page.keyboard.press('Space')
    expect(await dialog.getByLabel('First day').count()).toBe(0)
    await dialog.getByLabel('Day 1 is').fill('the birth')
    await dialog.getByRole('button', { name: 'Create meal train' }).click()

    await page.getByRole('heading', { level: 1, name: 'The Nguyen family' }).waitFor()
    await page.getByText('Day 1 to Day 21: the birth, date not set yet').waitFor()
    await page.getByTestId('open-slots').getByText('21 meals still need a volunteer').waitFor()
    await page.getByRole('button', { name: 'Sign someone up for Dinner on Day 3' }).click()
    const signup = page.getByRole('dialog', { name: 'Dinner on Day 3' })
    await signup.getByRole('radio', { name: 'Someone else' }).check()
    await signup.getByLabel('Volunteer’s name').fill('Jo from next door')
    await signup.getByLabel('What they plan to bring').fill('Pho')
    await signup.getByRole('button', { name: 'Sign up' }).click()
    await signup.waitFor({ state: 'detached' })
    await page.getByRole('listitem', { name: 'Day 3' }).getByText('Jo from next door').waitFor()

    await calendarAction('Set the date')
    const when = page.getByRole('dialog', { name: 'When is Day 1?' })
    await when.getByLabel('Date of Day 1').fill('2026-12-07')
    await when.getByRole('button', { name: 'Set the date' }).click()
    await when.waitFor({ state: 'detached' })
    await page.getByText('Monday 7 December to Sunday 27 December').waitFor()
    await page.getByRole('table', { name: 'Calendar' }).getByText('Jo from next door').waitFor()
    expect(held()).toContain('Jo from next door 2026-12-09')
    await page.getByRole('button', { name: /^Change the sign-up of Jo from next door for Dinner on Wednesday 9 December/ }).waitFor()

    // The baby came a day late: Day 1 moves, and Jo's Day 3 moves with it.
    await calendarAction('Set the date')
    await page.getByRole('dialog', { name: 'When is Day 1?' }).getByLabel('Date of Day 1').fill('2026-12-08')
    await page.getByRole('dialog', { name: 'When is Day 1?' }).getByRole('button', { name: 'Set the date' }).click()
    await page.getByRole('button', { name: /^Change the sign-up of Jo from next door for Dinner on Thursday 10 December/ }).waitFor()
    expect(held()).toContain('Jo from next door 2026-12-10')
    expect(h.errors).toEqual([])
  })
})
