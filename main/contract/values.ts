// The lists of allowed values and their English labels, written once. The database stores the keys, the contract
// validates them, and screens, printouts, CSV files and warnings all take their words from the tables here (the
// renderer's English catalog is built from them too, so a label cannot drift between screen and paper).

export const HOUSEHOLD_ROLES = ['head', 'spouse', 'child', 'other'] as const
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number]
export const ROLE_LABELS: Record<HouseholdRole, string> = { head: 'Head', spouse: 'Spouse', child: 'Child', other: 'Other' }

export const MEMBER_STATUSES = ['member', 'regular_attender', 'visitor', 'inactive'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]
export const STATUS_LABELS: Record<MemberStatus, string> = {
  member: 'Member',
  regular_attender: 'Regular attender',
  visitor: 'Visitor',
  inactive: 'Inactive',
}

export const CONTACT_METHODS = ['phone', 'text', 'email', 'post', 'none'] as const
export type ContactMethod = (typeof CONTACT_METHODS)[number]
export const CONTACT_LABELS: Record<ContactMethod, string> = {
  phone: 'Phone call',
  text: 'Text message',
  email: 'Email',
  post: 'Post',
  none: 'Do not contact',
}

export const DIETARY_NEEDS = [
  'vegetarian',
  'vegan',
  'halal',
  'kosher',
  'gluten_free',
  'dairy_free',
  'nut_allergy',
  'peanut_allergy',
  'egg_allergy',
  'shellfish_allergy',
  'fish_allergy',
  'soy_allergy',
  'diabetic',
  'low_salt',
] as const
export type DietaryNeed = (typeof DIETARY_NEEDS)[number]
export const DIETARY_LABELS: Record<DietaryNeed, string> = {
  vegetarian: 'Vegetarian',
  vegan: 'Vegan',
  halal: 'Halal',
  kosher: 'Kosher',
  gluten_free: 'Gluten-free',
  dairy_free: 'Dairy-free',
  nut_allergy: 'Nut allergy',
  peanut_allergy: 'Peanut allergy',
  egg_allergy: 'Egg allergy',
  shellfish_allergy: 'Shellfish allergy',
  fish_allergy: 'Fish allergy',
  soy_allergy: 'Soy allergy',
  diabetic: 'Diabetic',
  low_salt: 'Low salt',
}

/** Dietary keys as words; an unknown key (from a newer Hearth) shows as it is rather than vanishing. */
export function dietaryWords(keys: readonly string[]): string[] {
  return keys.map((k) => DIETARY_LABELS[k as DietaryNeed] ?? k)
}

export const PERSON_TAG_KINDS = ['tag', 'skill'] as const
export type PersonTagKind = (typeof PERSON_TAG_KINDS)[number]

export const MEALS = ['breakfast', 'lunch', 'dinner'] as const
export type Meal = (typeof MEALS)[number]
export const MEAL_LABELS: Record<Meal, string> = { breakfast: 'Breakfast', lunch: 'Lunch', dinner: 'Dinner' }
/** Breakfast before lunch before dinner on the same day (alphabetical order would put dinner first). */
export const MEAL_ORDER: Record<Meal, number> = { breakfast: 0, lunch: 1, dinner: 2 }

export const MEAL_TRAIN_STATUSES = ['active', 'archived'] as const
export type MealTrainStatus = (typeof MEAL_TRAIN_STATUSES)[number]

// A care calendar asks for one kind of help; a meal train is the kind 'meals'. Each kind maps to the skills
// that suggest a helper for it (issue 15).
export const CARE_KINDS = ['meals', 'rides', 'visits', 'childcare', 'errands', 'household', 'other'] as const
export type CareKind = (typeof CARE_KINDS)[number]
export const CARE_KIND_LABELS: Record<CareKind, string> = {
  meals: 'Meals',
  rides: 'Rides',
  visits: 'Visits',
  childcare: 'Childcare',
  errands: 'Errands and shopping',
  household: 'Household and yard jobs',
  other: 'Other help',
}

export const SIGNUP_KINDS = ['meal', 'gift_card'] as const
export type SignupKind = (typeof SIGNUP_KINDS)[number]

export const SIGNUP_STATES = ['taken', 'delivered', 'cancelled', 'needs_rescheduling'] as const
export type SignupState = (typeof SIGNUP_STATES)[number]

export const PRAYER_SCHEDULE_KINDS = ['meeting', 'vigil', 'rotation'] as const
export type PrayerScheduleKind = (typeof PRAYER_SCHEDULE_KINDS)[number]
export const PRAYER_CONFIDENTIALITY = ['circle', 'coordinator'] as const
export type PrayerConfidentiality = (typeof PRAYER_CONFIDENTIALITY)[number]
