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
 * ChurchSuite, Elvanto, ChMeetings, Realm/ACS; in German, French, Spanish, Portuguese, Polish and Arabic as
 * those programs and hand-made lists write them), folded to bare letters and digits (ß→ss, no accents, Arabic
 * letter variants unified), surest first. English first, then the other languages.
 */
const SYNONYMS: Record<CsvField, string[]> = {
  firstName: [
    'firstname', 'first', 'givenname', 'forename', 'forenames', 'fname', 'christianname',
    'vorname', 'vornamen', 'prenom', 'prenoms', 'nombre', 'nombres', 'primernombre', 'primeironome', 'prenome', 'imie', 'imiona',
    'الاسمالاول', 'الاسمالشخصي',
  ],
  lastName: [
    'lastname', 'surname', 'last', 'lname',
    'nachname', 'familienname', 'zuname', 'nom', 'nomdefamille', 'apellido', 'apellidos', 'primerapellido', 'sobrenome', 'apelido', 'ultimonome', 'nazwisko',
    'اسمالعائله', 'اللقب', 'الكنيه',
  ],
  fullName: [
    'name', 'fullname', 'displayname', 'personname', 'membername', 'individualname', 'contactname',
    'vollstandigername', 'nomcomplet', 'nombrecompleto', 'nomecompleto', 'imieinazwisko', 'الاسمالكامل',
  ],
  preferredName: [
    'preferredname', 'nickname', 'goesby', 'knownas', 'preferredfirstname',
    'rufname', 'spitzname', 'surnom', 'nomdusage', 'apodo', 'nombrepreferido', 'apelidocarinhoso', 'nomepreferido', 'pseudonim', 'الاسمالمفضل',
  ],
  mobilePhone: [
    'mobilephone', 'mobile', 'cellphone', 'cell', 'mobilephonenumber', 'cellphonenumber', 'mobilenumber', 'cellnumber', 'phonemobile', 'phonecell',
    'handy', 'mobil', 'mobiltelefon', 'mobilnummer', 'handynummer', 'telefonmobil', 'portable', 'telportable', 'telephoneportable', 'telephonemobile', 'gsm',
    'movil', 'celular', 'telefonomovil', 'telefonocelular', 'telemovel', 'telefonecelular', 'telefonkomorkowy', 'komorka', 'telkom', 'nrkomorki',
    'الجوال', 'جوال', 'الموبايل', 'موبايل', 'المحمول', 'رقمالجوال', 'رقمالموبايل',
  ],
  homePhone: [
    'homephone', 'home', 'telephone', 'homephonenumber', 'phonehome', 'landline', 'householdphone', 'familyphone', 'homenumber',
    'festnetz', 'telefonprivat', 'privattelefon', 'telephonefixe', 'telfixe', 'fixe', 'telephonedomicile', 'teldomicile',
    'telefonofijo', 'fijo', 'telefonocasa', 'telefonefixo', 'telefoneresidencial', 'telefondomowy', 'telefonstacjonarny', 'هاتفالمنزل',
  ],
  otherPhone: [
    'otherphone', 'workphone', 'work', 'workphonenumber', 'businessphone', 'phonework', 'phone2', 'alternatephone', 'worktelephone',
    'telefondienstlich', 'telefongeschaftlich', 'telefon2', 'telephonetravail', 'telpro', 'telephone2', 'telefonotrabajo', 'telefono2',
    'telefonetrabalho', 'telefone2', 'telefonsluzbowy', 'هاتفالعمل',
  ],
  email: [
    'email', 'emailaddress', 'email1', 'primaryemail', 'homeemail', 'personalemail',
    'emailadresse', 'adresseemail', 'adressemail', 'courriel', 'mel', 'correo', 'correoelectronico', 'correioeletronico', 'adresemail',
    'البريدالالكتروني', 'الايميل', 'البريد',
  ],
  address1: [
    'address1', 'addressline1', 'address', 'street', 'streetaddress', 'homeaddress', 'homeaddressstreetline1', 'homeaddress1', 'addressstreet', 'mailingaddress', 'mailingstreet', 'street1', 'line1', 'homestreet',
    'strasse', 'strasseundhausnummer', 'strassenr', 'strassehausnummer', 'adresse', 'anschrift', 'adresse1', 'rue', 'direccion', 'calle', 'domicilio',
    'endereco', 'morada', 'rua', 'logradouro', 'ulica', 'adres', 'العنوان',
  ],
  address2: ['address2', 'addressline2', 'homeaddressstreetline2', 'homeaddress2', 'street2', 'line2', 'adresszusatz', 'adresse2', 'complementdadresse', 'direccion2', 'complemento', 'adres2'],
  city: [
    'city', 'town', 'towncity', 'homecity', 'homeaddresscity', 'suburb', 'locality', 'mailingcity',
    'ort', 'wohnort', 'stadt', 'ville', 'commune', 'localite', 'ciudad', 'localidad', 'municipio', 'poblacion', 'cidade', 'miasto', 'miejscowosc', 'المدينه',
  ],
  region: [
    'statecounty', 'state', 'region', 'county', 'province', 'stateprovince', 'homestate', 'homeaddressstate', 'stateregion', 'mailingstate',
    'bundesland', 'kanton', 'departement', 'provincia', 'estado', 'distrito', 'uf', 'wojewodztwo', 'المنطقه', 'المحافظه',
  ],
  postalCode: [
    'postcodezip', 'zip', 'zipcode', 'postcode', 'postalcode', 'homepostcode', 'homezip', 'homeaddresszipcode', 'homeaddresszip', 'zippostalcode', 'mailingzip', 'homepostalcode',
    'plz', 'postleitzahl', 'codepostal', 'cp', 'codigopostal', 'cep', 'kodpocztowy', 'الرمزالبريدي',
  ],
  country: ['country', 'homecountry', 'homeaddresscountry', 'countryregion', 'homecountryregion', 'land', 'pays', 'pais', 'kraj', 'البلد', 'الدوله'],
  birthday: [
    'birthday', 'birthdate', 'dateofbirth', 'dob', 'born',
    'geburtstag', 'geburtsdatum', 'datedenaissance', 'naissance', 'anniversaire', 'fechadenacimiento', 'cumpleanos', 'nacimiento',
    'datadenascimento', 'nascimento', 'aniversario', 'dataurodzenia', 'urodziny', 'تاريخالميلاد', 'الميلاد',
  ],
  joinedOn: [
    'joined', 'joinedon', 'datejoined', 'joindate', 'membershipdate', 'memberdate', 'membersince', 'membershipstartdate',
    'eintrittsdatum', 'eintritt', 'mitgliedseit', 'datedadhesion', 'membredepuis', 'fechadeingreso', 'miembrodesde', 'datadeadesao', 'membrodesde', 'datadolaczenia', 'czlonekod', 'تاريخالانضمام',
  ],
  status: ['membershipstatus', 'memberstatus', 'membership', 'membershiptype', 'classification', 'peoplecategory', 'membercategory', 'mitgliedsstatus', 'mitgliedschaft', 'statutdemembre', 'estadodemiembro', 'membresia', 'situacao', 'statusczlonka'],
  preferredContact: ['preferredcontact', 'preferredcontactmethod', 'contactpreference', 'contactmethod', 'bestwaytocontact', 'bevorzugterkontakt', 'contactprefere', 'contactopreferido', 'preferowanykontakt'],
  householdId: ['householdid', 'familyid', 'familynumber', 'householdnumber', 'familyno', 'householdno', 'familykey', 'householdkey', 'familiennummer', 'haushaltsnummer', 'idfoyer', 'idfamille', 'idfamilia', 'numerodefamilia'],
  householdName: ['householdname', 'household', 'familylabel', 'envelopename', 'haushalt', 'foyer', 'hogar', 'agregado', 'gospodarstwo', 'الاسره', 'العائله'],
  householdRole: ['householdrole', 'familyrole', 'familyposition', 'familyrelationship', 'householdposition', 'rolle', 'roledanslefoyer', 'parentesco', 'rolnarodzinie'],
  tags: ['tags', 'groups', 'tag', 'labels', 'lists', 'categories', 'groupmembership', 'gruppen', 'groupes', 'etiquettes', 'grupos', 'etiquetas', 'grupy', 'tagi', 'المجموعات'],
  skills: ['skills', 'gifts', 'talents', 'skillsandoffers', 'offers', 'canhelpwith', 'fahigkeiten', 'gaben', 'competences', 'dons', 'habilidades', 'dones', 'talentos', 'umiejetnosci', 'المهارات'],
  dietary: ['dietaryneeds', 'dietary', 'diet', 'dietaryrequirements', 'dietaryrestrictions', 'foodallergies', 'ernahrung', 'regimealimentaire', 'dieta', 'restriccionesalimentarias', 'restricoesalimentares', 'النظامالغذائي'],
  dietaryNotes: ['dietarynotes', 'dietnotes', 'allergynotes', 'dietarydetails'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'bemerkungen', 'bemerkung', 'notizen', 'anmerkungen', 'remarques', 'commentaires', 'notas', 'comentarios', 'observaciones', 'observacoes', 'uwagi', 'notatki', 'ملاحظات'],
}

