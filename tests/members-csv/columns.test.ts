import { describe, expect, it } from 'vitest'
import type { CsvField } from '../../main/contract/members-csv'
import { EXPORT_HEADERS, guessMapping } from '../../main/members-csv/columns'

function mapped(headers: string[]): Record<string, CsvField | null> {
  const mapping = guessMapping(headers)
  return Object.fromEntries(headers.map((h, i) => [h, mapping[i] ?? null]))
}

describe('guessing what each column holds', () => {
  it("recognises every heading of Hearth's own export", () => {
    const headers = Object.values(EXPORT_HEADERS)
    expect(guessMapping(headers)).toEqual(Object.keys(EXPORT_HEADERS))
  })

  it('reads a Planning Center People export', () => {
    expect(
      mapped([
        'Person ID',
        'First Name',
        'Middle Name',
        'Last Name',
        'Nickname',
        'Birthdate',
        'Status',
        'Membership',
        'Home Email',
        'Mobile Phone Number',
        'Home Phone Number',
        'Work Phone Number',
        'Home Address Street Line 1',
        'Home Address Street Line 2',
        'Home Address City',
        'Home Address State',
        'Home Address Zip Code',
        'Household ID',
        'Household Name',
      ]),
    ).toEqual({
      'Person ID': null,
      'First Name': 'firstName',
      'Middle Name': null,
      'Last Name': 'lastName',
      Nickname: 'preferredName',
      Birthdate: 'birthday',
      // "Membership" says member/visitor; PCO's "Status" is only active/inactive, so it is left out.
      Status: null,
      Membership: 'status',
      'Home Email': 'email',
      'Mobile Phone Number': 'mobilePhone',
      'Home Phone Number': 'homePhone',
      'Work Phone Number': 'otherPhone',
      'Home Address Street Line 1': 'address1',
      'Home Address Street Line 2': 'address2',
      'Home Address City': 'city',
      'Home Address State': 'region',
      'Home Address Zip Code': 'postalCode',
      'Household ID': 'householdId',
      'Household Name': 'householdName',
    })
  })

  it('reads a Breeze export', () => {
    expect(
      mapped(['Breeze ID', 'First Name', 'Last Name', 'Nickname', 'Status', 'Birthdate', 'Family ID', 'Family Role', 'Mobile', 'Home', 'Work', 'Email', 'Street Address', 'City', 'State', 'Zip', 'Tags']),
    ).toEqual({
      'Breeze ID': null,
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Nickname: 'preferredName',
      Status: 'status',
      Birthdate: 'birthday',
      'Family ID': 'householdId',
      'Family Role': 'householdRole',
      Mobile: 'mobilePhone',
      Home: 'homePhone',
      Work: 'otherPhone',
      Email: 'email',
      'Street Address': 'address1',
      City: 'city',
      State: 'region',
      Zip: 'postalCode',
      Tags: 'tags',
    })
  })

  it('reads a ChurchSuite export (British address headings)', () => {
    expect(
      mapped(['First Name', 'Last Name', 'Date of Birth', 'Mobile', 'Telephone', 'Email', 'Address', 'Address 2', 'City', 'County', 'Postcode', 'Country', 'Tags', 'Membership Status']),
    ).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'Date of Birth': 'birthday',
      Mobile: 'mobilePhone',
      Telephone: 'homePhone',
      Email: 'email',
      Address: 'address1',
      'Address 2': 'address2',
      City: 'city',
      County: 'region',
      Postcode: 'postalCode',
      Country: 'country',
      Tags: 'tags',
      'Membership Status': 'status',
    })
  })

  it('reads Elvanto and Realm/ACS headings', () => {
    expect(mapped(['First Name', 'Preferred Name', 'Last Name', 'Phone', 'Mobile', 'Family ID', 'Family Relationship', 'Home Address', 'Home City', 'Home Postcode'])).toEqual({
      'First Name': 'firstName',
      'Preferred Name': 'preferredName',
      'Last Name': 'lastName',
      // Beside a "Mobile" column a plain "Phone" is the home phone.
      Phone: 'homePhone',
      Mobile: 'mobilePhone',
      'Family ID': 'householdId',
      'Family Relationship': 'householdRole',
      'Home Address': 'address1',
      'Home City': 'city',
      'Home Postcode': 'postalCode',
    })
    expect(mapped(['Individual ID', 'Family ID', 'Family Position', 'First Name', 'Goes By', 'Last Name', 'Email Address', 'Cell Phone', 'Home Phone', 'Address1', 'Zip Code', 'Date Joined'])).toEqual({
      'Individual ID': null,
      'Family ID': 'householdId',
      'Family Position': 'householdRole',
      'First Name': 'firstName',
      'Goes By': 'preferredName',
      'Last Name': 'lastName',
      'Email Address': 'email',
      'Cell Phone': 'mobilePhone',
      'Home Phone': 'homePhone',
      Address1: 'address1',
      'Zip Code': 'postalCode',
      'Date Joined': 'joinedOn',
    })
  })

  it('handles a plain hand-made sheet: accents, odd spacing, a lone Phone, a single Name column, a French Nom', () => {
    expect(mapped(['  Nom ', 'Name', 'E-mail', 'Phone', 'Téléphone', 'Allergies', 'Notes'])).toEqual({
      '  Nom ': 'lastName',
      Name: 'fullName',
      'E-mail': 'email',
      Phone: 'mobilePhone',
      Téléphone: 'homePhone',
      Allergies: 'dietary',
      Notes: 'notes',
    })
  })

  it('never gives one field to two columns', () => {
    const mapping = guessMapping(['Email', 'Email Address', 'E-mail', 'First Name', 'First'])
    expect(mapping).toEqual(['email', null, null, 'firstName', null])
  })

  it('maps a German sheet as Excel writes it (semicolons, ß), every column', () => {
    expect(mapped(['Vorname', 'Nachname', 'Straße', 'PLZ', 'Ort', 'Telefon', 'Handy', 'E-Mail', 'Geburtstag', 'Eintrittsdatum', 'Bemerkungen'])).toEqual({
      Vorname: 'firstName',
      Nachname: 'lastName',
      Straße: 'address1',
      PLZ: 'postalCode',
      Ort: 'city',
      Telefon: 'homePhone',
      Handy: 'mobilePhone',
      'E-Mail': 'email',
      Geburtstag: 'birthday',
      Eintrittsdatum: 'joinedOn',
      Bemerkungen: 'notes',
    })
    expect(mapped(['Vorname', 'Nachname', 'Straße', 'PLZ', 'Ort', 'Telefon', 'Geburtstag'])).toMatchObject({ Telefon: 'mobilePhone' })
  })

  it('maps French, Spanish, Portuguese, Polish and Arabic headings', () => {
    expect(mapped(['Prénom', 'Nom', 'Adresse', 'Code postal', 'Ville', 'Téléphone portable', 'Courriel', 'Date de naissance', 'Remarques'])).toEqual({
      Prénom: 'firstName',
      Nom: 'lastName',
      Adresse: 'address1',
      'Code postal': 'postalCode',
      Ville: 'city',
      'Téléphone portable': 'mobilePhone',
      Courriel: 'email',
      'Date de naissance': 'birthday',
      Remarques: 'notes',
    })
    expect(mapped(['Nombre', 'Apellidos', 'Dirección', 'Código postal', 'Ciudad', 'Móvil', 'Correo electrónico', 'Fecha de nacimiento'])).toEqual({
      Nombre: 'firstName',
      Apellidos: 'lastName',
      Dirección: 'address1',
      'Código postal': 'postalCode',
      Ciudad: 'city',
      Móvil: 'mobilePhone',
      'Correo electrónico': 'email',
      'Fecha de nacimiento': 'birthday',
    })
    expect(mapped(['Primeiro nome', 'Sobrenome', 'Endereço', 'CEP', 'Cidade', 'Celular', 'Data de nascimento'])).toEqual({
      'Primeiro nome': 'firstName',
      Sobrenome: 'lastName',
      Endereço: 'address1',
      CEP: 'postalCode',
      Cidade: 'city',
      Celular: 'mobilePhone',
      'Data de nascimento': 'birthday',
    })
    expect(mapped(['Imię', 'Nazwisko', 'Ulica', 'Kod pocztowy', 'Miejscowość', 'Telefon komórkowy', 'Data urodzenia', 'Uwagi'])).toEqual({
      Imię: 'firstName',
      Nazwisko: 'lastName',
      Ulica: 'address1',
      'Kod pocztowy': 'postalCode',
      Miejscowość: 'city',
      'Telefon komórkowy': 'mobilePhone',
      'Data urodzenia': 'birthday',
      Uwagi: 'notes',
    })
    expect(mapped(['الاسم الأول', 'اسم العائلة', 'الهاتف', 'البريد الإلكتروني', 'العنوان', 'المدينة', 'تاريخ الميلاد', 'ملاحظات'])).toEqual({
      'الاسم الأول': 'firstName',
      'اسم العائلة': 'lastName',
      الهاتف: 'mobilePhone',
      'البريد الإلكتروني': 'email',
      العنوان: 'address1',
      المدينة: 'city',
      'تاريخ الميلاد': 'birthday',
      ملاحظات: 'notes',
    })
  })
})
