// Letters that are not a base letter plus an accent, so NFKD leaves them whole; written as a reader would type
// them on a plain keyboard. Dotless ı and dotted İ (Turkish) fold to i like any other i.
const LETTERS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd',
  þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't', ŀ: 'l', Ŀ: 'l', ĸ: 'k', ŋ: 'n', Ŋ: 'n',
  // Arabic letter variants people type interchangeably: alef with hamza or madda → alef, alef maqsura → yeh,
  // teh marbuta → heh, hamza on waw/yeh → waw/yeh; Persian/Urdu kaf and yeh → Arabic ones.
  أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ی: 'ي', ئ: 'ي', ة: 'ه', ؤ: 'و', ک: 'ك',
}
const LETTER_PATTERN = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g')

// Marks dropped after NFKD: combining accents (\p{M} covers Arabic tashkeel and Hebrew niqqud), the Arabic
// tatweel that only stretches a word, and invisible joiners/direction marks pasted along with names.
const MARKS = /[\p{M}\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/gu

/**
 * Folds text for search, sorting and duplicate checks: lower case, accents and vowel marks removed, letters that
 * differ only in how they are written unified, full-width forms made plain (NFKD), spaces squeezed — so "Jose"
 * finds "José", "weiss" finds "Weiß", "lodz" finds "Łódź" and "محمد" finds "مُحَمَّد".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(LETTER_PATTERN, (c) => LETTERS[c] ?? c)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** The stored search text of a record: every searchable part folded, phones also as bare digits. */
export function searchTextOf(parts: (string | null | undefined)[], phones: (string | null | undefined)[] = []): string {
  const words = parts.filter((p): p is string => !!p).map(foldForSearch)
  const digits = phones.filter((p): p is string => !!p).map((p) => p.replace(/\D+/g, '')).filter(Boolean)
  return [...words, ...digits].join(' ')
}

/** What search as you type matches for a person: names, email, phones and tags/skills. One definition for all writers. */
export function personSearchText(
  p: {
    first_name: string
    last_name: string
    preferred_name?: string | null
    email?: string | null
    mobile_phone?: string | null
    other_phone?: string | null
  },
  tags: string[] = [],
): string {
  return searchTextOf([p.first_name, p.last_name, p.preferred_name, p.email, p.mobile_phone, p.other_phone, ...tags], [p.mobile_phone, p.other_phone])
}

/**
 * Every run of three characters in a folded word, as the trigram index (migration 15) cuts them: by code point,
 * so an accented or Arabic letter counts as one. A word shorter than three characters has none.
 */
export function trigramsOf(word: string): string[] {
  const chars = Array.from(word)
  const runs = new Set<string>()
  for (let i = 0; i + 3 <= chars.length; i++) runs.add(chars.slice(i, i + 3).join(''))
  return [...runs]
}
