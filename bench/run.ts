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

// `npm run bench -- members-search print` runs only the benches named.
const only = process.argv.slice(2)

async function main(): Promise<void> {
  const unknown = only.filter((name) => !benches.some(([n]) => n === name))
  if (unknown.length) throw new Error(`no bench called ${unknown.join(', ')}; the benches are ${benches.map(([n]) => n).join(', ')}`)
  for (const [name, run] of benches.filter(([n]) => only.length === 0 || only.includes(n))) {
    try {
      await run()
    } catch (err) {
      console.error(`bench ${name} failed:`, err)
      process.exitCode = 1
    }
  }
}

void main()
