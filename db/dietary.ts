import { DIETARY_NEEDS, type DietaryNeed } from '../main/contract/values'

const KNOWN: ReadonlySet<string> = new Set(DIETARY_NEEDS)

/**
 * The dietary needs in a stored list (a train's or a person's), keeping only the keys this version knows. A file
 * written by a newer Hearth, or damaged, may name others; they have no label and no dish words, so they stop
 * here rather than at every place that reads the list. Anything that is not a list reads as no needs.
 */
export function knownNeeds(value: unknown): DietaryNeed[] {
  return Array.isArray(value) ? value.filter((v): v is DietaryNeed => typeof v === 'string' && KNOWN.has(v)) : []
}

/** A dietary column's JSON text as the needs this version knows; text that does not parse reads as none. */
export function parseDietary(json: string | null | undefined): DietaryNeed[] {
  if (!json) return []
  try {
    return knownNeeds(JSON.parse(json))
  } catch {
    return []
  }
}
