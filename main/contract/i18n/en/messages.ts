import { DEFAULT_TEMPLATES } from '../../reach'
import { labelsAs } from '../labels'

// Ready-to-send messages (copied to the clipboard by main): the standard words of each kind, in the volunteer's
// language, and the pieces Hearth fills in. Templates keep their {placeholders}; Hearth fills them itself.
export const messages = {
  ...labelsAs('messages.template', DEFAULT_TEMPLATES),
  // A care calendar of another kind than meals asks in its own words while the meal train's are the standard ones.
  'messages.template.care': 'Help for {recipient}\nCan you help? These times are still open:\n{days}\nTo sign up, {signup}\nThank you!',
  'messages.contacts.askedNotToBe': '{name} (asked not to be contacted)',
  'messages.day': '{day}: {meal}, {times}',
  'messages.everyDayTaken': '(Every day is taken. Thank you!)',
  'messages.everyTimeTaken': '(Every time is taken. Thank you!)',
  'messages.peopleNeeded': '{when} ({count} people needed)',
  'messages.dutyAt': '{duty}, at {where}',
  'messages.noRequests': '(No open requests just now.)',
  'messages.signup.replyToWithPhone': 'reply to {name} ({phone}).',
  'messages.signup.replyTo': 'reply to {name}.',
  'messages.signup.callOrText': 'call or text {phone}.',
  'messages.signup.replyHere': 'reply to this message.',
  'messages.congregation': 'the congregation',
  'messages.duty.meal': '{meal} for {name}',
  'messages.duty.giftCard': 'Gift card or groceries ({meal}) for {name}',
} as const
