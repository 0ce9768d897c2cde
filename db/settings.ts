import type { Kysely } from 'kysely'
import type { Database } from './schema'

/**
 * Every stored setting, read from its JSON. A row that is not JSON (a damaged file, or one changed by another
 * program) is left out rather than failing the read, so every caller falls back to that setting's default and
 * Hearth keeps working — including Backup, the way back.
 */
export async function readSettings(db: Kysely<Database>): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute()
  const out: Record<string, unknown> = {}
  for (const r of rows) {
    try {
      out[r.key] = JSON.parse(r.value) as unknown
    } catch {
      // Left out: the setting reads as its default.
    }
  }
  return out
}

export async function writeSettings(db: Kysely<Database>, values: Record<string, unknown>): Promise<void> {
  const entries = Object.entries(values).filter(([, v]) => v !== undefined)
  if (entries.length === 0) return
  await db
    .insertInto('settings')
    .values(entries.map(([key, value]) => ({ key, value: JSON.stringify(value) })))
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
    .execute()
}

export async function removeSettings(db: Kysely<Database>, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return
  await db.deleteFrom('settings').where('key', 'in', keys).execute()
}
