import type { z } from 'zod'

/**
 * What a channel may do, read by the registry (main/registry.ts):
 * - `read` reads the database and changes nothing; reads run side by side.
 * - `write` changes the database; writes run one at a time, in order, each recorded in History unless told not.
 * - `effect` touches the world outside the database (the printer, a file the volunteer chose, the clipboard, a mail
 *   program) but changes nothing in it; it runs beside reads and is never recorded.
 */
export type ChannelKind = 'read' | 'write' | 'effect'

/** The options a channel carries beside its kind: each is said once, where the channel is declared. */
export interface ChannelRules {
  /**
   * History records the write and offers Undo for it. False for writes that replace or switch the whole file (a
   * restore, opening the example congregation), which change no one's record and swap the connection away.
   */
  readonly recorded: boolean
  /**
   * The channel may run while the example congregation is open. False where it would reach the real congregation's
   * files (a backup would rotate the real backups out of the folder; a restore would write over the example).
   */
  readonly inExample: boolean
  /**
   * The channel answers while Hearth is locked (main/lock/): only reading the lock's state and unlocking. Every
   * other channel is refused until the passphrase or recovery key is given, whatever the screen asks for.
   */
  readonly whileLocked: boolean
}

export interface ChannelOptions {
  /** Defaults to true for a write (never true for a read or an effect). */
  readonly recorded?: boolean
  /** Defaults to true. */
  readonly inExample?: boolean
  /** Defaults to false. */
  readonly whileLocked?: boolean
}

// A channel is declared once: its kind and rules, its input schema (validated in main) and its result type (a
// phantom, for inference only).
export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly kind: ChannelKind
  readonly rules: ChannelRules
  readonly input: I
  /** Type-only: never present at run time. */
  readonly __output: O
}

function rulesOf(kind: ChannelKind, options: ChannelOptions): ChannelRules {
  return { recorded: kind === 'write' && (options.recorded ?? true), inExample: options.inExample ?? true, whileLocked: options.whileLocked ?? false }
}

/** A channel that reads the database and changes nothing. */
export const read =
  <O>(options: ChannelOptions = {}) =>
  <I extends z.ZodType>(input: I) =>
    ({ kind: 'read', rules: rulesOf('read', options), input }) as ChannelDef<I, O>

/** A channel that changes the database. */
export const write =
  <O>(options: ChannelOptions = {}) =>
  <I extends z.ZodType>(input: I) =>
    ({ kind: 'write', rules: rulesOf('write', options), input }) as ChannelDef<I, O>

/** A channel that prints, writes or reads a file the volunteer chose, or fills the clipboard: no database change. */
export const effect =
  <O>(options: ChannelOptions = {}) =>
  <I extends z.ZodType>(input: I) =>
    ({ kind: 'effect', rules: rulesOf('effect', options), input }) as ChannelDef<I, O>

/** The one list of error codes: what kind of refusal it is, for the screen to act on (the words come by catalog id). */
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'refused', 'io', 'unknown_channel', 'internal'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

// What the renderer gets when a call fails: always something it can show to a person.
export interface HearthErrorShape {
  code: ErrorCode
  message: string
  /** Per-field messages for forms, keyed by the input path ("email", "address.city"). */
  fields?: Record<string, string>
  /** The catalog's id for the message, and its values: the screen shows it in the volunteer's language. */
  messageId?: string
  values?: Record<string, string | number>
  /** Catalog words for each entry of `fields`, so a form shows them in the volunteer's language. */
  fieldMessages?: Record<string, SaidMessage>
  /**
   * Values that are themselves catalog messages (a summary quoting the first field's message), or lists of them
   * (the volunteers a change would leave without a slot), joined the language's way (contract/i18n/said.ts).
   */
  valueMessages?: Record<string, SaidMessage | SaidMessage[]>
}

/** A catalog message by id with its values: main's English is beside it, the screen words it itself. */
export interface SaidMessage {
  id: string
  values?: Record<string, string | number>
}

/** A write that changed something, as the History screen lists it: the renderer offers Undo for it. */
export interface ChangeNotice {
  id: number
  summary: string
  /** It removed, cancelled or archived something, so its notification offers Undo. */
  destructive: boolean
}

export type Result<T> = { ok: true; value: T; change?: ChangeNotice } | { ok: false; error: HearthErrorShape }
