import { Button, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ContactCopy, ContactSource } from '../../main/contract/reach'
import { call, type HearthCallError } from '../api'
import { useJoin } from '../i18n/lists'

/**
 * Copy email addresses (for BCC), copy mobile numbers, or write an email to everyone in a list. Main does the
 * copying and opens the mail program; the notice names anyone left out, so they can be phoned.
 */
export function ContactMenu({ source }: { source: ContactSource }) {
  const intl = useIntl()
  const join = useJoin()
  const done = (id: 'reach.copiedEmails' | 'reach.copiedMobiles' | 'reach.openedEmail', r: ContactCopy) => {
    const missing = r.missing.length ? ` ${intl.formatMessage({ id: 'reach.missing' }, { names: join(r.missing) })}` : ''
    // A long list opens several messages, or is copied instead: the notice says which, and stays until read.
    const said = r.messages === 0 ? 'reach.emailCopiedInstead' : r.messages !== undefined && r.messages > 1 ? 'reach.openedEmails' : id
    const long = r.missing.length > 0 || said !== id
    notifications.show({ message: `${intl.formatMessage({ id: said }, { count: r.copied, messages: r.messages ?? 1 })}${missing}`, color: 'green', autoClose: long ? 15_000 : 5_000 })
  }
  const run = async (action: () => Promise<void>) => {
    try {
      await action()
    } catch (err) {
      notifications.show({ message: (err as HearthCallError).message, color: 'red' })
    }
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">
          <FormattedMessage id="reach.contact.menu" />
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => run(async () => done('reach.copiedEmails', await call('reach.copyContacts', { source, what: 'emails' })))}>
          <FormattedMessage id="reach.copyEmails" />
        </Menu.Item>
        <Menu.Item onClick={() => run(async () => done('reach.copiedMobiles', await call('reach.copyContacts', { source, what: 'mobiles' })))}>
          <FormattedMessage id="reach.copyMobiles" />
        </Menu.Item>
        <Menu.Item onClick={() => run(async () => done('reach.openedEmail', await call('reach.writeEmail', { source })))}>
          <FormattedMessage id="reach.writeEmail" />
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
