/**
 * Wraps a piece of text in a Unicode first-strong isolate, so it keeps its own direction inside a line of the
 * other direction: a phone number "+962 79 123 4567" in an Arabic screen reads left to right (it has no letters,
 * so the isolate is left to right) instead of "4567 123 79 962+", and an Arabic name in an English list stays
 * whole. Used for phone numbers, emails and any user text joined into one line with others.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`
}

/** Joins parts of a line (a household, a phone, an email), each isolated, skipping the empty ones. */
export function joinIsolated(parts: (string | null | undefined)[], separator = ' · '): string {
  return parts
    .filter((p): p is string => !!p)
    .map(isolate)
    .join(separator)
}
