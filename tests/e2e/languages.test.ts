import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { openSection } from '../bridge/keyboard'
import { tempDir } from '../helpers/temp'
import { LANGUAGES, messagesOf } from '../../main/contract/i18n/catalog'

// Screenshots are kept in out/screenshots/languages (out/ is not committed) so a person can look at them.
const SHOTS = join(import.meta.dirname, '..', '..', 'out', 'screenshots', 'languages')
mkdirSync(SHOTS, { recursive: true })

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

async function seeded(locale: string): Promise<HearthPage> {
  const dir = tempDir()
  const h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir, locale)
  const dispatch = async (channel: string, input: unknown) => {
    const r = await h.session.registry.dispatch(channel, input)
    if (!r.ok) throw new Error(r.error.message)
    return r.value as { id: number }
  }
  await dispatch('settings.update', { timeZone: 'Europe/London', congregationName: 'Hearth' })
  const family = await dispatch('households.create', { displayName: 'عائلة الأحمد', address: { line1: 'شارع النور 12', city: 'عمّان' } })
  await dispatch('members.create', { firstName: 'محمد', lastName: 'الأحمد', householdId: family.id, householdRole: 'head', mobilePhone: '+962 79 123 4567', dietary: ['halal'] })
  await dispatch('members.create', { firstName: 'فاطمة', lastName: 'الأحمد', householdId: family.id, householdRole: 'spouse' })
  await dispatch('members.create', { firstName: 'Jürgen', lastName: 'Weiß', mobilePhone: '030 1234567' })
  const today = new Date().toISOString().slice(0, 10)
  const later = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10)
  await dispatch('mealTrains.create', {
    recipientName: 'عائلة الأحمد',
    startsOn: today,
    endsOn: later,
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'dinner', from: '18:00', to: '19:00' }],
    dietary: ['halal', 'nut_allergy'],
  })
  await h.page.reload()
  return h
}

describe('Hearth in Arabic', () => {
  let h: HearthPage
  beforeAll(async () => {
    h = await seeded('ar-EG')
  }, 60_000)
  afterAll(() => h?.close())

  it('follows an Arabic computer: right to left, Arabic words, mirrored layout', async () => {
    const { page } = h
    await page.getByRole('heading', { level: 1, name: 'الأعضاء' }).waitFor()
    // Counts in Egyptian Arabic digits (٣) as the locale writes them.
    await page.getByText(/^[3٣] أشخاص$/).first().waitFor()
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar-EG'])
    // Mirrored: the section list sits on the right, the people list starts at the right edge.
    const nav = await page.getByRole('navigation').first().boundingBox()
    expect(nav!.x).toBeGreaterThan(640)
    await page.getByRole('listbox', { name: 'الأشخاص' }).getByRole('option', { name: /محمد الأحمد/ }).click()
    await page.screenshot({ path: join(SHOTS, 'members-ar.png') })
    expect(h.errors).toEqual([])
  })

  it('shows a meal train in Arabic', async () => {
    const { page } = h
    await page.keyboard.press('Control+2')
    await page.getByRole('heading', { level: 1, name: 'تقاويم المساعدة' }).waitFor()
    await page.getByRole('button', { name: 'فتح عائلة الأحمد' }).click()
    await page.getByText('للمتطوعين').waitFor()
    await page.getByText('حساسية المكسرات').first().waitFor()
    await page.screenshot({ path: join(SHOTS, 'meal-train-ar.png'), fullPage: true })
    expect(h.errors).toEqual([])
  })
})

/** Where, from the left of the window, `part` is drawn inside the first text of the page that holds `whole`. */
async function xOf(page: HearthPage['page'], whole: string, part: string): Promise<number> {
  return page.evaluate(
    ([w, p]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(w)
        if (at < 0) continue
        const range = document.createRange()
        range.setStart(n, at + w.indexOf(p))
        range.setEnd(n, at + w.indexOf(p) + p.length)
        return range.getBoundingClientRect().x
      }
      throw new Error(`"${w}" is not on the page`)
    },
    [whole, part] as const,
  )
}

