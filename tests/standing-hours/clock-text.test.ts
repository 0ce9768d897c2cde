import { createIntl } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { occurrences } from '../../main/common/standing-week'
import { LANGUAGES, messagesOf } from '../../renderer/i18n/languages'
import { clockText } from '../../renderer/prayer-circles/clock-text'

// A standing 2 a.m. hour in New York, in the words the week screen shows above the grid and in the slot's window.
const pattern = {
  slotMinutes: 60,
  peoplePerSlot: 1,
  zone: 'America/New_York',
  hours: [
    { id: 1, weekday: 7, startMinute: 60 },
    { id: 2, weekday: 7, startMinute: 120 },
  ],
  holders: [{ id: 1, hourId: 2, personId: 9, name: 'Ann Abbott', fromDate: '2026-01-01', untilDate: null }],
  exceptions: [],
}

const intlIn = (code: string) => {
  const language = LANGUAGES.find((l) => l.code === code)!
  return createIntl({ locale: code, messages: messagesOf(language) })
}

describe('the clock change explained on the screen', () => {
  it('the night the clocks go forward, the 2 a.m. hour is said not to happen; going back, the 1 a.m. hour to last two hours', () => {
    const en = intlIn('en')
    const [oneSpring, twoSpring] = occurrences(pattern, '2026-03-08', '2026-03-08')
    expect(clockText(en, twoSpring!)).toBe('The clocks go forward that night, so 02:00–03:00 does not happen. Nobody needs to come.')
    expect(clockText(en, oneSpring!)).toBeNull()
    const [oneAutumn] = occurrences(pattern, '2026-11-01', '2026-11-01')
    expect(clockText(en, oneAutumn!)).toBe(
      'The clocks go back during 01:00–02:00, so part of it happens twice: it lasts 120 minutes that night. Whoever is there stays until 02:00 comes round.',
    )
  })

  it('says it in every language Hearth speaks, with the times filled in', () => {
    const [, twoSpring] = occurrences(pattern, '2026-03-08', '2026-03-08')
    const english = clockText(intlIn('en'), twoSpring!)
    for (const language of LANGUAGES.filter((l) => l.code !== 'en')) {
      const text = clockText(intlIn(language.code), twoSpring!)
      expect(text, language.code).toContain('02:00')
      expect(text, language.code).not.toBe(english)
    }
  })
})
