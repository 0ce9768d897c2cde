import { type Kysely, sql } from 'kysely'

/**
 * Every run of three letters in each person's search text, with the people holding it (an FTS5 trigram index over
 * people.search_text, which stays the one copy of the text). Search as you type asks it which people can hold a
 * word at all when that word is rare, so a search for "okafor" among 100,000 people reads a few thousand rows
 * rather than all of them (db/members-page.ts).
 *
 * - `content='people'`: the text is not stored twice; the index reads people.search_text when it is rebuilt.
 * - `detail=none`, `columnsize=0`: only which people hold each run, no positions or lengths. The search checks its
 *   words against the text itself afterwards, so it needs no more, and the index stays small and quick to write.
 * - `case_sensitive 1`: the search text is already folded (db/search-text.ts), so folding again would only cost.
 * - `secure-delete`: a deleted or renamed person's runs are taken out of the index at once, not left behind a
 *   deletion marker until the index next merges, as the file's own pages are zeroed when freed (db/open.ts).
 * The triggers keep it in step with every write to people, from any code path, in the same transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table people_trigrams using fts5(
    search_text, content='people', content_rowid='id', tokenize='trigram case_sensitive 1', detail=none, columnsize=0)`.execute(db)
  await sql`insert into people_trigrams (people_trigrams, rank) values ('secure-delete', 1)`.execute(db)
  await sql`insert into people_trigrams (people_trigrams) values ('rebuild')`.execute(db)
  await sql`create trigger people_trigrams_insert after insert on people begin
    insert into people_trigrams (rowid, search_text) values (new.id, new.search_text);
  end`.execute(db)
  await sql`create trigger people_trigrams_delete after delete on people begin
    insert into people_trigrams (people_trigrams, rowid, search_text) values ('delete', old.id, old.search_text);
  end`.execute(db)
  await sql`create trigger people_trigrams_update after update of id, search_text on people begin
    insert into people_trigrams (people_trigrams, rowid, search_text) values ('delete', old.id, old.search_text);
    insert into people_trigrams (rowid, search_text) values (new.id, new.search_text);
  end`.execute(db)

  // A tag or skill is asked for as written in any letter case; the old (kind, value) index compares exactly, so
  // finding the holders of "choir" read every tag. This one answers it from the index alone.
  await sql`drop index person_tags_value`.execute(db)
  await sql`create index person_tags_holders on person_tags (kind, value collate nocase, person_id)`.execute(db)
  // The two orders 14 left unindexed, so their first page is walked rather than every match sorted
  // (db/members-page.ts WALKED): "recently changed" and "joined".
  await sql`create index people_recent_order on people (updated_at desc, id desc)`.execute(db)
  await sql`create index people_joined_order on people (joined_on is null, joined_on desc, sort_key, id)`.execute(db)
  // Status order also holds whether each person is archived, which every list asks: a page far down the list is
  // walked through the index alone, not by reading each person before it.
  await sql`drop index people_status_order`.execute(db)
  await sql`create index people_status_order on people (case status when 'member' then 0 when 'regular_attender' then 1 when 'visitor' then 2 else 3 end, sort_key, id, archived_at)`.execute(db)
  // Each household's people in the list's order within it (head, spouse, child, other, then name), with whether
  // they are archived: household order walks households and reads their people from here alone. It still serves
  // every lookup of a household's people that the plain (household_id) index did.
  await sql`drop index people_household`.execute(db)
  await sql`create index people_household on people (household_id, case household_role when 'head' then 0 when 'spouse' then 1 when 'child' then 2 else 3 end, sort_key, id, archived_at)`.execute(db)
}
