import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { tempDir } from '../helpers/temp'
import { pdfText } from '../print/read-pdf'
import { seedCongregation } from '../print/seed'

let browser: Browser
let h: HearthPage
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  await seedCongregation(h.session.context.db)
  const train = await h.session.registry.dispatch('mealTrains.create', {
    recipientName: 'Maria Lopez',
    startsOn: '2026-03-02',
    endsOn: '2026-03-08',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
    dietary: ['peanut_allergy'],
  })
  if (!train.ok) throw new Error(train.error.message)
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

describe('printing in Chromium', () => {
  it('previews the member directory as real pages, then prints exactly that PDF', async () => {
    const { page } = h
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Print/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Print' }).waitFor()
    await page.getByRole('button', { name: 'Member directory' }).click()
    const dialog = page.getByRole('dialog', { name: 'Member directory' })
    await dialog.waitFor()
    await dialog.getByRole('radio', { name: /Volunteers/ }).waitFor()
    expect(await dialog.getByRole('radio', { name: /Volunteers/ }).isChecked()).toBe(true)

    const canvas = dialog.getByRole('img', { name: 'Page 1 of 1' })
    await canvas.waitFor({ timeout: 20_000 })
    // Dark pixels on the canvas: the page was really drawn, not left blank.
    const size = await canvas.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      let dark = 0
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 0) dark++
      return { w: c.width, h: c.height, inked: dark > 500 }
    })
    expect(size.w).toBeGreaterThan(300)
    expect(size.h).toBeGreaterThan(size.w)
    expect(size.inked).toBe(true)

    await dialog.getByRole('button', { name: 'Print…' }).click()
    await page.getByText('Sent to the printer.').last().waitFor()
    expect(h.os.printed).toHaveLength(1)
    const text = pdfText(h.os.printed[0]!.pdf)
    expect(text).toContain('Member directory')
    expect(text).toContain('Volunteer copy — contains phone numbers, do not display')
    expect(text).toContain('Ada, Tunde, Chidi')
    expect(text).toContain('Tester, <img src=x onerror=alert(1)>')
    expect(h.os.printed[0]!.jobName).toBe('Member directory (volunteer copy)')
    expect(text).not.toContain('chemotherapy')
    expect(h.errors).toEqual([])
  })

  it('adds a cover page and leaves out phone numbers when asked, by keyboard', async () => {
    const { page } = h
    const dialog = page.getByRole('dialog', { name: 'Member directory' })
    await dialog.getByRole('checkbox', { name: /Add a cover page/ }).focus()
    await page.keyboard.press('Space')
    await dialog.getByRole('checkbox', { name: 'Phone numbers' }).focus()
    await page.keyboard.press('Space')
    await dialog.getByRole('img', { name: 'Page 2 of 2' }).waitFor({ timeout: 20_000 })
    const printedBefore = h.os.printed.length
    await dialog.getByRole('button', { name: 'Print…' }).click()
    await expect.poll(() => h.os.printed.length, { timeout: 15_000 }).toBe(printedBefore + 1)
    const text = pdfText(h.os.printed.at(-1)!.pdf)
    expect(text).toContain('For members only.')
    expect(text).toContain('ada@example.org')
    expect(text).not.toContain('07700')
    await dialog.getByRole('checkbox', { name: /Add a cover page/ }).uncheck()
    await dialog.getByRole('checkbox', { name: 'Phone numbers' }).check()
    expect(h.errors).toEqual([])
  })

  it('switches to the coordinator copy and saves it where the person chooses', async () => {
    const { page } = h
    const dialog = page.getByRole('dialog', { name: 'Member directory' })
    await dialog.getByRole('radio', { name: /Coordinator/ }).check()
    await dialog.getByRole('img', { name: 'Page 1 of 1' }).waitFor({ timeout: 20_000 })
    const target = join(dir, 'coordinator.pdf')
    h.os.saveAnswers.push(target)
    await dialog.getByRole('button', { name: 'Save as PDF…' }).click()
    await page.getByText(`Saved to ${target}`).waitFor()
    const { readFileSync } = await import('node:fs')
    const text = pdfText(readFileSync(target))
    expect(text).toContain('COORDINATOR COPY — confidential')
    expect(text.replace(/\s+/g, ' ')).toContain('Undergoing chemotherapy until May')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(h.errors).toEqual([])
  })

  it('prints a meal train’s noticeboard sheet from its row, with the keyboard', async () => {
    const { page } = h
    const row = page.getByRole('group', { name: 'Maria Lopez' })
    await row.getByRole('button', { name: 'Meal-train sign-up sheet' }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Meal-train sign-up sheet' })
    await dialog.waitFor()
    expect(await dialog.getByRole('radio', { name: /Noticeboard/ }).isChecked()).toBe(true)
    await dialog.getByRole('img', { name: 'Page 1 of 1' }).waitFor({ timeout: 20_000 })
    const printedBefore = h.os.printed.length
    await dialog.getByRole('button', { name: 'Print…' }).click()
    await expect.poll(() => h.os.printed.length, { timeout: 15_000 }).toBe(printedBefore + 1)
    await page.getByText('Sent to the printer.').last().waitFor()
    const text = pdfText(h.os.printed.at(-1)!.pdf)
    expect(text).toContain('Meals for Maria')
    expect(text).not.toContain('Lopez')
    expect(text).toContain('Allergies and dietary needs: Peanut allergy')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(h.errors).toEqual([])
  })
})
