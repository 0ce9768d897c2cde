import { describe, expect, it } from 'vitest'
import { DIETARY_NEEDS } from '../../main/contract/values'
import { DISH_KEYWORDS, dishClashes } from '../../main/contract/dish-allergens'

const needsOf = (dish: string, needs: Parameters<typeof dishClashes>[1]) => dishClashes(dish, needs).map((c) => c.need)

describe('dishClashes', () => {
  it('catches the classic clashes', () => {
    expect(dishClashes('Peanut noodles', ['nut_allergy'])).toEqual([{ need: 'nut_allergy', words: ['peanut'] }])
    expect(dishClashes('Prawn curry', ['shellfish_allergy'])).toEqual([{ need: 'shellfish_allergy', words: ['prawn'] }])
    expect(needsOf('Mac and cheese', ['dairy_free'])).toEqual(['dairy_free'])
    expect(needsOf('Spaghetti bolognese', ['vegetarian', 'gluten_free'])).toEqual(['vegetarian', 'gluten_free'])
    expect(needsOf('Bacon quiche', ['halal', 'kosher', 'egg_allergy', 'dairy_free'])).toEqual(['halal', 'kosher', 'egg_allergy', 'dairy_free'])
    expect(needsOf('Tofu stir fry', ['soy_allergy'])).toEqual(['soy_allergy'])
    expect(needsOf('Salmon with rice', ['fish_allergy', 'vegan'])).toEqual(['fish_allergy', 'vegan'])
    expect(needsOf('Chocolate cake', ['diabetic'])).toEqual(['diabetic'])
  })

  it('matches plurals, capitals, accents and dashes', () => {
    expect(needsOf('PRAWNS and rice', ['shellfish_allergy'])).toEqual(['shellfish_allergy'])
    expect(needsOf('Walnuts-and-pear salad', ['nut_allergy'])).toEqual(['nut_allergy'])
    expect(needsOf('Crème brûlée with cream', ['dairy_free'])).toEqual(['dairy_free'])
    expect(needsOf('Chicken sandwiches', ['gluten_free'])).toEqual(['gluten_free'])
  })

  it('does not see a word inside another word', () => {
    expect(needsOf('Coconut curry', ['nut_allergy'])).toEqual([])
    expect(needsOf('Butternut squash soup', ['nut_allergy', 'dairy_free'])).toEqual([])
    expect(needsOf('Shellfish-free fish pie', ['shellfish_allergy'])).toEqual([])
    expect(needsOf('Hamlet cigars', ['halal'])).toEqual([])
  })

  it('respects "free", "no" and "without"', () => {
    expect(needsOf('Nut-free brownies', ['nut_allergy'])).toEqual([])
    expect(needsOf('Pizza with no cheese', ['dairy_free'])).toEqual(['dairy_free'])
    expect(needsOf('Chilli without cheese', ['dairy_free'])).toEqual([])
  })

  it('takes a dish that says it suits the need at its word', () => {
    expect(needsOf('Gluten-free pasta', ['gluten_free'])).toEqual([])
    expect(needsOf('Vegan lasagne', ['vegetarian', 'vegan', 'dairy_free', 'gluten_free'])).toEqual(['gluten_free'])
    expect(needsOf('Halal chicken biryani', ['halal'])).toEqual([])
    expect(needsOf('Dairy-free mac and cheese', ['dairy_free'])).toEqual([])
  })

  it('knows peanut butter is not dairy but is a nut', () => {
    expect(needsOf('Peanut butter cookies', ['dairy_free'])).toEqual([])
    expect(needsOf('Peanut butter cookies', ['peanut_allergy', 'nut_allergy'])).toEqual(['peanut_allergy', 'nut_allergy'])
    expect(needsOf('Peanut butter and butter chicken', ['dairy_free'])).toEqual(['dairy_free'])
  })

  it('says nothing for no dish, no needs, or a safe dish', () => {
    expect(dishClashes(null, ['nut_allergy'])).toEqual([])
    expect(dishClashes('', ['nut_allergy'])).toEqual([])
    expect(dishClashes('Peanut noodles', [])).toEqual([])
    expect(dishClashes('Vegetable soup and rice', [...DIETARY_NEEDS].filter((n) => n !== 'low_salt'))).toEqual([])
  })

  it('has keywords for every dietary need Hearth knows', () => {
    for (const need of DIETARY_NEEDS) expect(DISH_KEYWORDS[need].length, need).toBeGreaterThan(0)
  })
})
