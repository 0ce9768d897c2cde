import type { ContactMethod, DietaryNeed, HouseholdRole, MemberStatus } from '../../main/contract/values'
import type { MessageId } from '../../main/contract/i18n/en'

export const statusLabel = (s: MemberStatus): MessageId => `members.status.${s}`
export const roleLabel = (r: HouseholdRole): MessageId => `members.role.${r}`
export const dietaryLabel = (d: DietaryNeed): MessageId => `members.dietary.${d}`
export const contactLabel = (c: ContactMethod): MessageId => `members.contact.${c}`

/** A stored calendar day ('YYYY-MM-DD') as a local Date, so formatting never shifts it by a time zone. */
export function dayToDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1)
}
