import type { Kysely } from 'kysely'
import * as m0001 from './0001_foundation'
import * as m0002 from './0002_members'
import * as m0003 from './0003_meal_trains'
import * as m0004 from './0004_prayer_circles'
import * as m0005 from './0005_members_more'
import * as m0006 from './0006_history'
import * as m0007 from './0007_reach'
import * as m0008 from './0008_fold_every_alphabet'
import * as m0009 from './0009_standing_hours'
import * as m0010 from './0010_member_search_index'
import * as m0011 from './0011_member_week_times'
import * as m0012 from './0012_care_calendars'
import * as m0013 from './0013_care_asks_offers'
import * as m0014 from './0014_people_cheap_checks'
import * as m0015 from './0015_people_trigrams'
import * as m0016 from './0016_communal_meals'
import * as m0017 from './0017_birthdays_without_year'

export interface Migration {
  /** Becomes PRAGMA user_version once applied. */
  version: number
  name: string
  up(db: Kysely<unknown>): Promise<void>
  /** Rebuilds a table other tables point at: the runner turns foreign keys off around the batch and checks them all before committing. */
  rebuildsTable?: boolean
}

// Imported statically so the bundle carries them (a bundled app cannot scan a folder at run time). Append only, in
// ascending version order: a released migration is never edited, reordered or removed.
export const migrations: readonly Migration[] = [
  { version: 1, name: 'foundation', up: m0001.up },
  { version: 2, name: 'members', up: m0002.up },
  { version: 3, name: 'meal_trains', up: m0003.up },
  { version: 4, name: 'prayer circles', up: m0004.up },
  { version: 5, name: 'members_more', up: m0005.up },
  { version: 6, name: 'history', up: m0006.up },
  { version: 7, name: 'reach', up: m0007.up },
  { version: 8, name: 'fold_every_alphabet', up: m0008.up },
  { version: 9, name: 'standing_hours', up: m0009.up },
  { version: 10, name: 'member_search_index', up: m0010.up },
  { version: 11, name: 'member_week_times', up: m0011.up },
  { version: 12, name: 'care_calendars', up: m0012.up },
  { version: 13, name: 'care_asks_offers', up: m0013.up },
  { version: 14, name: 'people_cheap_checks', up: m0014.up, rebuildsTable: true },
  { version: 15, name: 'people_trigrams', up: m0015.up },
  { version: 16, name: 'communal_meals', up: m0016.up },
  { version: 17, name: 'birthdays_without_year', up: m0017.up },
]

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0
