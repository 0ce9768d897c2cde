import type { DietaryNeed } from './values'

// Words in a planned dish that clash with a dietary need. A plain keyword list, not a recipe database: it exists
// to catch "peanut noodles" for a nut allergy before the meal is cooked, and only ever warns. Plurals are matched
// by the pattern, so list singulars.
const MEAT = ['beef', 'chicken', 'pork', 'lamb', 'mutton', 'ham', 'bacon', 'sausage', 'turkey', 'mince', 'steak', 'chorizo', 'pepperoni', 'salami', 'meatball', 'burger', 'gammon', 'veal', 'duck', 'venison', 'bolognese', 'chilli con carne', 'shepherd’s pie', "shepherd's pie", 'cottage pie', 'prosciutto', 'pancetta', 'lard', 'gelatine', 'gelatin']
const FISH = ['fish', 'salmon', 'tuna', 'cod', 'haddock', 'mackerel', 'sardine', 'anchovy', 'anchovies', 'trout', 'kedgeree', 'fishcake', 'fish cake', 'sushi', 'pollock', 'tilapia', 'kipper', 'herring', 'fish pie', 'fish finger', 'worcestershire']
const SHELLFISH = ['prawn', 'shrimp', 'crab', 'lobster', 'scallop', 'mussel', 'clam', 'oyster', 'crayfish', 'langoustine', 'paella', 'scampi', 'seafood', 'calamari', 'squid']
const DAIRY = ['cheese', 'cheesy', 'milk', 'butter', 'cream', 'creamy', 'yogurt', 'yoghurt', 'paneer', 'ghee', 'custard', 'alfredo', 'quiche', 'lasagne', 'lasagna', 'pizza', 'macaroni', 'mac and cheese', 'mac n cheese', 'moussaka', 'korma', 'tikka masala', 'risotto', 'gratin', 'cheesecake', 'ice cream', 'mozzarella', 'parmesan', 'cheddar', 'feta', 'halloumi', 'ricotta', 'béchamel', 'bechamel', 'carbonara']
const EGG = ['egg', 'omelette', 'omelet', 'quiche', 'frittata', 'mayonnaise', 'mayo', 'meringue', 'carbonara', 'custard', 'pavlova', 'egg fried rice', 'scotch egg', 'shakshuka']
const NUT = ['nut', 'peanut', 'almond', 'cashew', 'walnut', 'pecan', 'hazelnut', 'pistachio', 'macadamia', 'brazil nut', 'praline', 'pesto', 'satay', 'nutella', 'marzipan', 'frangipane', 'baklava', 'korma', 'nut roast']
const PEANUT = ['peanut', 'satay', 'groundnut', 'pad thai', 'monkey nut']
const SOY = ['soy', 'soya', 'tofu', 'tempeh', 'edamame', 'miso', 'teriyaki', 'soy sauce']
const GLUTEN = ['pasta', 'bread', 'lasagne', 'lasagna', 'spaghetti', 'noodle', 'pie', 'pizza', 'wheat', 'flour', 'couscous', 'barley', 'sandwich', 'wrap', 'bun', 'pastry', 'cake', 'crumble', 'sausage roll', 'dumpling', 'breaded', 'battered', 'macaroni', 'penne', 'ravioli', 'tortellini', 'seitan', 'pancake', 'yorkshire pudding', 'toad in the hole', 'beer', 'bagel', 'naan', 'pitta', 'pita', 'biscuit', 'cookie', 'brownie', 'muffin', 'scone', 'crouton', 'gnocchi', 'stuffing']
const PORK = ['pork', 'ham', 'bacon', 'chorizo', 'pepperoni', 'salami', 'gammon', 'prosciutto', 'pancetta', 'lard', 'sausage', 'gelatine', 'gelatin']
const ALCOHOL = ['wine', 'beer', 'cider', 'rum', 'brandy', 'sherry', 'coq au vin', 'beef bourguignon', 'tiramisu']
const SESAME = ['sesame', 'tahini', 'tahina', 'hummus', 'houmous', 'halva', 'halwa', 'baba ganoush', 'gomasio', 'za’atar', "za'atar", 'zaatar', 'simit']
const CELERY = ['celery', 'celeriac', 'celery salt', 'mirepoix', 'waldorf']
const MUSTARD = ['mustard', 'dijon', 'piccalilli', 'honey mustard']
const SULPHITE = ['wine', 'vinegar', 'dried apricot', 'sulphite', 'sulfite', 'pickle', 'pickled', 'chutney', 'cider', 'beer', 'sherry']
const LUPIN = ['lupin', 'lupini', 'lupine']
const MOLLUSC = ['mussel', 'clam', 'oyster', 'scallop', 'squid', 'calamari', 'octopus', 'snail', 'escargot', 'whelk', 'cockle', 'winkle', 'oyster sauce', 'paella', 'seafood']
const SWEET = ['cake', 'dessert', 'pudding', 'sweet', 'sugar', 'brownie', 'cookie', 'trifle', 'fudge', 'doughnut', 'donut', 'cheesecake', 'ice cream', 'tart', 'crumble', 'pavlova', 'cupcake', 'muffin', 'flapjack', 'sponge']
const SALTY = ['crisps', 'bacon', 'ham', 'salami', 'gammon', 'soy sauce', 'pickle', 'pickled', 'stock cube', 'salted', 'salt', 'kipper', 'anchovy', 'anchovies', 'chorizo', 'pepperoni']

