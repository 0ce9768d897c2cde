// The first day of the week as a language and region print calendars: Monday in most of Europe, Sunday in the
// Americas and much of Asia, Saturday across much of the Arab world. Intl.Locale's week info answers where the
// runtime has it; the table answers where it has not (older Chromium and Node builds).

type WeekInfo = { firstDay: number; weekend?: number[] }
type WeekInfoLocale = Intl.Locale & { weekInfo?: WeekInfo; getWeekInfo?: () => WeekInfo }

// Regions whose week starts on Sunday or Saturday (CLDR weekData); every other region starts on Monday.
const SUNDAY = new Set('AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(' '))
const SATURDAY = new Set('AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '))
// The region a language's calendars follow when the locale names none ("ar" alone: Egypt, as CLDR's likely region).
const LIKELY_REGION: Record<string, string> = { ar: 'EG', de: 'DE', en: 'US', es: 'ES', fr: 'FR', pl: 'PL', pt: 'BR', he: 'IL', fa: 'IR', ja: 'JP', zh: 'CN', ko: 'KR' }

/** 1 = Monday … 7 = Sunday, by the table alone (the fallback, and what the tests hold Intl to). */
export function firstDayFromTable(locale: string): number {
  const parts = locale.replace(/_/g, '-').split('-')
  const language = parts[0]?.toLowerCase() ?? ''
  const region = parts.slice(1).find((p) => /^[A-Za-z]{2}$|^\d{3}$/.test(p))?.toUpperCase() ?? LIKELY_REGION[language] ?? ''
  if (SUNDAY.has(region)) return 7
  if (SATURDAY.has(region)) return 6
  return 1
}

/** 1 = Monday … 7 = Sunday: the first column of a calendar or week grid for this locale. */
export function firstDayOfWeek(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as WeekInfoLocale
    const day = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay
    if (day && day >= 1 && day <= 7) return day
  } catch {
    return 1
  }
  return firstDayFromTable(locale)
}

/** The weekend as ISO days (6, 7 = Saturday and Sunday): Friday and Saturday where the week starts on Saturday. */
export function weekendDays(locale: string): number[] {
  try {
    const info = new Intl.Locale(locale) as WeekInfoLocale
    const weekend = (info.getWeekInfo?.() ?? info.weekInfo)?.weekend
    if (weekend?.length) return weekend
  } catch {
    return [6, 7]
  }
  return firstDayFromTable(locale) === 6 ? [5, 6] : [6, 7]
}
