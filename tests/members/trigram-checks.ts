import type BetterSqlite3 from 'better-sqlite3'

type Sqlite = BetterSqlite3.Database

export const ROLE = "case p.household_role when 'head' then 0 when 'spouse' then 1 when 'child' then 2 else 3 end"

/** FTS5's own check of the trigram index against people.search_text (rank 1: compare with the content too). */
export const indexAgrees = (s: Sqlite) => s.prepare("insert into people_trigrams (people_trigrams, rank) values ('integrity-check', 1)").run()

/** Who the index says holds a run of three letters, and who truly does. */
export const holders = (s: Sqlite, run: string) => ({
  index: s.prepare('select rowid from people_trigrams where people_trigrams match ? order by rowid').pluck().all(`"${run.replaceAll('"', '""')}"`),
  text: s.prepare('select id from people where instr(search_text, ?) > 0 order by id').pluck().all(run),
})
