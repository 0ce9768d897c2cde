/**
 * Catalog entries for a contract label table: `labelsAs('members.dietary', DIETARY_LABELS)` gives
 * `{ 'members.dietary.vegan': 'Vegan', … }`, so the English words are written once, in the contract, and the
 * screens say what the printouts and CSV files say.
 */
export function labelsAs<P extends string, K extends string>(prefix: P, table: Record<K, string>): Record<`${P}.${K}`, string> {
  const out = {} as Record<`${P}.${K}`, string>
  for (const key of Object.keys(table) as K[]) out[`${prefix}.${key}`] = table[key]
  return out
}
