import type { Locator, Page } from 'playwright'
import { expect } from 'vitest'

/**
 * Focuses a member picker, types, and takes the one suggestion with the arrow keys, as a keyboard user would.
 * It waits for the list to show only the match, because the picker first lists everyone before the search answers.
 */
export async function pickWithKeyboard(page: Page, input: Locator, text: string, expected: RegExp): Promise<void> {
  // A dialog moves focus into itself once it has opened; a picker focused and typed into before that loses the
  // focus mid-word and its list closes (care-match failed so in a clean-clone run).
  await expect
    .poll(() => input.evaluate((el) => { const dialog = el.closest('[role=dialog]'); return !dialog || dialog.contains(document.activeElement) }), { timeout: 15_000 })
    .toBe(true)
  await input.focus()
  await page.keyboard.type(text)
  await expect.poll(() => page.getByRole('option').allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringMatching(expected)])
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
}

/**
 * A section's header buttons fold behind "Actions" when they do not fit beside its title: this reveals them by
 * keyboard when they are folded, as a keyboard user would, and does nothing when they are in view.
 */
export async function revealHeaderButton(page: Page, target: Locator): Promise<void> {
  const actions = page.getByRole('button', { name: 'Actions', exact: true })
  await target.or(actions).first().waitFor()
  if (!(await target.isVisible())) {
    await actions.focus()
    await page.keyboard.press('Enter')
  }
}

/**
 * Opens a section by its shortcut and waits for its heading. A page just opened or reloaded may not listen for
 * shortcuts yet (React mounts after the load event), and a key pressed then is lost; so the page's first heading is
 * awaited and the key pressed again, at most three times, until the section's heading shows.
 */
export async function openSection(page: Page, shortcut: string, heading: Locator): Promise<void> {
  await page.locator('#main h1').first().waitFor()
  for (let tries = 1; !(await heading.isVisible()); tries++) {
    await page.keyboard.press(shortcut)
    await heading.waitFor({ timeout: tries < 3 ? 5_000 : undefined }).catch((e: unknown) => {
      if (tries >= 3) throw e
    })
  }
}