export const DISH_KEYWORDS: Record<DietaryNeed, readonly string[]> = {
  vegetarian: [...MEAT, ...FISH, ...SHELLFISH],
  vegan: [...MEAT, ...FISH, ...SHELLFISH, ...DAIRY, ...EGG, 'honey'],
  halal: [...PORK, ...ALCOHOL],
  kosher: [...PORK, ...SHELLFISH, 'cheeseburger'],
  gluten_free: GLUTEN,
  dairy_free: DAIRY,
  nut_allergy: NUT,
  peanut_allergy: PEANUT,
  egg_allergy: EGG,
  shellfish_allergy: SHELLFISH,
  fish_allergy: FISH,
  soy_allergy: SOY,
  diabetic: SWEET,
  low_salt: SALTY,
  sesame_allergy: SESAME,
  celery_allergy: CELERY,
  mustard_allergy: MUSTARD,
  sulphite_allergy: SULPHITE,
  lupin_allergy: LUPIN,
  mollusc_allergy: MOLLUSC,
  no_pork: PORK,
  no_alcohol: ALCOHOL,
}

// A dish that says it suits the need ("gluten-free pasta", "vegan lasagne", "halal chicken") is taken at its word.
const SUITS: Record<DietaryNeed, RegExp> = {
  vegetarian: /\b(?:vegetarian|veggie|vegan|meat free|plant based)\b/,
  vegan: /\b(?:vegan|plant based)\b/,
  halal: /\bhalal\b/,
  kosher: /\bkosher\b/,
  gluten_free: /\bgluten free\b/,
  dairy_free: /\b(?:dairy|lactose|milk) free\b|\bvegan\b/,
  nut_allergy: /\bnut free\b/,
  peanut_allergy: /\b(?:peanut|nut) free\b/,
  egg_allergy: /\begg free\b|\bvegan\b/,
  shellfish_allergy: /\bshellfish free\b/,
  fish_allergy: /\bfish free\b/,
  soy_allergy: /\bsoya? free\b/,
  diabetic: /\b(?:sugar free|diabetic|no added sugar)\b/,
  low_salt: /\b(?:low salt|salt free|no added salt)\b/,
  sesame_allergy: /\bsesame free\b/,
  celery_allergy: /\bcelery free\b/,
  mustard_allergy: /\bmustard free\b/,
  sulphite_allergy: /\b(?:sulphite|sulfite) free\b/,
  lupin_allergy: /\blupin free\b/,
  mollusc_allergy: /\bmollusc free\b/,
  no_pork: /\b(?:pork free|halal|kosher|vegetarian|vegan)\b/,
  no_alcohol: /\b(?:alcohol free|non alcoholic|halal)\b/,
}

export interface DishClash {
  need: DietaryNeed
  /** The words of the dish that clash, as written in the keyword list. */
  words: string[]
}

/** Lower-case, accents off, curly apostrophes straight, runs of space and dashes as one space. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[\s\-_/]+/g, ' ')
    .trim()
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const patterns = new Map<string, RegExp>()
function patternFor(word: string): RegExp {
  let p = patterns.get(word)
  if (!p) {
    // The word and its plural, as whole words: "coconut" and "butternut" are not "nut".
    p = new RegExp(`(?<![\\p{L}])${escape(fold(word))}(?:s|es)?(?![\\p{L}])`, 'gu')
    patterns.set(word, p)
  }
  p.lastIndex = 0
  return p
}

// "nut-free brownies", "no egg", "without cheese", "dairy free": the cook is already avoiding it.
function isNegated(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start)
  const after = text.slice(end, end + 6)
  return /(?:^|\s)(?:no|without|free of|non)\s$/.test(before) || /^\s?free(?![\p{L}])/u.test(after)
}

/** Which of the recipient's needs a planned dish seems to clash with (an empty list when none, or no dish). */
export function dishClashes(dish: string | null | undefined, needs: readonly DietaryNeed[]): DishClash[] {
  if (!dish) return []
  const folded = fold(dish)
  const out: DishClash[] = []
  for (const need of needs) {
    if (SUITS[need].test(folded)) continue
    // "peanut butter" is not dairy.
    const text = need === 'dairy_free' ? folded.replace(/(?:peanut|almond|cashew|nut|apple) butter/g, '~') : folded
    const words = new Set<string>()
    for (const word of DISH_KEYWORDS[need]) {
      for (const m of text.matchAll(patternFor(word))) {
        if (!isNegated(text, m.index, m.index + m[0].length)) words.add(word)
      }
    }
    if (words.size > 0) out.push({ need, words: [...words] })
  }
  return out
}
