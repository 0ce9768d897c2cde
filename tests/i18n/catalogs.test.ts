import { parse } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { en } from '../../main/contract/i18n/en'
import type { Language } from '../../main/contract/i18n/language'
import { formattingLocale, LANGUAGES, languageFor, messagesOf } from '../../main/contract/i18n/catalog'
import { catalogProblems } from '../../scripts/i18n-completeness'

const translations = LANGUAGES.filter((l) => l.code !== 'en')

describe('every translation is complete', () => {
  it('has the languages of the first release', () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual(['en', 'ar', 'de', 'es', 'fr', 'pl', 'pt'])
  })

  for (const language of translations) {
    it(`${language.code} (${language.name}) has every message, none still in English, with the English placeholders`, () => {
      expect(catalogProblems(en, language)).toEqual({ missing: [], untranslated: [], unknown: [], broken: [] })
      expect(language.code).toMatch(/^[a-z]{2,3}$/)
    })
  }
})

/**
 * The plural categories a language's counts of 0 to 1000 fall into (Arabic: zero, one, two, few, many, other) that a
 * plural in `message` has no words for: ICU would fall back to "other", which reads wrong ("2 شخصًا" for "شخصان").
 * An exact form (=0) covers a category that only that number selects.
 */
function missingPluralForms(code: string, message: string): string[] {
  const rules = new Intl.PluralRules(code)
  const counts = Array.from({ length: 1001 }, (_, n) => n)
  const needed = [...new Set(counts.map((n) => rules.select(n)))]
  const missing: string[] = []
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const el of elements) {
      if (el.type === 6 && el.pluralType === 'cardinal') {
        for (const category of needed) {
          const covered = category in el.options || counts.filter((n) => rules.select(n) === category).every((n) => `=${n}` in el.options)
          if (!covered) missing.push(`${el.value}: ${category}`)
        }
      }
      if ('options' in el) for (const option of Object.values(el.options)) walk(option.value)
      if ('children' in el) walk(el.children)
    }
  }
  walk(parse(message))
  return missing
}

describe('every plural has the forms its language needs', () => {
  for (const language of LANGUAGES) {
    it(`${language.code}: each plural message has every category Intl.PluralRules('${language.code}') selects for a count`, () => {
      const messages = messagesOf(language)
      const gaps = Object.entries(messages).flatMap(([id, text]) => missingPluralForms(language.code, text).map((m) => `${id} ${m}`))
      expect(gaps).toEqual([])
    })
  }

  it('finds an Arabic plural written with English categories only', () => {
    expect(missingPluralForms('ar', '{count, plural, one {شخص واحد} other {# شخصًا}}')).toEqual(['count: zero', 'count: two', 'count: few', 'count: many'])
    expect(missingPluralForms('ar', '{count, plural, =0 {لا أحد} one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}}')).toEqual([])
    expect(missingPluralForms('pl', '{count, plural, one {# osoba} other {# osoby}}')).toEqual(['count: many', 'count: few'])
  })
})

describe('the completeness check', () => {
  const english = { 'a.hello': 'Hello {name}', 'a.count': '{count, plural, one {# person} other {# people}}', 'a.size': 'A4', 'a.gone': 'Gone' }
  const partial: Language = {
    code: 'xx',
    name: 'Test',
    dir: 'ltr',
    messages: { 'a.hello': 'Hello {name}', 'a.count': '{n, plural, other {# Leute}}', 'a.size': 'A4', 'a.old': 'Alt' } as never,
  }

  it('finds a missing message, English left in, a renamed placeholder and a leftover id', () => {
    expect(catalogProblems(english, partial)).toEqual({ missing: ['a.gone'], untranslated: ['a.hello'], unknown: ['a.old'], broken: ['a.count'] })
  })

  it('accepts what is rightly the same when listed, and rejects a message that is not valid ICU', () => {
    const fixed: Language = { ...partial, sameAsEnglish: ['a.hello' as never], messages: { ...partial.messages, 'a.count': '{count, plural, one {# Person' } as never }
    expect(catalogProblems(english, fixed)).toMatchObject({ untranslated: [], broken: ['a.count'] })
  })
})

describe('choosing the language', () => {
  it('follows the computer when set to "system", falling back to English for a language Hearth does not speak', () => {
    expect(languageFor('system', 'de-CH').code).toBe('de')
    expect(languageFor('system', 'ar-EG').code).toBe('ar')
    expect(languageFor('system', 'ja-JP').code).toBe('en')
    expect(languageFor('de', 'en-GB').code).toBe('de')
    expect(languageFor('zz', 'en-GB').code).toBe('en')
  })

  it('formats in the computer’s own locale when it speaks the chosen language, else in the language', () => {
    expect(formattingLocale(languageFor('de', 'de-CH'), 'de-CH')).toBe('de-CH')
    expect(formattingLocale(languageFor('de', 'en-GB'), 'en-GB')).toBe('de')
  })

  it('fills a message not yet translated with the English, so new screens show before translation', () => {
    const german = languageFor('de', 'de-DE')
    const newest: Language = { ...german, messages: { ...german.messages, 'app.save': undefined } }
    expect(messagesOf(newest)['app.save']).toBe('Save')
    expect(messagesOf(german)['app.save']).toBe('Speichern')
  })

  it('lays out right to left exactly for the right-to-left languages', () => {
    for (const l of LANGUAGES) expect(l.dir, l.code).toBe(['ar', 'he', 'fa', 'ur'].includes(l.code) ? 'rtl' : 'ltr')
  })
})
