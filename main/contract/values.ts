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
  'sesame_allergy',
  'celery_allergy',
  'mustard_allergy',
  'sulphite_allergy',
  'lupin_allergy',
  'mollusc_allergy',
  'no_pork',
  'no_alcohol',
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
  sesame_allergy: 'Sesame allergy',
  celery_allergy: 'Celery allergy',
  mustard_allergy: 'Mustard allergy',
  sulphite_allergy: 'Sulphite allergy',
  lupin_allergy: 'Lupin allergy',
  mollusc_allergy: 'Mollusc allergy',
  no_pork: 'No pork',
  no_alcohol: 'No alcohol',
}

// What a dish holds, as a shared table must name it: the UK/EU 14 major allergens and the US major 9 together
// (wheat is the US's, gluten the UK's; crustaceans are the US's "shellfish"). Each clashes with one dietary need.
export const ALLERGENS = ['gluten', 'wheat', 'crustaceans', 'molluscs', 'eggs', 'fish', 'peanuts', 'tree_nuts', 'soy', 'milk', 'sesame', 'celery', 'mustard', 'sulphites', 'lupin'] as const
export type Allergen = (typeof ALLERGENS)[number]
export const ALLERGEN_LABELS: Record<Allergen, string> = {
  gluten: 'Gluten (wheat, rye, barley, oats)',
  wheat: 'Wheat',
  crustaceans: 'Crustaceans (prawns, crab, lobster)',
  molluscs: 'Molluscs (mussels, squid, snails)',
  eggs: 'Eggs',
  fish: 'Fish',
  peanuts: 'Peanuts',
  tree_nuts: 'Tree nuts (almonds, walnuts, cashews…)',
  soy: 'Soy',
  milk: 'Milk',
  sesame: 'Sesame',
  celery: 'Celery',
  mustard: 'Mustard',
  sulphites: 'Sulphites',
  lupin: 'Lupin',
}
/** The need a dish holding the allergen does not suit. */
export const ALLERGEN_NEED: Record<Allergen, DietaryNeed> = {
  gluten: 'gluten_free',
  wheat: 'gluten_free',
  crustaceans: 'shellfish_allergy',
  molluscs: 'mollusc_allergy',
  eggs: 'egg_allergy',
  fish: 'fish_allergy',
  peanuts: 'peanut_allergy',
  tree_nuts: 'nut_allergy',
  soy: 'soy_allergy',
  milk: 'dairy_free',
  sesame: 'sesame_allergy',
  celery: 'celery_allergy',
  mustard: 'mustard_allergy',
  sulphites: 'sulphite_allergy',
  lupin: 'lupin_allergy',
}

// What a cook may say a dish is: faith and diet labels, named with the need each one meets.
export const DISH_LABELS = ['halal', 'kosher', 'vegetarian', 'vegan', 'no_pork', 'no_alcohol'] as const satisfies readonly DietaryNeed[]
export type DishLabel = (typeof DISH_LABELS)[number]
/** The labels that meet each faith or diet need: a vegan dish is vegetarian and has no pork; halal has no alcohol. */
export const LABEL_MEETS: Record<DishLabel, readonly DietaryNeed[]> = {
  halal: ['halal', 'no_pork', 'no_alcohol'],
  kosher: ['kosher', 'no_pork'],
  vegetarian: ['vegetarian', 'no_pork'],
  vegan: ['vegan', 'vegetarian', 'no_pork'],
  no_pork: ['no_pork'],
  no_alcohol: ['no_alcohol'],
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

// A communal meal's needs (issue 30): dishes by course, and jobs done by people.
export const COMMUNAL_COURSES = ['main', 'side', 'salad', 'dessert', 'bread', 'drinks'] as const
export type CommunalCourse = (typeof COMMUNAL_COURSES)[number]
export const COMMUNAL_JOBS = ['sponsor', 'cook', 'setup', 'serving', 'washing_up', 'driving', 'other'] as const
export type CommunalJob = (typeof COMMUNAL_JOBS)[number]
/** A monthly lunch, or a meal every night (Ramadan's iftar). */
export const COMMUNAL_SERIES_KINDS = ['monthly', 'nightly'] as const
export type CommunalSeriesKind = (typeof COMMUNAL_SERIES_KINDS)[number]
