import { useIntl } from 'react-intl'

/** Joins the items of a list written in one line with the language's own separator (", " or Arabic "، "). */
export function useJoin(): (items: readonly string[]) => string {
  const intl = useIntl()
  const separator = intl.formatMessage({ id: 'app.listSeparator' })
  return (items) => items.join(separator)
}
