import { type QueryKey, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import type { ChangeNotice, Channel, HearthApi, HearthErrorShape, InputOf, OutputOf, Result } from '../main/contract'
import { errorText, fieldTexts, spokenWords } from './i18n/errors'

declare global {
  interface Window {
    hearth: HearthApi
  }
}

/**
 * A failed call, carrying the message main wrote for the person and any per-field messages for the form, both in
 * the language on screen, worded again when the language changes while they are shown: every form reads its field
 * messages from here.
 */
export class HearthCallError extends Error {
  readonly code: HearthErrorShape['code']
  readonly #shape: HearthErrorShape
  #fields: { words: unknown; texts: Record<string, string> } | null = null
  constructor(shape: HearthErrorShape) {
    super(errorText(shape))
    this.code = shape.code
    this.#shape = shape
    Object.defineProperty(this, 'message', { get: () => errorText(shape), configurable: true })
  }
  /** The same object until the language changes, so a form can tell a new failure from a re-render. */
  get fields(): Record<string, string> {
    const words = spokenWords()
    const current = this.#fields
    const kept = current && current.words === words ? current : { words, texts: fieldTexts(this.#shape) }
    this.#fields = kept
    return kept.texts
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

/**
 * Calls a channel and returns its value, or throws HearthCallError with the message to show. Screens go through
 * the two hooks below, never through this: only they keep a write from being sent twice.
 */
export async function call<C extends Channel>(channel: C, ...input: {} extends InputOf<C> ? [InputOf<C>?] : [InputOf<C>]): Promise<OutputOf<C>> {
  const result = await lookup(channel)(input[0])
  if (!result.ok) throw new HearthCallError(result.error)
  if (result.change) for (const listener of changeListeners) listener(result.change)
  return result.value as OutputOf<C>
}

/** What a read is cached under ([channel, input], so writes can refresh what they changed) and how it is fetched. */
export function hearthQuery<C extends Channel>(channel: C, input: InputOf<C>) {
  return { queryKey: [channel, input] as QueryKey, queryFn: () => call(channel, ...([input] as never)) }
}

/** Reads through a channel, for what a screen shows. */
export function useHearthQuery<C extends Channel>(
  channel: C,
  input: InputOf<C>,
  options: Omit<UseQueryOptions<OutputOf<C>, HearthCallError, OutputOf<C>, QueryKey>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<C>, HearthCallError, OutputOf<C>, QueryKey>({ ...hearthQuery(channel, input), ...options })
}

/** What to do once this one call has answered (never run for a press that was dropped as a repeat). */
export interface CallHandlers<C extends Channel> {
  onSuccess?: (value: OutputOf<C>, input: InputOf<C>) => void
  onError?: (error: HearthCallError, input: InputOf<C>) => void
}

/** A call the person makes: its state for the screen, and how to make it. */
export interface HearthMutation<C extends Channel> {
  mutate(input: InputOf<C>, handlers?: CallHandlers<C>): void
  mutateAsync(input: InputOf<C>, handlers?: CallHandlers<C>): Promise<OutputOf<C>>
  /** True from the press until the answer (and the refreshed reads) are in. */
  isPending: boolean
  isSuccess: boolean
  data: OutputOf<C> | undefined
  error: HearthCallError | null
  /** What the latest call asked for. */
  variables: InputOf<C> | undefined
  /** Forgets the last answer and error, as a form does when it opens again. */
  reset(): void
}

/** The key two presses share when they ask for the same thing. */
const sameAsk = (input: unknown): string => JSON.stringify(input ?? null)

/**
 * Calls a channel when the person acts: a write, an effect (print, copy, pick a file) or a read they asked for.
 * Afterwards every cached read of the areas named in `refresh` (e.g. ['members']) is fetched again, so screens
 * never show stale data after a change; `refresh: []` for a call that changes nothing, 'all' for one that may
 * change anything (an undo, a restore).
 *
 * One press, one call: `isPending` turns true in the press itself (so the button is busy before a second press
 * can land), and a press asking for exactly what a call still under way asks for joins that call instead of
 * sending it again. Its handlers run once, after the refreshed reads are in, and a failure is shown through
 * `error` (mutate never rejects; mutateAsync does).
 */
export function useHearthMutation<C extends Channel>(channel: C, refresh: string[] | 'all' = [channel.split('.')[0] ?? channel]): HearthMutation<C> {
  const client = useQueryClient()
  const mutation = useMutation<OutputOf<C>, HearthCallError, InputOf<C>>({
    mutationFn: (input) => call(channel, ...([input] as never)),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => refresh === 'all' || (typeof q.queryKey[0] === 'string' && refresh.some((area) => (q.queryKey[0] as string).startsWith(`${area}.`))),
      }),
  })
  const underWay = useRef(new Map<string, Promise<OutputOf<C>>>())
  const [pending, setPending] = useState(0)
  const { mutateAsync: send } = mutation

  const mutateAsync = useCallback(
    (input: InputOf<C>, handlers: CallHandlers<C> = {}): Promise<OutputOf<C>> => {
      const key = sameAsk(input)
      const running = underWay.current.get(key)
      if (running) return running
      setPending((n) => n + 1)
      const answer = send(input)
        .then(
          (value) => {
            handlers.onSuccess?.(value, input)
            return value
          },
          (error: HearthCallError) => {
            handlers.onError?.(error, input)
            throw error
          },
        )
        .finally(() => {
          underWay.current.delete(key)
          setPending((n) => n - 1)
        })
      underWay.current.set(key, answer)
      return answer
    },
    [send],
  )
  const mutate = useCallback(
    (input: InputOf<C>, handlers?: CallHandlers<C>): void => {
      mutateAsync(input, handlers).catch(() => undefined)
    },
    [mutateAsync],
  )
  return {
    mutate,
    mutateAsync,
    isPending: pending > 0 || mutation.isPending,
    isSuccess: mutation.isSuccess,
    data: mutation.data,
    error: mutation.error,
    variables: mutation.variables,
    reset: mutation.reset,
  }
}
