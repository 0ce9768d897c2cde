// `npm run dev:browser [-- --db FILE] [-- --screenshots DIR] [-- --language CODE]`: the built renderer in Chromium, wired to the real
// handlers over a real database through the same bridge as the tests. For machines where Electron cannot run.
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { LANGUAGES, messagesOf } from '../../main/contract/i18n/catalog'
import { home, sections } from './sections'
import { type HearthPage, launchChromium, openHearthPage } from './bridge'

const { values } = parseArgs({ options: { db: { type: 'string' }, screenshots: { type: 'string' }, language: { type: 'string' } } })
// The language is a setting, as a volunteer chooses it; without --language the computer's (English) is followed.
const chosen = LANGUAGES.find((l) => l.code === (values.language ?? 'en'))
if (!chosen) {
  console.error(`No catalog for "${values.language}". Known: ${LANGUAGES.map((l) => l.code).join(', ')}.`)
  process.exit(1)
}
const language = chosen
const words = messagesOf(language)
const dataDir = values.db ? dirname(resolve(values.db)) : mkdtempSync(join(tmpdir(), 'hearth-dev-'))
const databasePath = values.db ? resolve(values.db) : join(dataDir, 'hearth.sqlite')

if (!values.screenshots && !process.env.DISPLAY && process.platform === 'linux') {
  console.error('No display here. Use `npm run dev:browser -- --screenshots DIR` to get a picture of every section.')
  process.exit(1)
}

const SIZES = [
  { name: '1280x860', viewport: { width: 1280, height: 860 } },
  { name: '800x600', viewport: { width: 800, height: 600 } },
] as const

/** The message each section's heading shows (History's heading is longer than its place in the navigation). */
const HEADINGS: Record<(typeof sections)[number]['id'] | 'home', string> = {
  home: 'nav.home',
  members: 'nav.members',
  'meal-trains': 'nav.mealTrains',
  'prayer-circles': 'nav.prayerCircles',
  print: 'nav.print',
  backup: 'nav.backup',
  settings: 'nav.settings',
  'call-list': 'nav.callList',
  history: 'history.title',
}

async function shoot(h: HearthPage, file: string): Promise<void> {
  await h.page.waitForTimeout(300)
  await h.page.screenshot({ path: file, fullPage: true })
  console.log(`wrote ${file}`)
}

/** The home and every section, opened by their shortcuts as a volunteer would. */
async function everySection(h: HearthPage, out: string, prefix: string): Promise<void> {
  for (const s of [home, ...sections]) {
    const key = s.id === 'home' ? 'H' : String(sections.findIndex((x) => x.id === s.id) + 1)
    await h.page.keyboard.press(`Control+${key}`)
    const title = words[HEADINGS[s.id]]
    await h.page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor()
    await shoot(h, join(out, `${prefix}-${key === 'H' ? '0' : key}-${s.id}.png`))
  }
}

async function main(): Promise<void> {
  const browser = await launchChromium({ headless: !!values.screenshots })
  if (!values.screenshots) {
    const h = await openHearthPage(browser, databasePath, dataDir, 'en-GB', 'home')
    console.log(`Hearth (browser bridge) over ${databasePath}`)
    h.page.on('close', async () => {
      await h.close()
      await browser.close()
    })
    return
  }
  const out = resolve(values.screenshots)
  mkdirSync(out, { recursive: true })
  const errors: string[] = []
  const prefix = values.language ? `${language.code}-` : ''
  // The file as it is first (an empty one shows the first-run checklist), then the example congregation, so every
  // screen has something on it; the example is its own file, so a --db file is never changed by this.
  for (const size of SIZES) {
    const h = await openHearthPage(browser, databasePath, dataDir, 'en-GB', 'home', size.viewport)
    if (values.language) {
      await h.session.registry.dispatch('settings.update', { language: language.code })
      await h.page.reload()
    }
    await h.page.getByRole('heading', { level: 1 }).first().waitFor()
    await shoot(h, join(out, `${prefix}${size.name}-own-home.png`))
    const opened = await h.session.registry.dispatch('home.openExample', {})
    if (!opened.ok) throw new Error(opened.error.message)
    for (const textSize of ['normal', 'large'] as const) {
      // The example is its own file with its own settings, so the language is set again in it.
      await h.session.registry.dispatch('settings.update', { textSize, ...(values.language ? { language: language.code } : {}) })
      await h.page.goto(h.page.url().replace(/#.*$/, '#/home'))
      await h.page.reload()
      await everySection(h, out, `${prefix}${size.name}-${textSize}`)
    }
    await h.session.registry.dispatch('home.leaveExample', {})
    errors.push(...h.errors)
    await h.close()
  }
  if (errors.length) console.log(`page errors:\n${errors.join('\n')}`)
  await browser.close()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
