import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { FROM_WIRE, toWire } from '../bridge/wire'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

let browser: Browser
let h: HearthPage
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  await call(h.session, 'members.create', { firstName: 'Zoë', lastName: 'Smith', tags: ['Flowers'], email: 'zoe@example.org' })
  await call(h.session, 'members.create', { firstName: 'José', lastName: 'Álvarez', status: 'visitor' })
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

describe('the test bridge hands the page what Electron IPC would', () => {
  it('delivers a search result equal to the structured clone of what the handler returned', async () => {
    const input = { filter: { query: '' }, sort: 'name' as const, offset: 0, limit: 50 }
    const expected = structuredClone(await h.session.registry.dispatch('members.search', input))
    const received = await h.page.evaluate((i) => window.hearth.members.search(i), input)
    expect(received).toStrictEqual(expected)
    expect(received).toMatchObject({ ok: true, value: { rows: [{ name: 'José Álvarez' }, { name: 'Zoë Smith' }] } })
  })

  it('delivers a failure the same way', async () => {
    const input = { filter: { query: 'x'.repeat(5000) }, sort: 'name' as const }
    const expected = structuredClone(await h.session.registry.dispatch('members.search', input))
    expect(expected.ok).toBe(false)
    await expect(h.page.evaluate((i) => window.hearth.members.search(i), input)).resolves.toStrictEqual(expected)
  })

  it('keeps what JSON cannot carry (undefined, NaN, -0, dates, bytes) as the object serializer carried it', async () => {
    const page = await browser.newPage()
    try {
      await page.exposeFunction('__wireSample', () =>
        toWire({ ok: true, value: { missing: undefined, nan: Number.NaN, minusZero: -0, at: new Date(Date.UTC(2026, 1, 28)), bytes: new Uint8Array([37, 80, 68, 70]) } }),
      )
      const seen = await page.evaluate(`(async () => {
        const { value } = (${FROM_WIRE})(await window.__wireSample())
        return {
          missingKept: 'missing' in value && value.missing === undefined,
          nan: Number.isNaN(value.nan),
          minusZero: Object.is(value.minusZero, -0),
          date: value.at instanceof Date && value.at.toISOString(),
          bytes: value.bytes instanceof Uint8Array && [...value.bytes].join(','),
        }
      })()`)
      expect(seen).toEqual({ missingKept: true, nan: true, minusZero: true, date: '2026-02-28T00:00:00.000Z', bytes: '37,80,68,70' })
    } finally {
      await page.close()
    }
  })
})
