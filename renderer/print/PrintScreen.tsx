import { FormattedMessage, useIntl } from 'react-intl'
import { EmptyState, Section } from '../shell/Section'

export function PrintScreen() {
  const intl = useIntl()
  return (
    <Section title={intl.formatMessage({ id: 'nav.print' })}>
      <EmptyState>
        <FormattedMessage id="app.emptySection" />
      </EmptyState>
    </Section>
  )
}
