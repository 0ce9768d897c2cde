import { FormattedMessage, useIntl } from 'react-intl'
import { EmptyState, Section } from '../shell/Section'

export function MembersScreen() {
  const intl = useIntl()
  return (
    <Section title={intl.formatMessage({ id: 'nav.members' })}>
      <EmptyState>
        <FormattedMessage id="app.emptySection" />
      </EmptyState>
    </Section>
  )
}
