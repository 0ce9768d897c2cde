/**
 * How a handler's result crosses from Node to the page in the browser tests.
 *
 * Electron hands the renderer a structured clone of the result. Playwright's exposeFunction instead sends it through
 * its own object serializer, which walks every value on both sides and costs about 12 ms for one 50-row page of a
 * members search (the search itself takes 2 ms): the tests would time Playwright rather than Hearth. JSON text
 * crosses as one string and the page's JSON.parse rebuilds it in well under a millisecond.
 *
 * JSON rebuilds exactly what a structured clone would only for a tree of plain objects, arrays, strings, finite
 * numbers, booleans and null. Anything else (undefined, NaN, -0, a Date, bytes, a Map, a hole in an array, the same
 * object reached twice) goes by Playwright's serializer as before, so the page never receives a value JSON changed.
 */
export type Wire = { json: string } | { value: unknown }

/** True when JSON.parse(JSON.stringify(value)) gives the page exactly what a structured clone of value would. */
export function jsonIsExact(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0)
  if (typeof value !== 'object') return false
  // A structured clone keeps two references to one object as one object (and survives a cycle); JSON copies it.
  if (seen.has(value)) return false
  seen.add(value)
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !jsonIsExact(value[i], seen)) return false
    return Object.keys(value).length === value.length
  }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return false
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || !jsonIsExact((value as Record<string, unknown>)[key], seen)) return false
  }
  return true
}

export function toWire(value: unknown): Wire {
  return jsonIsExact(value) ? { json: JSON.stringify(value) } : { value }
}

/** The page's half, injected as source text: turns what crossed back into the value. */
export const FROM_WIRE = `(wire) => ('json' in wire ? JSON.parse(wire.json) : wire.value)`
