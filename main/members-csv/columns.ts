import { type CsvField } from '../contract/members-csv'
import { foldForSearch } from '../../db/search-text'

/** The headings Hearth writes when it exports, one per field; the importer recognises these first. */
export const EXPORT_HEADERS: Record<Exclude<CsvField, 'fullName'>, string> = {
  firstName: 'First Name',
  lastName: 'Last Name',
  preferredName: 'Preferred Name',
  mobilePhone: 'Mobile Phone',
  homePhone: 'Home Phone',
  otherPhone: 'Other Phone',
  email: 'Email',
  address1: 'Address 1',
  address2: 'Address 2',
  city: 'City',
  region: 'State/County',
  postalCode: 'Postcode/Zip',
  country: 'Country',
  birthday: 'Birthday',
  joinedOn: 'Joined',
  status: 'Membership Status',
  preferredContact: 'Preferred Contact',
  householdId: 'Household ID',
  householdName: 'Household Name',
  householdRole: 'Household Role',
  tags: 'Tags',
  skills: 'Skills',
  dietary: 'Dietary Needs',
  dietaryNotes: 'Dietary Notes',
  notes: 'Notes',
}

/**
 * Headings seen in spreadsheets and in the exports of church-management software (Planning Center, Breeze,
 * ChurchSuite, Elvanto, ChMeetings, Realm/ACS), folded to bare letters and digits, surest first.
 */
const SYNONYMS: Record<CsvField, string[]> = {
  firstName: ['firstname', 'first', 'givenname', 'forename', 'forenames', 'fname', 'christianname'],
  lastName: ['lastname', 'surname', 'last', 'lname'],
  fullName: ['name', 'fullname', 'displayname', 'personname', 'membername', 'individualname', 'contactname'],
  preferredName: ['preferredname', 'nickname', 'goesby', 'knownas', 'preferredfirstname'],
  mobilePhone: ['mobilephone', 'mobile', 'cellphone', 'cell', 'mobilephonenumber', 'cellphonenumber', 'mobilenumber', 'cellnumber', 'phonemobile', 'phonecell'],
  homePhone: ['homephone', 'home', 'telephone', 'homephonenumber', 'phonehome', 'landline', 'householdphone', 'familyphone', 'homenumber'],
  otherPhone: ['otherphone', 'workphone', 'work', 'workphonenumber', 'businessphone', 'phonework', 'phone2', 'alternatephone'],
  email: ['email', 'emailaddress', 'email1', 'primaryemail', 'homeemail', 'personalemail'],
  address1: ['address1', 'addressline1', 'address', 'street', 'streetaddress', 'homeaddress', 'homeaddressstreetline1', 'homeaddress1', 'addressstreet', 'mailingaddress', 'mailingstreet', 'street1', 'line1'],
  address2: ['address2', 'addressline2', 'homeaddressstreetline2', 'homeaddress2', 'street2', 'line2'],
  city: ['city', 'town', 'towncity', 'homecity', 'homeaddresscity', 'suburb', 'locality', 'mailingcity'],
  region: ['statecounty', 'state', 'region', 'county', 'province', 'stateprovince', 'homestate', 'homeaddressstate', 'stateregion', 'mailingstate'],
  postalCode: ['postcodezip', 'zip', 'zipcode', 'postcode', 'postalcode', 'homepostcode', 'homezip', 'homeaddresszipcode', 'homeaddresszip', 'zippostalcode', 'mailingzip'],
  country: ['country', 'homecountry', 'homeaddresscountry', 'countryregion'],
  birthday: ['birthday', 'birthdate', 'dateofbirth', 'dob', 'born'],
  joinedOn: ['joined', 'joinedon', 'datejoined', 'joindate', 'membershipdate', 'memberdate', 'membersince', 'membershipstartdate'],
  status: ['membershipstatus', 'memberstatus', 'membership', 'membershiptype'],
  preferredContact: ['preferredcontact', 'preferredcontactmethod', 'contactpreference', 'contactmethod', 'bestwaytocontact'],
  householdId: ['householdid', 'familyid', 'familynumber', 'householdnumber', 'familyno', 'householdno', 'familykey', 'householdkey'],
  householdName: ['householdname', 'household', 'familylabel', 'envelopename'],
  householdRole: ['householdrole', 'familyrole', 'familyposition', 'familyrelationship', 'householdposition'],
  tags: ['tags', 'groups', 'tag', 'labels', 'lists'],
  skills: ['skills', 'gifts', 'talents', 'skillsandoffers', 'offers', 'canhelpwith'],
  dietary: ['dietaryneeds', 'dietary', 'diet', 'dietaryrequirements', 'dietaryrestrictions', 'foodallergies'],
  dietaryNotes: ['dietarynotes', 'dietnotes', 'allergynotes', 'dietarydetails'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks'],
}

/**
 * Vaguer headings, tried in this order only after every surer one: a lone "Phone" is most likely a mobile, but
 * next to a "Mobile" column it is the home phone; "Status" is membership only when nothing says "Membership".
 */
const FALLBACKS: [string, CsvField][] = [
  ['phone', 'mobilePhone'],
  ['phonenumber', 'mobilePhone'],
  ['phone', 'homePhone'],
  ['phonenumber', 'homePhone'],
  ['phone', 'otherPhone'],
  ['mail', 'email'],
  ['status', 'status'],
  ['category', 'status'],
  ['familyname', 'lastName'],
  ['familyname', 'householdName'],
  ['family', 'householdName'],
  ['relationship', 'householdRole'],
  ['role', 'householdRole'],
  ['position', 'householdRole'],
  ['ministries', 'tags'],
  ['serving', 'skills'],
  ['allergies', 'dietary'],
]

/** "E-mail Address" → "emailaddress": what a heading says, without case, accents, spaces or punctuation. */
export function compactHeading(heading: string): string {
  return foldForSearch(heading).replace(/[^a-z0-9]+/g, '')
}

/**
 * Guesses which field each column holds. Every field goes to at most one column; the surest match anywhere in
 * the file wins, so "Mobile" takes the mobile phone before a plain "Phone" column can.
 */
export function guessMapping(headers: string[]): (CsvField | null)[] {
  const candidates: { column: number; field: CsvField; rank: number }[] = []
  headers.forEach((heading, column) => {
    const compact = compactHeading(heading)
    if (!compact) return
    for (const [field, names] of Object.entries(SYNONYMS) as [CsvField, string[]][]) {
      const rank = names.indexOf(compact)
      if (rank >= 0) candidates.push({ column, field, rank })
    }
    FALLBACKS.forEach(([name, field], i) => {
      if (name === compact) candidates.push({ column, field, rank: 1000 + i })
    })
  })
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column)
  const mapping: (CsvField | null)[] = headers.map(() => null)
  const used = new Set<CsvField>()
  for (const c of candidates) {
    if (mapping[c.column] !== null || used.has(c.field)) continue
    mapping[c.column] = c.field
    used.add(c.field)
  }
  return mapping
}
