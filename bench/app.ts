import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startSession } from '../main/session'
import { APP_ORIGIN, launchChromium, openHearthPage } from '../tests/bridge/bridge'
import { TestOs } from '../tests/bridge/test-os'
import { PAGE_HELPERS } from './members'
import { generateMembersFast } from './members-data'
import { median, report } from './report'
import { QUICK, sized } from './scale'

// The home is painted once its first card (every home has the backup card) is drawn, not only its heading.
const HOME_PAINTED = `window.__homePainted = window.__whenRows(() => document.querySelector('main section[aria-labelledby]'))`

/**
 * Start-up as a volunteer meets it: the built renderer in Chromium through the bridge, on a congregation of 10,000
 * people, from the start of navigation to the home's content painted (median of five fresh loads). Then the main
 * side's memory at 200,000 people, measured in a process of its own (bench/app-memory.ts).
 */
export async function benchApp(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-app-'))
  try {
    const path = join(dir, 'hearth.sqlite')
    const seeded = await startSession(path, new TestOs(dir, 'en-GB'), 'bench')
    generateMembersFast(seeded.context.sqlite, sized(10_000, 200), sized(4_000, 80))
    await seeded.close()
    if (!existsSync(resolve(__dirname, '..', 'out', 'renderer', 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first')
    const browser = await launchChromium()
    try {
      const h = await openHearthPage(browser, path, dir, 'en-GB', 'home')
      await h.page.addInitScript({ content: PAGE_HELPERS })
      await h.page.addInitScript({ content: HOME_PAINTED })
      try {
        const loads: number[] = []
        for (let i = 0; i < sized(5, 1); i++) {
          await h.page.goto('about:blank')
          await h.page.goto(`${APP_ORIGIN}/index.html#/home`)
          loads.push((await h.page.evaluate('window.__homePainted')) as number)
        }
        report('app.start_to_home_ms', median(loads), 'ms')
      } finally {
        await h.close()
      }
    } finally {
      await browser.close()
    }
    const memory = spawnSync(process.execPath, [...process.execArgv, join(__dirname, 'app-memory.ts'), join(dir, 'big.sqlite'), String(sized(200_000, 500)), ...(QUICK ? ['--quick'] : [])], { encoding: 'utf8' })
    if (memory.status !== 0) throw new Error(`app-memory failed: ${memory.stderr}`)
    const rss = /^bench: app\.main_rss_mb_200k (\S+) MB$/m.exec(memory.stdout)
    if (!rss) throw new Error('app-memory printed no figure')
    report('app.main_rss_mb_200k', Number(rss[1]), 'MB')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
