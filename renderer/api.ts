import { type QueryKey, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query'
import type { ChangeNotice, Channel, HearthApi, HearthErrorShape, InputOf, OutputOf, Result } from '../main/contract'
import { errorText, fieldTexts } from './i18n/errors'

declare global {
  interface Window {
    hearth: HearthApi
  }
}

/**
 * A failed call, carrying the message main wrote for the person and any per-field messages for the form, both in
 * the language on screen: every form reads its field messages from here.
 */
export class HearthCallError extends Error {
  readonly code: HearthErrorShape['code']
  readonly fields: Record<string, string>
  constructor(shape: HearthErrorShape) {
    super(errorText(shape))
    this.code = shape.code
    this.fields = fieldTexts(shape)
  }
}

function lookup(channel: Channel): (input?: unknown) => Promise<Result<unknown>> {
  const dot = channel.indexOf('.')
  const area = (window.hearth as unknown as Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>>)[channel.slice(0, dot)]
  const fn = area?.[channel.slice(dot + 1)]
  if (!fn) throw new HearthCallError({ code: 'unknown_channel', message: `Hearth has no action called "${channel}".` })
  return fn
}

const changeListeners = new Set<(change: ChangeNotice) => void>()

/**
 * Hears every change a write recorded in the history, whichever screen made it: the shell offers Undo for the
 * destructive ones in one place (renderer/history/UndoNotices.tsx). Returns the unsubscribe.
 */
export function onRecordedChange(listener: (change: ChangeNotice) => void): () => void {
  changeListeners.add(listener)
  return () => changeListeners.delete(listener)
}

/** Calls a channel and returns its value, or throws HearthCallError with the message to show. */
export async function call<C extends Channel>(channel: C, ...input: {} extends InputOf<C> ? [InputOf<C>?] : [InputOf<C>]): Promise<OutputOf<C>> {
  const result = await lookup(channel)(input[0])
  if (!result.ok) throw new HearthCallError(result.error)
  if (result.change) for (const listener of changeListeners) listener(result.change)
  return result.value as OutputOf<C>
}

/** Reads through a channel, cached under [channel, input] so writes can refresh what they changed. */
export function useHearthQuery<C extends Channel>(
  channel: C,
  input: InputOf<C>,
  options: Omit<UseQueryOptions<OutputOf<C>, HearthCallError, OutputOf<C>, QueryKey>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<C>, HearthCallError, OutputOf<C>, QueryKey>({
    queryKey: [channel, input],
    queryFn: () => call(channel, ...([input] as never)),
    ...options,
  })
}

/**
 * Writes through a channel. Afterwards every cached read of the areas named in `refresh` (e.g. ['members'])
 * is fetched again, so screens never show stale data after a change.
 */
export function useHearthMutation<C extends Channel>(channel: C, refresh: string[] = [channel.split('.')[0] ?? channel]) {
  const client = useQueryClient()
  return useMutation<OutputOf<C>, HearthCallError, InputOf<C>>({
    mutationFn: (input) => call(channel, ...([input] as never)),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => typeof q.queryKey[0] === 'string' && refresh.some((area) => (q.queryKey[0] as string).startsWith(`${area}.`)),
      }),
  })
}
