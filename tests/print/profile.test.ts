import { describe, expect, it } from 'vitest'
import {
  addressFor,
  dietaryFor,
  emailFor,
  joinNames,
  listNameFor,
  nameFor,
  notesFor,
  phonesFor,
  reasonFor,
  nameTextFor,
  recipientFor,
  requestsFor,
  surnameInitial,
} from '../../main/print/documents/profile'

const bea = { first_name: 'Beatrice', last_name: 'Okafor', preferred_name: 'Bea' }
const address = { address_line1: '12 Elm Street', address_line2: null, city: 'Leeds', region: null, postal_code: 'LS6 2AB', country: null }

describe('privacy profiles', () => {
  it('names: first name and last initial on the noticeboard, the full name elsewhere', () => {
    expect(nameFor('noticeboard', bea)).toBe('Bea O.')
    expect(nameFor('volunteer', bea)).toBe('Bea Okafor')
    expect(nameFor('coordinator', bea)).toBe('Bea Okafor')
    expect(nameFor('noticeboard', { first_name: 'Анна', last_name: 'кузнецова', preferred_name: null })).toBe('Анна К.')
    expect(nameFor('noticeboard', { first_name: 'Ἀθηνᾶ', last_name: 'Ἀλεξίου', preferred_name: '' })).toBe('Ἀθηνᾶ Ἀ.')
    // A decomposed accent stays with its letter rather than leaving a bare combining mark.
    expect(nameFor('noticeboard', { first_name: 'Zoe', last_name: 'E\u0301mile', preferred_name: null })).toBe('Zoe E\u0301.')
    expect(nameFor('noticeboard', { first_name: 'Cher', last_name: '', preferred_name: null })).toBe('Cher')
  })

  it('one initials rule: particles stay, the main part of the family name becomes its initial', () => {
    expect(surnameInitial('Ó Riain')).toBe('Ó R.')
    expect(surnameInitial('de la Cruz')).toBe('de la C.')
    expect(surnameInitial('van der Berg')).toBe('van der B.')
    expect(surnameInitial('Smith-Jones')).toBe('S.')
    expect(surnameInitial("O'Brien")).toBe('O.')
    expect(surnameInitial('De')).toBe('D.')
    expect(surnameInitial('  ')).toBe('')
    // The same person prints the same from the member list and from a name typed by hand.
    const siobhan = { first_name: 'Siobhán', last_name: 'Ó Riain', preferred_name: null }
    expect(nameFor('noticeboard', siobhan)).toBe('Siobhán Ó R.')
    expect(nameTextFor('noticeboard', 'Siobhán Ó Riain')).toBe(nameFor('noticeboard', siobhan))
  })

  it('list names sort by family name except on the noticeboard', () => {
    expect(listNameFor('volunteer', bea)).toBe('Okafor, Bea')
    expect(listNameFor('noticeboard', bea)).toBe('Bea O.')
    expect(listNameFor('coordinator', { first_name: 'Cher', last_name: ' ', preferred_name: null })).toBe('Cher')
  })

  it('recipients: first names only on the noticeboard', () => {
    const family = [bea, { first_name: 'Tunde', last_name: 'Okafor', preferred_name: null }, { first_name: 'Chidi', last_name: 'Okafor', preferred_name: null }]
    expect(recipientFor('noticeboard', 'The Okafor family', family)).toBe('Bea, Tunde and Chidi')
    expect(recipientFor('volunteer', 'The Okafor family', family)).toBe('The Okafor family')
    expect(recipientFor('coordinator', ' Maria Lopez ', [])).toBe('Maria Lopez')
    expect(recipientFor('noticeboard', 'Maria Lopez', [])).toBe('Maria')
    expect(recipientFor('noticeboard', 'The Okafor family', [])).toBe('the family')
    expect(joinNames([])).toBe('')
    expect(joinNames(['Ada'])).toBe('Ada')
  })

  it('names typed as one piece of text: first word and last initial on the noticeboard', () => {
    expect(nameTextFor('noticeboard', 'Bea  Okafor')).toBe('Bea O.')
    expect(nameTextFor('noticeboard', 'Mary Anne de la Cruz')).toBe('Mary de la C.')
    expect(nameTextFor('noticeboard', 'Siobhán Ó Riain')).toBe('Siobhán Ó R.')
    expect(nameTextFor('noticeboard', 'Grace from the  school run')).toBe('Grace from the school run')
    expect(nameTextFor('noticeboard', 'Bea')).toBe('Bea')
    expect(nameTextFor('volunteer', ' Bea  Okafor ')).toBe('Bea Okafor')
    expect(nameTextFor('noticeboard', 'Анна Кузнецова')).toBe('Анна К.')
  })

  it('addresses, phones and email never reach the noticeboard', () => {
    expect(addressFor('noticeboard', address)).toEqual([])
    expect(addressFor('volunteer', address)).toEqual(['12 Elm Street', 'Leeds LS6\u00a02AB'])
    expect(addressFor('coordinator', null)).toEqual([])
    expect(phonesFor('noticeboard', ['0770'])).toEqual([])
    expect(phonesFor('volunteer', ['0770', null, ' ', '0770', '0113'])).toEqual(['0770', '0113'])
    expect(emailFor('noticeboard', 'a@b.org')).toBeNull()
    expect(emailFor('volunteer', ' a@b.org ')).toBe('a@b.org')
    expect(emailFor('volunteer', '')).toBeNull()
  })

  it('the reason someone needs help is for the coordinator alone', () => {
    expect(reasonFor('noticeboard', 'Chemotherapy')).toBeNull()
    expect(reasonFor('volunteer', 'Chemotherapy')).toBeNull()
    expect(reasonFor('coordinator', 'Chemotherapy')).toBe('Chemotherapy')
    expect(reasonFor('coordinator', '  ')).toBeNull()
  })

  it('confidential notes and coordinator-only requests only on the coordinator copy', () => {
    const notes = [
      { body: 'Call after six', confidential: false },
      { body: 'In hospital', confidential: true },
    ]
    expect(notesFor('noticeboard', notes)).toEqual([])
    expect(notesFor('volunteer', notes)).toEqual([notes[0]])
    expect(notesFor('coordinator', notes)).toEqual(notes)
    const requests = [
      { body: 'For safe travel', coordinatorOnly: false },
      { body: 'Marriage troubles', coordinatorOnly: true },
    ]
    expect(requestsFor('noticeboard', requests)).toEqual([requests[0]])
    expect(requestsFor('volunteer', requests)).toEqual([requests[0]])
    expect(requestsFor('coordinator', requests)).toEqual(requests)
  })

  it('a person’s own diet shows for helpers, not on the noticeboard', () => {
    expect(dietaryFor('noticeboard', ['Vegan'], 'No mushrooms')).toEqual([])
    expect(dietaryFor('volunteer', ['Vegan'], ' No mushrooms ')).toEqual(['Vegan', 'No mushrooms'])
    expect(dietaryFor('coordinator', [], null)).toEqual([])
  })
})
