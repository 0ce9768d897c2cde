import type { IntlShape } from 'react-intl'
import type { StandingSlot } from '../../main/contract/standing-hours'

/** What a clock change does to a standing slot that night, in the volunteer's language (null when nothing). */
export function clockText(intl: IntlShape, s: Pick<StandingSlot, 'clock' | 'localStart' | 'localEnd' | 'minutes'>): string | null {
  const values = { start: s.localStart, end: s.localEnd, minutes: s.minutes }
  switch (s.clock) {
    case 'none':
      return null
    case 'skipped':
      return intl.formatMessage({ id: 'standing.clock.skipped' }, values)
    case 'shorter':
      return intl.formatMessage({ id: 'standing.clock.shorter' }, values)
    case 'longer':
      return intl.formatMessage({ id: 'standing.clock.longer' }, values)
  }
}
