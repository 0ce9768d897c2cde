// `npm run bench`: every benchmark on generated data, one `bench: NAME VALUE UNIT` line per figure.
import { benchBackup } from './backup'
import { benchDb } from './db'
import { benchMealTrains } from './meal-trains'
import { benchMembers } from './members'
import { benchMembersCsv } from './members-csv'
import { benchMembersSearch } from './members-search'
import { benchPrayerCircles } from './prayer-circles'
import { benchPrint } from './print'

const benches: [string, () => Promise<void>][] = [['db', benchDb], ['members', benchMembers], ['members-search', benchMembersSearch], ['members-csv', benchMembersCsv], ['meal-trains', benchMealTrains], ['prayer-circles', benchPrayerCircles], ['print', benchPrint], ['backup', benchBackup]]

async function main(): Promise<void> {
  for (const [name, run] of benches) {
    try {
      await run()
    } catch (err) {
      console.error(`bench ${name} failed:`, err)
      process.exitCode = 1
    }
  }
}

void main()
