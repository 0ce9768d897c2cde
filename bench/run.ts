// `npm run bench`: every benchmark on generated data, one `bench: NAME VALUE UNIT` line per figure.
// `npm run bench -- --quick` (run by `npm test`): every benchmark once on small data, failing when one throws or
// prints no figure, so a bench can never break unnoticed.
import { benchApp } from './app'
import { benchBackup } from './backup'
import { benchDb } from './db'
import { benchLock } from './lock'
import { benchMealTrains } from './meal-trains'
import { benchMembers } from './members'
import { benchMembersCsv } from './members-csv'
import { benchMembersSearch } from './members-search'
import { benchPrayerCircles } from './prayer-circles'
import { benchPrint } from './print'
import { reported } from './report'
import { QUICK } from './scale'

const benches: [string, () => Promise<void>][] = [['db', benchDb], ['members', benchMembers], ['members-search', benchMembersSearch], ['members-csv', benchMembersCsv], ['meal-trains', benchMealTrains], ['prayer-circles', benchPrayerCircles], ['print', benchPrint], ['backup', benchBackup], ['lock', benchLock], ['app', benchApp]]

// `npm run bench -- members-search print` runs only the benches named.
const only = process.argv.slice(2).filter((a) => a !== '--quick')

async function main(): Promise<void> {
  const unknown = only.filter((name) => !benches.some(([n]) => n === name))
  if (unknown.length) throw new Error(`no bench called ${unknown.join(', ')}; the benches are ${benches.map(([n]) => n).join(', ')}`)
  const failed: string[] = []
  for (const [name, run] of benches.filter(([n]) => only.length === 0 || only.includes(n))) {
    const before = reported.size
    try {
      await run()
      const figures = [...reported.values()].slice(before)
      if (figures.length === 0) throw new Error('it printed no figure')
      if (figures.some((v) => !Number.isFinite(v))) throw new Error('a figure is not a number')
      if (QUICK) console.log(`bench ${name}: ran, ${figures.length} figures`)
    } catch (err) {
      console.error(`bench ${name} failed:`, err)
      failed.push(name)
    }
  }
  if (failed.length) {
    console.error(`benches failed: ${failed.join(', ')}`)
    process.exitCode = 1
  }
}

void main()
