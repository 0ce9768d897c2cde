import { historySubjects, listHistory, nameCurrentChange, undoChange, type UndoRefusal } from '../../db/history'
import type { historyContract } from '../contract/history'
import type { HandlersFor } from '../context'
import { HearthError } from '../errors'

function refusal(r: UndoRefusal): string {
  switch (r.reason) {
    case 'unknown':
      return 'That change is no longer in the history, so it cannot be undone.'
    case 'already':
      return 'That change has already been undone.'
    case 'erased':
      return 'That change cannot be undone: the private details it cleared or deleted (such as a note, allergies or a prayer request) were erased for privacy and cannot be brought back. Nothing was changed.'
    case 'changed_since':
      return r.laterSummary
        ? `That cannot be undone, because what it changed was changed again since (“${r.laterSummary}”). Undo that later change first. Nothing was changed.`
        : 'That cannot be undone, because what it changed was changed again since. Nothing was changed.'
    case 'depended_on':
      return 'That cannot be undone, because other things were added to it since (such as notes, sign-ups or prayer times). Nothing was changed.'
    case 'conflict':
      return 'That cannot be undone, because something it belonged to was removed since, or its place was taken (for example, another volunteer took the slot). Nothing was changed.'
  }
}

export const historyHandlers: HandlersFor<typeof historyContract> = {
  'history.list': (filter, ctx) => listHistory(ctx.sqlite, filter),
  'history.subjects': (_input, ctx) => historySubjects(ctx.sqlite),
  'history.undo': ({ changeId }, ctx) => {
    const outcome = undoChange(ctx.sqlite, changeId)
    if (!outcome.ok) throw new HearthError(outcome.reason === 'unknown' ? 'not_found' : 'conflict', refusal(outcome))
    nameCurrentChange(ctx.sqlite, `Undid “${outcome.summary}”`)
    return { changeId, summary: outcome.summary, keptCleared: outcome.keptCleared }
  },
}
