import type { SchemaEntry } from '../../db/backup'

// A restore accepts a file only when its schema — every table, column, index, trigger and view — is exactly the
// one Hearth's own migrations build at that file's version. The expected schema is not written down anywhere:
// it is made by running the migrations up to that version on an empty in-memory database (expectedSchema in
// db/backup.ts), so it stays right as migrations are added. Anything extra (a trigger that clears a confidential
// flag) or missing (a dropped table) is refused before the file can replace the live data.

/**
 * The same statement written by another SQLite version can differ in spacing, letter case and identifier quotes
 * (ALTER TABLE … RENAME rewrites the text and quotes names), so those are evened out; string literals are kept
 * exactly, since a changed literal (a CHECK's allowed values) is a changed schema.
 */
export function normaliseSql(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (ch === "'") {
      const end = literalEnd(text, i)
      out += text.slice(i, end)
      i = end
    } else if (ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch
      let j = i + 1
      let name = ''
      while (j < text.length) {
        if (text[j] === close && text[j + 1] === close && close !== ']') {
          name += close
          j += 2
        } else if (text[j] === close) break
        else name += text[j++]
      }
      out += name.toLowerCase()
      i = j + 1
    } else if (/\s/.test(ch)) {
      while (i < text.length && /\s/.test(text[i]!)) i++
      out += ' '
    } else {
      out += ch.toLowerCase()
      i++
    }
  }
  return out.replace(/ ?([(),;]) ?/g, '$1').trim()
}

function literalEnd(text: string, start: number): number {
  let j = start + 1
  while (j < text.length) {
    if (text[j] === "'" && text[j + 1] === "'") j += 2
    else if (text[j] === "'") return j + 1
    else j++
  }
  return text.length
}

/** What differs, in words for tests and anyone debugging: "extra trigger x", "missing table person_notes", "changed …". */
export function schemaDifferences(actual: readonly SchemaEntry[], wanted: readonly SchemaEntry[]): string[] {
  const key = (e: SchemaEntry) => `${e.type} ${e.name}`
  const normal = (e: SchemaEntry) => (e.sql === null ? null : normaliseSql(e.sql))
  const want = new Map(wanted.map((e) => [key(e), e]))
  const have = new Map(actual.map((e) => [key(e), e]))
  const out: string[] = []
  for (const [k, e] of have) {
    const w = want.get(k)
    if (!w) out.push(`extra ${k}`)
    else if (normal(w) !== normal(e) || w.table !== e.table) out.push(`changed ${k}`)
  }
  for (const k of want.keys()) if (!have.has(k)) out.push(`missing ${k}`)
  return out
}
