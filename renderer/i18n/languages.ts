// The catalogs live in main/contract/i18n/ so the screens and the printouts speak from the same words.
export { formattingLocale, LANGUAGES, languageFor, messagesOf } from '../../main/contract/i18n/catalog'
