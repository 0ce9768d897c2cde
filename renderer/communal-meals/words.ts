import { useIntl } from 'react-intl'
import type { NeedView } from '../../main/contract/communal-meals'

/** An item of a meal as the screens name it: its own words when the coordinator gave some, else its course or job. */
export function useNeedName(): (need: Pick<NeedView, 'kind' | 'what' | 'label'>) => string {
  const intl = useIntl()
  return (need) => {
    const kind = need.kind === 'dish' ? intl.formatMessage({ id: 'communalMeals.courseName' }, { course: need.what }) : intl.formatMessage({ id: 'communalMeals.jobName' }, { job: need.what })
    return need.label?.trim() ? `${kind}: ${need.label.trim()}` : kind
  }
}
