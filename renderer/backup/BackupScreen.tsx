import { FormattedMessage, useIntl } from 'react-intl'
import { EmptyState, Section } from '../shell/Section'

export function BackupScreen() {
  const intl = useIntl()
  return (
    <Section title={intl.formatMessage({ id: 'nav.backup' })}>
      <EmptyState>
        <FormattedMessage id="app.emptySection" />
      </EmptyState>
    </Section>
  )
}