/**
 * Vaguer headings, tried in this order only after every surer one: a lone "Phone" is most likely a mobile, but
 * next to a "Mobile" column it is the home phone; "Status" is membership only when nothing says "Membership".
 */
const FALLBACKS: [string, CsvField][] = [
  ...['phone', 'phonenumber', 'telefon', 'telefonnummer', 'tel', 'telephone', 'telefono', 'telefone', 'الهاتف', 'هاتف', 'رقمالهاتف'].flatMap(
    (name): [string, CsvField][] => [[name, 'mobilePhone'], [name, 'homePhone'], [name, 'otherPhone']],
  ),
  ['mail', 'email'],
  ['status', 'status'],
  ['statut', 'status'],
  ['الحاله', 'status'],
  ['category', 'status'],
  ['familyname', 'lastName'],
  ['familyname', 'householdName'],
  ['family', 'householdName'],
  ['familie', 'householdName'],
  ['famille', 'householdName'],
  ['familia', 'householdName'],
  ['rodzina', 'householdName'],
  ['relationship', 'householdRole'],
  ['role', 'householdRole'],
  ['rol', 'householdRole'],
  ['position', 'householdRole'],
  ['nome', 'fullName'],
  ['الاسم', 'fullName'],
  ['ministries', 'tags'],
  ['serving', 'skills'],
  ['allergies', 'dietary'],
  ['allergien', 'dietary'],
  ['alergias', 'dietary'],
  ['alergie', 'dietary'],
]

