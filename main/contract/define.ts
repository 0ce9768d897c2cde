import type { z } from 'zod'

// A channel is declared once: its input schema (validated in main) and its result type (a phantom, for
// inference only). `kind` tells the registry whether the call writes, so writes can be serialised.
export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly kind: 'read' | 'write'
  readonly input: I
  /** Type-only: never present at run time. */
  readonly __output: O
}

export const read =
  <O>() =>
  <I extends z.ZodType>(input: I) =>
    ({ kind: 'read', input }) as ChannelDef<I, O>

export const write =
  <O>() =>
  <I extends z.ZodType>(input: I) =>
    ({ kind: 'write', input }) as ChannelDef<I, O>

export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'refused' | 'io' | 'unknown_channel' | 'internal'

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
