import { Button, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ContactCopy, ContactSource } from '../../main/contract/reach'
import { type HearthCallError, useHearthMutation } from '../api'
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
  const copy = useHearthMutation('reach.copyContacts', [])
  const write = useHearthMutation('reach.writeEmail', [])
  const failed = (err: HearthCallError) => notifications.show({ message: err.message, color: 'red' })
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">
          <FormattedMessage id="reach.contact.menu" />
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => copy.mutate({ source, what: 'emails' }, { onSuccess: (r) => done('reach.copiedEmails', r), onError: failed })}>
          <FormattedMessage id="reach.copyEmails" />
        </Menu.Item>
        <Menu.Item onClick={() => copy.mutate({ source, what: 'mobiles' }, { onSuccess: (r) => done('reach.copiedMobiles', r), onError: failed })}>
          <FormattedMessage id="reach.copyMobiles" />
        </Menu.Item>
        <Menu.Item onClick={() => write.mutate({ source }, { onSuccess: (r) => done('reach.openedEmail', r), onError: failed })}>
          <FormattedMessage id="reach.writeEmail" />
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
