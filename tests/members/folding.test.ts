import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { foldForSearch } from '../../db/search-text'
import { DuplicateIndex } from '../../main/members-csv/rows'
import type { PersonFieldsInput } from '../../main/contract/members'
import { call, testSession } from '../helpers/session'

describe('foldForSearch', () => {
  it.each([
    ['Weiß', 'weiss'],
    ['STRAẞE', 'strasse'],
    ['Søren Ødegård', 'soren odegard'],
    ['Łódź', 'lodz'],
    ['Æble', 'aeble'],
    ['Œuvre', 'oeuvre'],
    ['Đorđević', 'dordevic'],
    ['Þórður', 'thordur'],
    ['İstanbul', 'istanbul'],
    ['Işıl', 'isil'],
    ['ＨＥＡＲＴＨ　１２３', 'hearth 123'],
    ['مُحَمَّد', 'محمد'],
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['آمنة', 'امنه'],
    ['مصطفى', 'مصطفي'],
    ['عـــلي', 'علي'],
    ['שָׁלוֹם', 'שלום'],
    ['\u200fJosé\u200e  Álvarez ', 'jose alvarez'],
  ])('%s → %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded)
  })

  it('never grows letters other than the listed ligatures, so folding twice changes nothing', () => {
    for (const text of ['Weiß', 'Łódź', 'مُحَمَّد', 'שָׁלוֹם', 'Zoë', '李小龍', 'สมชาย', 'राम']) {
      expect(foldForSearch(foldForSearch(text))).toBe(foldForSearch(text))
    }
  })

  it('leaves scripts without case or marks readable (Chinese, Thai consonants, Devanagari consonants)', () => {
    expect(foldForSearch('李小龍')).toBe('李小龍')
    expect(foldForSearch('김민준')).toBe(foldForSearch('김민준'.normalize('NFKD')))
  })
})

describe('searching and sorting people in every alphabet', () => {
  let s: Awaited<ReturnType<typeof testSession>>
  beforeEach(async () => {
    s = await testSession()
  })
  afterEach(() => s.close())
  const add = (p: PersonFieldsInput) => call(s, 'members.create', p).then((r) => r.id)
  const found = async (query: string) => (await call(s, 'members.search', { filter: { query }, sort: 'name' })).rows.map((r) => r.name)

  it('finds Weiß by "weiss", Søren by "soren", Łódź by "lodz", Æble by "aeble" and Arabic names without their vowel marks', async () => {
    await add({ firstName: 'Anna', lastName: 'Weiß' })
    await add({ firstName: 'Søren', lastName: 'Kierkegaard' })
    await add({ firstName: 'Jan', lastName: 'Łódź' })
    await add({ firstName: 'Ida', lastName: 'Æble' })
    await add({ firstName: 'مُحَمَّد', lastName: 'الأحمد' })
    await add({ firstName: 'فاطمة', lastName: 'إبراهيم' })
    await add({ firstName: 'דָּוִד', lastName: 'כֹּהֵן' })
    expect(await found('weiss')).toEqual(['Anna Weiß'])
    expect(await found('WEISS anna')).toEqual(['Anna Weiß'])
    expect(await found('soren')).toEqual(['Søren Kierkegaard'])
    expect(await found('lodz')).toEqual(['Jan Łódź'])
    expect(await found('aeble')).toEqual(['Ida Æble'])
    expect(await found('محمد')).toEqual(['مُحَمَّد الأحمد'])
    expect(await found('الاحمد')).toEqual(['مُحَمَّد الأحمد'])
    expect(await found('فاطمه ابراهيم')).toEqual(['فاطمة إبراهيم'])
    expect(await found('דוד')).toEqual(['דָּוִד כֹּהֵן'])
  })

  it('sorts folded names with their plain spellings (Łódź among the L names, Æble before Ahn)', async () => {
    for (const [first, last] of [['Ann', 'Ahn'], ['Jan', 'Łódź'], ['Lea', 'Lamb'], ['Ida', 'Æble'], ['Max', 'Lutz']]) await add({ firstName: first!, lastName: last! })
    expect(await found('')).toEqual(['Ida Æble', 'Ann Ahn', 'Lea Lamb', 'Jan Łódź', 'Max Lutz'])
  })
})

describe('duplicate detection folds the same way', () => {
  it('matches WEISS with the same email to Weiß, and أحمد to احمد with the same phone', () => {
    const index = new DuplicateIndex()
    index.add(DuplicateIndex.keys({ first_name: 'Anna', last_name: 'Weiß', email: 'anna@example.org', phones: [] }), 'Anna Weiß')
    index.add(DuplicateIndex.keys({ first_name: 'أحمد', last_name: 'علي', phones: ['0501234567'] }), 'أحمد علي')
    expect(index.find(DuplicateIndex.keys({ first_name: 'ANNA', last_name: 'WEISS', email: 'Anna@Example.org', phones: [] }))).toBe('Anna Weiß')
    expect(index.find(DuplicateIndex.keys({ first_name: 'احمد', last_name: 'عَلِي', phones: ['050 123 4567'] }))).toBe('أحمد علي')
  })
})
