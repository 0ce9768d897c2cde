import { FormattedMessage, useIntl } from 'react-intl'
import { EmptyState, Section } from '../shell/Section'

export function PrayerCirclesScreen() {
  const intl = useIntl()
  return (
    <Section title={intl.formatMessage({ id: 'nav.prayerCircles' })}>
      <EmptyState>
        <FormattedMessage id="app.emptySection" />
      </EmptyState>
    </Section>
  )
}