describe('Hearth in Arabic, looked at closely', () => {
  let h: HearthPage
  beforeAll(async () => {
    h = await seeded('ar-EG')
    const trains = await h.session.registry.dispatch('mealTrains.list', { includeArchived: false })
    if (!trains.ok) throw new Error(trains.error.message)
    const trainId = (trains.value as { id: number }[])[0]!.id
    for (const days of [0, 1]) {
      const date = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
      const r = await h.session.registry.dispatch('mealTrains.signUp', { trainId, date, meal: 'dinner', volunteer: { name: 'Jürgen Weiß', phone: '030 1234567' } })
      if (!r.ok) throw new Error(r.error.message)
    }
    await h.page.setViewportSize({ width: 800, height: 600 })
    await h.page.reload()
  }, 60_000)
  afterAll(() => h?.close())

  it('reads a phone number left to right inside Arabic lines (call list and home)', async () => {
    const { page } = h
    await openSection(page, 'Control+7', page.getByRole('heading', { level: 1, name: 'قائمة الاتصال' }))
    await page.getByRole('radio', { name: 'هذا الأسبوع' }).check()
    const card = page.getByRole('listitem', { name: 'Jürgen Weiß' }).first()
    await card.waitFor()
    // The day and its hours are joined by the Arabic comma, not an English one.
    expect(await card.innerText()).toContain('،')
    expect(await card.innerText()).not.toContain(',')
    // "030 1234567" broken into its groups in right-to-left order would put 030 on the right.
    expect(await xOf(page, '030 1234567', '030')).toBeLessThan(await xOf(page, '030 1234567', '1234567'))
    await page.screenshot({ path: join(SHOTS, 'call-list-ar.png'), fullPage: true })
    await page.keyboard.press('Control+H')
    await page.getByRole('heading', { level: 1, name: 'هذا الأسبوع' }).waitFor()
    await page.getByText('030 1234567').first().waitFor()
    // Lists in a line (the days still without a cook) are separated the Arabic way too.
    expect(await page.locator('main').innerText()).toContain('، ')
    expect(await page.locator('main').innerText()).not.toContain(',')
    expect(await xOf(page, '030 1234567', '030')).toBeLessThan(await xOf(page, '030 1234567', '1234567'))
    expect(h.errors).toEqual([])
  })

  it('opens the folded Actions menu under its button, at the left of a right-to-left window', async () => {
    const { page } = h
    await page.keyboard.press('Control+1')
    await page.getByRole('heading', { level: 1, name: 'الأعضاء' }).waitFor()
    const more = page.getByRole('button', { name: 'الإجراءات', exact: true })
    await more.click()
    const add = page.getByRole('button', { name: 'إضافة شخص', exact: true })
    await add.waitFor()
    const button = (await more.boundingBox())!
    const first = (await add.boundingBox())!
    // The menu hangs from the button's outer (left) edge into the window; hung from its right edge it ran off the
    // left of the window and pushed the whole page sideways.
    expect(first.x).toBeGreaterThanOrEqual(button.x)
    expect(first.x + first.width).toBeLessThan(400)
    expect(await page.evaluate(() => [window.scrollX, document.documentElement.scrollWidth <= window.innerWidth])).toEqual([0, true])
    await page.screenshot({ path: join(SHOTS, 'actions-ar.png') })
    await page.keyboard.press('Escape')
    expect(h.errors).toEqual([])
  })
})

