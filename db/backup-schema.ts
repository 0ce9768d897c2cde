import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { migrations } from './migrations'

// A restore accepts a file only when its schema — every table, column, index, trigger and view — is exactly the
// one Hearth's own migrations build at that file's version. The expected schema is not written down anywhere:
// it is made by running the migrations up to that version on an empty in-memory database, so it stays right as
// migrations are added. Anything extra (a trigger that clears a confidential flag) or missing (a dropped table)
// is refused before the file can replace the live data.

export interface SchemaEntry {
  type: string
  name: string
  table: string
  /** The CREATE statement as SQLite keeps it, normalised (see normaliseSql); null for automatic indexes. */
  sql: string | null
}

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

export function schemaOf(sqlite: BetterSqlite3.Database): SchemaEntry[] {
  const rows = sqlite.prepare('select type, name, tbl_name as "table", sql from sqlite_master order by type, name').all() as SchemaEntry[]
  return rows.map((r) => ({ ...r, sql: r.sql === null ? null : normaliseSql(r.sql) }))
}

const expected = new Map<number, Promise<SchemaEntry[]>>()

/** The schema Hearth's migrations build at `version`, worked out once per version and kept. */
export function expectedSchema(version: number): Promise<SchemaEntry[]> {
  let found = expected.get(version)
  if (!found) {
    found = buildSchema(version)
    expected.set(version, found)
  }
  return found
}

async function buildSchema(version: number): Promise<SchemaEntry[]> {
  const sqlite = new BetterSqlite3(':memory:')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    for (const m of migrations.filter((m) => m.version <= version)) await m.up(db)
    return schemaOf(sqlite)
  } finally {
    await db.destroy()
  }
}

/** What differs, in words for tests and anyone debugging: "extra trigger x", "missing table person_notes", "changed …". */
export function schemaDifferences(actual: readonly SchemaEntry[], wanted: readonly SchemaEntry[]): string[] {
  const key = (e: SchemaEntry) => `${e.type} ${e.name}`
  const want = new Map(wanted.map((e) => [key(e), e]))
  const have = new Map(actual.map((e) => [key(e), e]))
  const out: string[] = []
  for (const [k, e] of have) {
    const w = want.get(k)
    if (!w) out.push(`extra ${k}`)
    else if (w.sql !== e.sql || w.table !== e.table) out.push(`changed ${k}`)
  }
  for (const k of want.keys()) if (!have.has(k)) out.push(`missing ${k}`)
  return out
}