/**
 * "E-mail Address" → "emailaddress", "Straße" → "strasse", "الاسم الأول" → "الاسمالاول": what a heading says in
 * any alphabet, without case, accents, spaces or punctuation.
 */
export function compactHeading(heading: string): string {
  return foldForSearch(heading).replace(/[^\p{L}\p{N}]+/gu, '')
}

/**
 * Guesses which field each column holds. Every field goes to at most one column; the surest match anywhere in
 * the file wins, so "Mobile" takes the mobile phone before a plain "Phone" column can.
 */
// The lists above are written as headings read; folded once here the same way as the file's headings.
const FOLDED_SYNONYMS = Object.entries(SYNONYMS).map(([field, names]) => [field, names.map(compactHeading)] as [CsvField, string[]])
const FOLDED_FALLBACKS = FALLBACKS.map(([name, field]) => [compactHeading(name), field] as [string, CsvField])

export function guessMapping(headers: string[]): (CsvField | null)[] {
  const candidates: { column: number; field: CsvField; rank: number }[] = []
  headers.forEach((heading, column) => {
    const compact = compactHeading(heading)
    if (!compact) return
    for (const [field, names] of FOLDED_SYNONYMS) {
      const rank = names.indexOf(compact)
      if (rank >= 0) candidates.push({ column, field, rank })
    }
    FOLDED_FALLBACKS.forEach(([name, field], i) => {
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
