import { existsSync } from 'node:fs'
import { join, normalize, resolve } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright'
import { channelNames } from '../../main/contract'
import { createApi } from '../../main/contract/api'
import { type Session, startSession } from '../../main/session'
import { TestOs } from './test-os'
import { FROM_WIRE, toWire } from './wire'

const ROOT = resolve(__dirname, '..', '..')
const RENDERER_DIR = join(ROOT, 'out', 'renderer')
/** A made-up origin: Playwright answers every request to it from out/renderer, so nothing touches the network. */
export const APP_ORIGIN = 'http://hearth.test'

// Debian's Chromium, as on CI; CHROMIUM_PATH overrides it on other machines.
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((p): p is string => !!p && existsSync(p))
}

export function launchChromium(options: { headless?: boolean } = {}): Promise<Browser> {
  const executablePath = chromiumPath()
  return chromium.launch({
    headless: options.headless ?? true,
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

export interface HearthPage {
  page: Page
  session: Session
  os: TestOs
  /** Console errors and uncaught exceptions seen on the page. */
  errors: string[]
  close(): Promise<void>
}

/**
 * Opens the built renderer with `window.hearth` wired to the real handler registry over a real database file.
 * Only Electron's transport is swapped: the same API factory the preload uses, calling registry.dispatch.
 */
/**
 * `at` is the section the page opens on. Hearth itself opens on the home ('home'); the feature tests start on
 * their own section ('members' unless they say otherwise), as they did before the home existed.
 */
export async function openHearthPage(browser: Browser, databasePath: string, dataDir: string, locale = 'en-GB', at = 'members', viewport = { width: 1280, height: 860 }): Promise<HearthPage> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first.')
  const os = new TestOs(dataDir, locale)
  const session = await startSession(databasePath, os, 'test')
  const context = await browser.newContext({ locale, viewport })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  // The result crosses as JSON text whenever that rebuilds it exactly (see wire.ts): the object serializer would
  // otherwise add more time to every call than the handler takes.
  await page.exposeFunction('__hearthInvoke', async (channel: string, input: unknown) => toWire(await session.registry.dispatch(channel, input)))
  await page.addInitScript({
    content: `window.hearth = (${createApi.toString()})(${JSON.stringify(channelNames)}, (c, i) => window.__hearthInvoke(c, i).then(${FROM_WIRE}));`,
  })
  await context.route(`${APP_ORIGIN}/**`, async (route) => {
    const path = normalize(join(RENDERER_DIR, new URL(route.request().url()).pathname))
    if (!path.startsWith(RENDERER_DIR) || !existsSync(path)) return route.fulfill({ status: 404, body: 'not found' })
    return route.fulfill({ path })
  })
  await page.goto(`${APP_ORIGIN}/index.html#/${at}`)
  return {
    page,
    session,
    os,
    errors,
    close: async () => {
      await context.close()
      await session.close()
    },
  }
}
