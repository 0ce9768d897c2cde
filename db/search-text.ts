/**
 * Folds text for search as you type: lower case, accents removed, spaces squeezed — so "Jose" finds "José" and
 * "ZOË" finds "Zoe". Phone numbers keep only their digits as an extra token, so "555 01" finds "(555) 0199".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
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
