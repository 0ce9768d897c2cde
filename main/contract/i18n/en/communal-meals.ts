import { labelsAs } from '../labels'
import { ALLERGEN_LABELS } from '../../values'

const COURSE = 'course, select, main {main} side {side} salad {salad} dessert {dessert} bread {bread} other {drink}'
const COURSES = 'course, select, main {mains} side {sides} salad {salads} dessert {desserts} bread {breads} other {drinks}'
const JOB = 'job, select, sponsor {sponsor the meal} cook {cook} setup {set up} serving {serve} washing_up {wash up} driving {drive someone} other {help}'

// Communal meals (issue 30): a meal the whole community shares. Words said by main (warnings, the message to
// copy, History) and by the screens and printouts.
export const communalMeals = {
  ...labelsAs('communalMeals.allergen', ALLERGEN_LABELS),
  'communalMeals.course': `{${COURSE}}`,
  'communalMeals.courses': `{${COURSES}}`,
  'communalMeals.job': `{${JOB}}`,
  'communalMeals.jobName': '{job, select, sponsor {Sponsor} cook {Cook} setup {Setting up} serving {Serving} washing_up {Washing up} driving {Driving someone} other {Other help}}',
  'communalMeals.item.dish': '{count} × {label}',
  'communalMeals.item.course': `{count, plural, one {# {${COURSE}}} other {# {${COURSES}}}}`,
  'communalMeals.item.job': `{count, plural, one {# person to {${JOB}}} other {# people to {${JOB}}}}`,
  'communalMeals.stillNeeded': 'Still needed for {title} on {when, date, ::EEEEdMMMM}: {items}',
  'communalMeals.headcount': '{total, plural, =0 {No one has said they are coming yet} one {# expected} other {# expected}}',
  'communalMeals.headcountNeeds': '{headcount}: {needs}',
  'communalMeals.needCount': '{count} {need}',
  'communalMeals.warning.allergen': '“{dish}” from {cook} contains {allergens}: {who} {count, plural, one {is} other {are}} coming ({need}).',
  'communalMeals.warning.mentions': '“{dish}” from {cook} may not suit {who} ({need}): it mentions {words}.',
  'communalMeals.warning.short': 'The mains signed up serve {servings} and {headcount} are expected: the food will not go round.',
  'communalMeals.warning.nothingLabel': 'Nothing {need} among the mains yet: {count, plural, one {# person coming is} other {# people coming are}} {need}.',
  'communalMeals.warning.nothingSafe': 'Every main signed up so far clashes with {need} ({count, plural, one {# person coming} other {# people coming}}).',
  'communalMeals.someone': 'someone',
  'communalMeals.eid': 'Eid meal',
  'validation.communal.title': 'Give the meal a name, like “Harvest supper”.',
  'validation.communal.name': 'Write the name of who is bringing it or coming.',
  'errors.communal.gone': 'That meal is no longer in Hearth. It may have been deleted.',
  'errors.communal.needGone': 'That item is no longer on the meal’s list. Choose another one.',
  'errors.communal.seriesGone': 'That series of meals is no longer in Hearth.',
  'errors.communal.signupGone': 'That sign-up is no longer there.',
  'errors.communal.rsvpGone': 'That answer is no longer there.',
  'errors.communal.whoGone': 'That member or household is no longer in Hearth. Choose them again.',
  'errors.communal.archived': 'This meal is put away. Sign-ups and answers can no longer change.',
  'errors.communal.needHasSignups': '{count, plural, one {An item you took off the list has a sign-up} other {Items you took off the list have # sign-ups}}: cancel {count, plural, one {it} other {them}} first, so no one is forgotten.',
  'errors.communal.needOfAnotherMeal': 'An item on the list belongs to another meal. Open the meal again and retry.',
  'errors.communal.noPeople': 'Say how many are coming: at least one adult or child.',
  'errors.communal.dishDetailsOnJob': 'A job has no dish or ingredients. Write any details in the notes.',
}
