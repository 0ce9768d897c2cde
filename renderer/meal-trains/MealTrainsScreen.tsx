import { FormattedMessage, useIntl } from 'react-intl'
import { EmptyState, Section } from '../shell/Section'

export function MealTrainsScreen() {
  const intl = useIntl()
  return (
    <Section title={intl.formatMessage({ id: 'nav.mealTrains' })}>
      <EmptyState>
        <FormattedMessage id="app.emptySection" />
      </EmptyState>
    </Section>
  )
}
