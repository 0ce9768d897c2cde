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
