import type { Locator, Page } from 'playwright'
import { expect } from 'vitest'

/**
 * Focuses a member picker, types, and takes the one suggestion with the arrow keys, as a keyboard user would.
 * It waits for the list to show only the match, because the picker first lists everyone before the search answers.
 */
export async function pickWithKeyboard(page: Page, input: Locator, text: string, expected: RegExp): Promise<void> {
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
