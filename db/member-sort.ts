import { foldForSearch } from './search-text'

/** The stored sort key of a person: folded last name, then folded first name, so "Álvarez" sorts with "Alvarez". */
export function personSortKey(p: { first_name: string; last_name: string }): string {
  return `${foldForSearch(p.last_name)}\u001f${foldForSearch(p.first_name)}`
}
