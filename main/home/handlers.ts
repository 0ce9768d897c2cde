import { homeFacts } from '../../db/home'
import type { homeContract } from '../contract/home'
import type { HandlersFor } from '../context'
import { congregationDay, getSettings, lastBackupAt } from '../common/read-settings'
import { examplePath, removeExampleFile, seedExample } from './write-example'
import { addDays } from '../contract/days'
import { buildHome } from './week'

export const homeHandlers: HandlersFor<typeof homeContract> = {
  'home.view': async ({ span }, ctx) => {
    const settings = await getSettings(ctx)
    const { today } = await congregationDay(ctx)
    const facts = await homeFacts(ctx.db, today, addDays(today, span - 1))
    return buildHome({ facts, today, span, settings, lastBackupAt: await lastBackupAt(ctx), now: new Date(), example: ctx.exampleOpen })
  },

  'home.openExample': async (_input, ctx) => {
    if (ctx.exampleOpen) return { example: true }
    // The example keeps this computer's text size, paper and time zone, so it looks and reads like the real thing.
    const settings = await getSettings(ctx)
    const { today } = await congregationDay(ctx)
    const path = examplePath(ctx.realDatabasePath)
    removeExampleFile(path)
    await ctx.switchDatabase(path)
    try {
      await seedExample(ctx.db, today, settings)
    } catch (err) {
      await ctx.switchDatabase(ctx.realDatabasePath)
      throw err
    }
    return { example: true }
  },

  'home.leaveExample': async (_input, ctx) => {
    if (ctx.exampleOpen) await ctx.switchDatabase(ctx.realDatabasePath)
    return { example: false }
  },
}
