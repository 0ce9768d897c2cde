// `npm run dev:browser [-- --db FILE] [-- --screenshots DIR]`: the built renderer in Chromium, wired to the real
// handlers over a real database through the same bridge as the tests. For machines where Electron cannot run.
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { sections } from './sections'
import { launchChromium, openHearthPage } from './bridge'

const { values } = parseArgs({ options: { db: { type: 'string' }, screenshots: { type: 'string' } } })
const dataDir = values.db ? dirname(resolve(values.db)) : mkdtempSync(join(tmpdir(), 'hearth-dev-'))
const databasePath = values.db ? resolve(values.db) : join(dataDir, 'hearth.sqlite')

if (!values.screenshots && !process.env.DISPLAY && process.platform === 'linux') {
  console.error('No display here. Use `npm run dev:browser -- --screenshots DIR` to get a picture of every section.')
  process.exit(1)
}

async function main(): Promise<void> {
  const browser = await launchChromium({ headless: !!values.screenshots })
  const h = await openHearthPage(browser, databasePath, dataDir)
  console.log(`Hearth (browser bridge) over ${databasePath}`)

  if (values.screenshots) {
    const out = resolve(values.screenshots)
    mkdirSync(out, { recursive: true })
    for (const [i, s] of sections.entries()) {
      await h.page.keyboard.press(`Control+${i + 1}`)
      await h.page.getByRole('heading', { level: 1, name: s.title }).waitFor()
      await h.page.waitForTimeout(300)
      const file = join(out, `${String(i + 1).padStart(2, '0')}-${s.id}.png`)
      await h.page.screenshot({ path: file, fullPage: true })
      console.log(`wrote ${file}`)
    }
    if (h.errors.length) console.log(`page errors:\n${h.errors.join('\n')}`)
    await h.close()
    await browser.close()
  } else {
    h.page.on('close', async () => {
      await h.close()
      await browser.close()
    })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
