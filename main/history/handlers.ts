import { historySubjects, listHistory, nameCurrentChange, undoChange, type UndoRefusal } from '../../db/history'
import type { historyContract } from '../contract/history'
import type { HandlersFor } from '../context'
import { HearthError } from '../contract/errors'
import { chosenLocale, say } from '../i18n/say'
import { getSettings } from '../common/read-settings'

function refusal(r: UndoRefusal): HearthError {
  const code = r.reason === 'unknown' ? 'not_found' : 'conflict'
  switch (r.reason) {
    case 'unknown':
      return new HearthError(code, 'errors.history.unknown')
    case 'already':
      return new HearthError(code, 'errors.history.already')
    case 'erased':
      return new HearthError(code, 'errors.history.erased')
    case 'changed_since':
      return r.laterSummary ? new HearthError(code, 'errors.history.changedSinceNamed', { later: r.laterSummary }) : new HearthError(code, 'errors.history.changedSince')
    case 'depended_on':
      return new HearthError(code, 'errors.history.dependedOn')
    case 'conflict':
      return new HearthError(code, 'errors.history.conflict')
  }
}

export const historyHandlers: HandlersFor<typeof historyContract> = {
  'history.list': (filter, ctx) => listHistory(ctx.sqlite, filter),
  'history.subjects': (_input, ctx) => historySubjects(ctx.sqlite),
  'history.undo': async ({ changeId }, ctx) => {
    const outcome = undoChange(ctx.sqlite, changeId)
    if (!outcome.ok) throw refusal(outcome)
    // Worded like every change in the history: in the language chosen when it was made.
    const locale = chosenLocale((await getSettings(ctx)).language, ctx.os.locale)
    nameCurrentChange(ctx.sqlite, say(locale, 'history.undid', { summary: outcome.summary }))
    return { changeId, summary: outcome.summary, keptCleared: outcome.keptCleared }
  },
}