describe('Hearth in German, chosen in Settings', () => {
  let h: HearthPage
  beforeAll(async () => {
    h = await seeded('en-GB')
  }, 60_000)
  afterAll(() => h?.close())

  it('switches every screen to German from the Settings screen, left to right', async () => {
    const { page } = h
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
    await page.keyboard.press('Control+6')
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await page.getByRole('combobox', { name: 'Language' }).click()
    await page.getByRole('option', { name: 'Deutsch' }).click()
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor()
    // The confirmation already speaks the language just chosen.
    await page.getByText('Gespeichert').waitFor()
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['ltr', 'de'])

    await page.keyboard.press('Control+1')
    await page.getByRole('heading', { level: 1, name: 'Mitglieder' }).waitFor()
    await page.getByText('3 Personen').waitFor()
    await page.getByRole('searchbox', { name: 'Suchen' }).fill('weiss')
    await page.getByText('1 Person', { exact: true }).waitFor()
    await page.getByRole('listbox', { name: 'Personen' }).getByRole('option', { name: /Jürgen Weiß/ }).click()
    await page.screenshot({ path: join(SHOTS, 'members-de.png') })
    expect(h.errors).toEqual([])
  })

  it('shows a meal train in German', async () => {
    const { page } = h
    await page.keyboard.press('Control+2')
    await page.getByRole('heading', { level: 1, name: 'Hilfekalender' }).waitFor()
    await page.getByRole('button', { name: 'Öffnen عائلة الأحمد' }).or(page.getByRole('button', { name: 'عائلة الأحمد öffnen' })).click()
    await page.getByText('Für die Helfenden').waitFor()
    await page.getByText('Nussallergie').first().waitFor()
    await page.screenshot({ path: join(SHOTS, 'meal-train-de.png'), fullPage: true })
    expect(h.errors).toEqual([])
  })

  it('tells a German volunteer in German which field to fix when a member has no last name, and saves nothing', async () => {
    const { page } = h
    await page.keyboard.press('Control+1')
    await page.getByRole('heading', { level: 1, name: 'Mitglieder' }).waitFor()
    const add = page.getByRole('button', { name: 'Person hinzufügen', exact: true })
    // At narrow widths the header folds its buttons behind "Aktionen" (revealHeaderButton knows only the English).
    await add.or(page.getByRole('button', { name: 'Aktionen', exact: true })).first().waitFor()
    if (!(await add.isVisible())) await page.getByRole('button', { name: 'Aktionen', exact: true }).click()
    await add.click()
    const dialog = page.getByRole('dialog', { name: 'Eine Person hinzufügen' })
    await dialog.getByLabel('Vorname').fill('Greta')
    await dialog.getByLabel('Nachname').fill('   ')
    await dialog.getByRole('button', { name: 'Speichern' }).click()
    await dialog.getByText('Bitte geben Sie einen Nachnamen an.').first().waitFor()
    await expect(dialog.getByLabel('Nachname').getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(dialog.getByText('Please give a last name.').count()).resolves.toBe(0)
    await page.screenshot({ path: join(SHOTS, 'member-error-de.png') })
    await dialog.getByRole('button', { name: 'Abbrechen' }).click()
    await page.getByRole('dialog', { name: 'Änderungen verwerfen?' }).getByRole('button', { name: 'Änderungen verwerfen' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('3 Personen').waitFor()
    expect(h.errors).toEqual([])
  })
  it('picks and types dates the German way: German month names, weeks from Monday, 27.03.2026', async () => {
    const { page } = h
    await h.session.registry.dispatch('prayerCircles.create', { name: 'Dienstagskreis' })
    await page.keyboard.press('Control+3')
    await page.getByRole('heading', { level: 1, name: 'Gebetskreise' }).waitFor()
    await page.getByRole('button', { name: /Dienstagskreis/ }).first().click()
    await page.getByRole('tab', { name: 'Pläne' }).click()
    const vigil = page.getByRole('button', { name: 'Neue Gebetswache', exact: true })
    if (!(await vigil.isVisible())) await page.getByRole('button', { name: 'Aktionen', exact: true }).click()
    await vigil.click()
    const dialog = page.getByRole('dialog', { name: 'Neue Gebetswache' })
    const field = dialog.getByLabel('Anfangsdatum')
    await field.click()
    const weekdays = page.locator('.mantine-DatePicker-weekday')
    await weekdays.first().waitFor()
    expect((await weekdays.allTextContents()).slice(0, 7)).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'])
    // Typed in the German order, the picker turns to that month, named in German.
    await field.fill('27.03.2026')
    await page.getByText('März 2026').waitFor()
    await page.screenshot({ path: join(SHOTS, 'date-picker-de.png') })
    await dialog.getByLabel('Anfangszeit').click()
    expect(await field.inputValue()).toBe('27.03.2026')
    expect(h.errors).toEqual([])
  })
})

describe('every section at 800×600 with Large text, in every language Hearth speaks', () => {
  for (const code of ['de', 'ar', 'es', 'fr', 'pl', 'pt']) {
    it(`${code}: no section is wider than the window (long German words, mirrored menus)`, async () => {
      const words = messagesOf(LANGUAGES.find((l) => l.code === code)!)
      const h = await seeded('en-GB')
      try {
        const circle = (await h.session.registry.dispatch('prayerCircles.create', { name: 'Tuesday circle' })) as { ok: true; value: { id: number } }
        await h.session.registry.dispatch('prayerCircles.createVigil', { circleId: circle.value.id, title: 'Night of prayer', startDate: '2026-12-01', startTime: '20:00', hours: 12, slotMinutes: 60 })
        await h.session.registry.dispatch('settings.update', { language: code, textSize: 'large' })
        await h.page.setViewportSize({ width: 800, height: 600 })
        await h.page.reload()
        // The page answers shortcuts once its first screen is there.
        await h.page.getByRole('heading', { level: 1, name: words['nav.members'], exact: true }).waitFor()
        const headings = ['nav.home', 'nav.members', 'nav.mealTrains', 'nav.prayerCircles', 'nav.print', 'nav.backup', 'nav.settings', 'nav.callList', 'history.title']
        for (const [i, id] of headings.entries()) {
          await h.page.keyboard.press(`Control+${i === 0 ? 'H' : i}`)
          await h.page.getByRole('heading', { level: 1, name: words[id], exact: true }).waitFor()
          const wide = await h.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
          expect({ section: id, wide }).toEqual({ section: id, wide: 0 })
          if (id === 'nav.mealTrains') {
            // Each date of a train's span stays on one line ("13 déc. 2026" once broke after the day).
            const train = h.page.getByRole('row').filter({ hasText: 'عائلة الأحمد' })
            await train.waitFor()
            const dates = train.getByRole('cell').nth(2).locator('span')
            expect(await dates.count()).toBe(2)
            // Lines counted by their tops: Arabic dates are several bidi runs side by side on one line.
            const lines = await dates.evaluateAll((spans) => spans.map((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size))
            expect(lines).toEqual([1, 1])
          }
          if (id === 'nav.prayerCircles') {
            // A circle's name is a name, not a person's first and last name (Polish once said "Imię i nazwisko").
            await h.page.getByRole('columnheader', { name: words['prayerCircles.col.circle'], exact: true }).waitFor()
            // In the circle, the count of gaps is read whole beside the vigil's long dates ("4 MANQ…" once).
            await h.page.getByRole('button', { name: words['prayerCircles.openNamed']!.replace('{name}', 'Tuesday circle') }).click()
            const gaps = h.page.getByRole('row').filter({ hasText: 'Night of prayer' }).getByRole('cell').nth(3).locator('.mantine-Badge-label')
            await gaps.waitFor()
            expect(await gaps.evaluate((label) => label.scrollWidth - label.clientWidth)).toBe(0)
            const ends = h.page.getByRole('row').filter({ hasText: 'Night of prayer' }).getByRole('cell').nth(2).locator('span')
            expect(await ends.evaluateAll((spans) => spans.map((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size))).toEqual([1, 1])
          }
        }
        expect(h.errors).toEqual([])
      } finally {
        await h.close()
      }
    }, 90_000)
  }
})
