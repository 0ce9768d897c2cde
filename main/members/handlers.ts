import { addDays } from '../contract/days'
import {
  countPeople,
  householdExists,
  addBlackout,
  addNote,
  allHouseholds,
  createHousehold,
  createPerson,
  deleteCheck,
  deleteNote,
  deletePerson,
  editNote,
  getHousehold,
  getPerson,
  memberChoices,
  personExists,
  pickPeople,
  removeBlackout,
  searchHouseholds,
  searchMembers,
  setArchived,
  setHouseholdMembers,
  updateHousehold,
  updatePerson,
} from '../../db/members'
import { mealTrainCommitments } from '../common/read-meal-train'
import { congregationDay } from '../common/read-settings'
import { prayerCommitments } from '../../db/prayer-circles'
import type { Context, HandlersFor } from '../context'
import type { HouseholdDetail, PersonDetail, PersonFields, membersContract } from '../contract/members'
import { HearthError } from '../contract/errors'

const noSuchPerson = () => new HearthError('not_found', 'errors.gone.person')
const noSuchHousehold = () => new HearthError('not_found', 'errors.gone.household')

async function checkHousehold(ctx: Context, fields: PersonFields): Promise<void> {
  if (fields.householdId === null) return
  if (!(await householdExists(ctx.db, fields.householdId))) throw new HearthError('invalid_input', 'errors.gone.householdChoose', undefined, { householdId: 'errors.field.chooseHousehold' })
}

// How far ahead the detail pane looks for sign-ups and prayer slots.
const COMMITMENTS_AHEAD_DAYS = 366

async function personDetail(ctx: Context, id: number): Promise<PersonDetail> {
  const person = await getPerson(ctx.db, id)
  if (!person) throw noSuchPerson()
  const from = (await congregationDay(ctx)).today
  const to = addDays(from, COMMITMENTS_AHEAD_DAYS)
  const [meals, prayers] = await Promise.all([mealTrainCommitments(ctx, { personId: id, from, to }), prayerCommitments(ctx.db, { personId: id, from, to })])
  const commitments = [...meals, ...prayers]
    .sort((a, b) => a.date.localeCompare(b.date) || (a.startsAt ?? '').localeCompare(b.startsAt ?? ''))
    .map(({ personId: _person, ...c }) => c)
  return { ...person, commitments }
}

async function householdDetail(ctx: Context, id: number): Promise<HouseholdDetail> {
  const household = await getHousehold(ctx.db, id)
  if (!household) throw noSuchHousehold()
  return household
}

async function requirePerson(ctx: Context, id: number): Promise<void> {
  if (!(await personExists(ctx.db, id))) throw noSuchPerson()
}

export const membersHandlers: HandlersFor<typeof membersContract> = {
  'members.pick': ({ query, limit }, ctx) => pickPeople(ctx.db, query, limit),
  'members.search': ({ filter, sort, offset, limit }, ctx) => searchMembers(ctx.sqlite, filter, sort, offset, limit),
  'members.get': ({ id }, ctx) => personDetail(ctx, id),
  'members.choices': (_input, ctx) => memberChoices(ctx.db),
  'members.create': async (fields, ctx) => {
    await checkHousehold(ctx, fields)
    const id = await ctx.db.transaction().execute((trx) => createPerson(trx, fields))
    return { id }
  },
  'members.update': async ({ id, ...fields }, ctx) => {
    await checkHousehold(ctx, fields)
    const found = await ctx.db.transaction().execute((trx) => updatePerson(trx, id, fields))
    if (!found) throw noSuchPerson()
    return { id }
  },
  'members.archive': async ({ id }, ctx) => {
    if (!(await setArchived(ctx.db, id, true))) throw noSuchPerson()
    return { id }
  },
  'members.unarchive': async ({ id }, ctx) => {
    if (!(await setArchived(ctx.db, id, false))) throw noSuchPerson()
    return { id }
  },
  'members.deleteCheck': ({ id }, ctx) => {
    const check = deleteCheck(ctx.sqlite, id)
    if (!check) throw noSuchPerson()
    return check
  },
  'members.delete': ({ id }, ctx) => {
    const check = deleteCheck(ctx.sqlite, id)
    if (!check) throw noSuchPerson()
    if (!check.canDelete) {
      const blocking = check.references.filter((r) => r.effect === 'blocks').map((r) => ({ id: 'members.delete.what' as const, values: { table: r.table, label: r.label } }))
      throw new HearthError('refused', 'errors.members.cannotDelete', { name: check.name }, undefined, { blocking })
    }
    if (!deletePerson(ctx.sqlite, id)) throw noSuchPerson()
    return { name: check.name }
  },
  'members.addNote': async ({ personId, body, confidential }, ctx) => {
    await requirePerson(ctx, personId)
    return addNote(ctx.db, personId, body, confidential)
  },
  'members.editNote': async ({ id, body, confidential }, ctx) => {
    const note = await editNote(ctx.db, id, body, confidential)
    if (!note) throw new HearthError('not_found', 'errors.gone.note')
    return note
  },
  'members.deleteNote': async ({ id }, ctx) => {
    if (!(await deleteNote(ctx.db, id))) throw new HearthError('not_found', 'errors.gone.note')
    return { id }
  },
  'members.addBlackout': async ({ personId, ...blackout }, ctx) => {
    await requirePerson(ctx, personId)
    return addBlackout(ctx.db, personId, blackout)
  },
  'members.removeBlackout': async ({ id }, ctx) => {
    if (!(await removeBlackout(ctx.db, id))) throw new HearthError('not_found', 'errors.gone.timeAway')
    return { id }
  },
  'households.search': ({ filter, offset, limit }, ctx) => searchHouseholds(ctx.sqlite, filter, offset, limit),
  'households.all': (_input, ctx) => allHouseholds(ctx.db),
  'households.get': ({ id }, ctx) => householdDetail(ctx, id),
  'households.create': async (fields, ctx) => ({ id: await ctx.db.transaction().execute((trx) => createHousehold(trx, fields)) }),
  'households.update': async ({ id, ...fields }, ctx) => {
    if (!(await ctx.db.transaction().execute((trx) => updateHousehold(trx, id, fields)))) throw noSuchHousehold()
    return { id }
  },
  'households.setMembers': async ({ id, members }, ctx) => {
    const ids = members.map((m) => m.personId)
    if (new Set(ids).size !== ids.length) throw new HearthError('invalid_input', 'errors.members.listedTwice')
    if (members.filter((m) => m.role === 'head').length > 1) {
      throw new HearthError('invalid_input', 'errors.members.oneHead')
    }
    await householdDetail(ctx, id)
    if (ids.length) {
      if ((await countPeople(ctx.db, ids)) !== ids.length) throw noSuchPerson()
    }
    await ctx.db.transaction().execute((trx) => setHouseholdMembers(trx, id, members))
    return householdDetail(ctx, id)
  },
}
