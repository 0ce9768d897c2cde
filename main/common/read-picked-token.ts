import { randomUUID } from 'node:crypto'
import type { Context } from '../context'

// The page never names a file. A handler that opens a native file dialog keeps the chosen path here and gives
// the page a token for it; later calls pass the token back. A token is good only for the kind of file it was
// issued for (a spreadsheet token cannot restore a backup) and only in the session that issued it, so a page
// cannot make main read or write any path the volunteer did not pick in a dialog.

export type ChosenKind = 'csv-import' | 'backup-restore'

/** Enough for any volunteer's back-and-forth; the oldest are forgotten first. */
const KEPT = 20

const chosen = new WeakMap<Context, Map<string, { kind: ChosenKind; path: string }>>()

export function issueToken(ctx: Context, kind: ChosenKind, path: string): string {
  let tokens = chosen.get(ctx)
  if (!tokens) chosen.set(ctx, (tokens = new Map()))
  const token = randomUUID()
  tokens.set(token, { kind, path })
  if (tokens.size > KEPT) tokens.delete(tokens.keys().next().value!)
  return token
}

/** The path behind a token this session issued for this kind of file, or null. */
export function chosenPath(ctx: Context, kind: ChosenKind, token: string): string | null {
  const found = chosen.get(ctx)?.get(token)
  return found && found.kind === kind ? found.path : null
}
