import { Badge } from '@mantine/core'
import { FormattedMessage } from 'react-intl'
import { useHearthQuery } from '../api'

/** Always in the header while the example congregation is open, so nobody mistakes it for their own data. */
export function ExampleBadge() {
  const home = useHearthQuery('home.view', { span: 7 })
  if (!home.data?.example) return null
  return (
    <Badge color="grape" variant="filled" size="lg" style={{ textTransform: 'none' }}>
      <FormattedMessage id="home.example.badge" />
    </Badge>
  )
}
