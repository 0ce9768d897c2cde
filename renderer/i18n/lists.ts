import { useIntl } from 'react-intl'

/** Joins the items of a list written in one line with the language's own separator (", " or Arabic "، "). */
export function useJoin(): (items: readonly string[]) => string {
  const intl = useIntl()
  const separator = intl.formatMessage({ id: 'app.listSeparator' })
  const stronger = intl.formatMessage({ id: 'app.listSeparator.stronger' })
  return (items) => joinItems(items, separator, stronger)
}

/**
 * Items that hold the separator themselves ("miércoles, 2 de diciembre") are joined with the stronger one ("; "),
 * or "miércoles, 2 de diciembre, viernes, 4 de diciembre" reads as four things.
 */
export function joinItems(items: readonly string[], separator: string, stronger: string): string {
  const mark = separator.trim()
  return items.join(items.some((item) => item.includes(mark)) ? stronger : separator)
}
