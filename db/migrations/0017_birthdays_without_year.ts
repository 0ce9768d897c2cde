import { type Kysely, sql } from 'kysely'

/**
 * A birthday whose year nobody gave ("3-14", "--06-23", "14 March"): month and day as 'MM-DD'. It lives beside
 * `birthday` rather than in it because `birthday` is a real calendar date everywhere it is read (ages, the
 * coordinator's copy with the year), and nothing may invent a year to make one. Set only when `birthday` is null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table people add column birth_month_day text
    check (birth_month_day is null or (birth_month_day glob '[01][0-9]-[0-3][0-9]' and substr(birth_month_day, 1, 2) between '01' and '12' and substr(birth_month_day, 4, 2) between '01' and '31'))`.execute(db)
}
