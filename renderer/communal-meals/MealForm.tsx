import { ActionIcon, Alert, Button, Group, Modal, NativeSelect, NumberInput, Radio, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { CommunalMealDetail, NeedInput } from '../../main/contract/communal-meals'
import { COMMUNAL_COURSES, COMMUNAL_JOBS, type CommunalCourse, type CommunalJob, type CommunalSeriesKind } from '../../main/contract/values'
import { useHearthMutation } from '../api'
import { DateField } from '../i18n/DateField'

/** One row of the list of needs as typed: a course or a job, how many, and for a dish how many each serves. */
interface NeedRow {
  key: number
  id?: number
  what: string
  label: string
  wanted: number | string
  serves: number | string
}

let nextKey = 1
const row = (what: string, wanted: number, serves: number | '' = ''): NeedRow => ({ key: nextKey++, what, label: '', wanted, serves })

/** What most bring-and-share lunches ask for; the coordinator changes the numbers rather than starting blank. */
const STARTING_NEEDS = (): NeedRow[] => [row('main', 4, 8), row('side', 2, 8), row('dessert', 2, 10), row('setup', 2), row('washing_up', 3)]
const IFTAR_NEEDS = (): NeedRow[] => [row('sponsor', 1), row('cook', 2), row('main', 3, 20), row('setup', 2), row('washing_up', 3)]

const isCourse = (what: string): what is CommunalCourse => (COMMUNAL_COURSES as readonly string[]).includes(what)

function toNeeds(rows: NeedRow[]): NeedInput[] {
  return rows.map((r) => {
    const wanted = Number(r.wanted) || 1
    const label = r.label.trim() || null
    return isCourse(r.what)
      ? { ...(r.id ? { id: r.id } : {}), kind: 'dish', course: r.what, label, wanted, serves: r.serves === '' ? null : Number(r.serves) || null }
      : { ...(r.id ? { id: r.id } : {}), kind: 'job', job: r.what as CommunalJob, label, wanted }
  })
}

function fromMeal(meal: CommunalMealDetail): NeedRow[] {
  return meal.needs.map((n) => ({ key: nextKey++, id: n.id, what: n.what, label: n.label ?? '', wanted: n.wanted, serves: n.serves ?? '' }))
}

/** The list of what a meal needs, one row an item, every field reachable with Tab. */
function NeedsEditor({ rows, onChange }: { rows: NeedRow[]; onChange: (rows: NeedRow[]) => void }) {
  const intl = useIntl()
  const data: { group: string; items: { value: string; label: string }[] }[] = [
    { group: intl.formatMessage({ id: 'communalMeals.form.dishes' }), items: COMMUNAL_COURSES.map((c) => ({ value: c, label: intl.formatMessage({ id: 'communalMeals.courseName' }, { course: c }) })) },
    { group: intl.formatMessage({ id: 'communalMeals.form.jobs' }), items: COMMUNAL_JOBS.map((j) => ({ value: j, label: intl.formatMessage({ id: 'communalMeals.jobName' }, { job: j }) })) },
  ]
  const set = (key: number, patch: Partial<NeedRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)))
  return (
    <Stack gap="xs" role="group" aria-label={intl.formatMessage({ id: 'communalMeals.form.needs' })}>
      {rows.map((r, i) => {
        const item = data.flatMap((g) => g.items).find((x) => x.value === r.what)?.label ?? r.what
        return (
          <Group key={r.key} align="flex-end" gap="xs" wrap="wrap">
            <NativeSelect label={intl.formatMessage({ id: 'communalMeals.form.item' }, { number: i + 1 })} data={data} value={r.what} onChange={(e) => set(r.key, { what: e.currentTarget.value })} w={170} />
            <TextInput label={intl.formatMessage({ id: 'communalMeals.form.label' })} value={r.label} onChange={(e) => set(r.key, { label: e.currentTarget.value })} w={180} />
            <NumberInput label={intl.formatMessage({ id: 'communalMeals.form.wanted' })} min={1} max={500} value={r.wanted} onChange={(v) => set(r.key, { wanted: v })} w={100} />
            {isCourse(r.what) ? (
              <NumberInput label={intl.formatMessage({ id: 'communalMeals.form.serves' })} min={1} max={1000} value={r.serves} onChange={(v) => set(r.key, { serves: v })} w={110} />
            ) : null}
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={intl.formatMessage({ id: 'communalMeals.form.remove' }, { item })} onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
              ×
            </ActionIcon>
          </Group>
        )
      })}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange([...rows, row('main', 1, '')])}>
          <FormattedMessage id="communalMeals.form.addItem" />
        </Button>
      </Group>
    </Stack>
  )
}

/** Creates a meal, or edits one (its needs keep their sign-ups). */
export function MealForm({ meal, onClose, onSaved }: { meal?: CommunalMealDetail; onClose: () => void; onSaved: (id: number) => void }) {
  const intl = useIntl()
  const [title, setTitle] = useState(meal?.title ?? '')
  const [date, setDate] = useState(meal?.date ?? '')
  const [time, setTime] = useState(meal?.time ?? '')
  const [place, setPlace] = useState(meal?.place ?? '')
  const [purpose, setPurpose] = useState(meal?.purpose ?? '')
  const [rows, setRows] = useState<NeedRow[]>(meal ? fromMeal(meal) : STARTING_NEEDS)
  const create = useHearthMutation('communalMeals.create')
  const update = useHearthMutation('communalMeals.update')
  const saving = create.isPending || update.isPending
  const error = create.error ?? update.error
  const save = () => {
    if (saving) return
    const fields = { title, date, time: time || null, place: place || null, purpose: purpose || null, needs: toNeeds(rows) }
    if (meal) update.mutate({ id: meal.id, fields }, { onSuccess: (r) => onSaved(r.id) })
    else create.mutate(fields, { onSuccess: (r) => onSaved(r.id) })
  }
  return (
    <Modal opened onClose={onClose} size="xl" title={intl.formatMessage({ id: meal ? 'communalMeals.form.editTitle' : 'communalMeals.form.newTitle' })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <Stack gap="md">
          {error ? <Alert color="red">{error.message}</Alert> : null}
          <TextInput data-autofocus label={intl.formatMessage({ id: 'communalMeals.form.title' })} required value={title} error={error?.fields.title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <Group grow align="flex-start">
            <DateField label={intl.formatMessage({ id: 'communalMeals.form.date' })} required value={date} error={error?.fields.date} onChange={(e) => setDate(e.currentTarget.value)} />
            <TextInput label={intl.formatMessage({ id: 'communalMeals.form.time' })} placeholder="12:30" value={time} error={error?.fields.time} onChange={(e) => setTime(e.currentTarget.value)} />
          </Group>
          <TextInput label={intl.formatMessage({ id: 'communalMeals.form.place' })} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
          <Textarea label={intl.formatMessage({ id: 'communalMeals.form.purpose' })} autosize value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} />
          <NeedsEditor rows={rows} onChange={setRows} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button type="submit" loading={saving}>
              <FormattedMessage id="communalMeals.form.save" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** Makes a series: every night of Ramadan from its first night (with an Eid meal after), or a monthly lunch. */
export function SeriesForm({ onClose, onSaved }: { onClose: () => void; onSaved: (id: number) => void }) {
  const intl = useIntl()
  const [kind, setKind] = useState<CommunalSeriesKind>('nightly')
  const [title, setTitle] = useState('')
  const [startsOn, setStartsOn] = useState('')
  const [count, setCount] = useState<number | string>(30)
  const [closing, setClosing] = useState(intl.formatMessage({ id: 'communalMeals.eid' }))
  const [time, setTime] = useState('')
  const [place, setPlace] = useState('')
  const [rows, setRows] = useState<NeedRow[]>(IFTAR_NEEDS)
  const create = useHearthMutation('communalMeals.createSeries')
  const save = () => {
    if (create.isPending) return
    create.mutate(
      { title, kind, startsOn, count: Number(count) || 1, closingTitle: closing.trim() || null, time: time || null, place: place || null, purpose: null, needs: toNeeds(rows) },
      { onSuccess: (r) => onSaved(r.id) },
    )
  }
  return (
    <Modal opened onClose={onClose} size="xl" title={intl.formatMessage({ id: 'communalMeals.series.newTitle' })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <Stack gap="md">
          {create.error ? <Alert color="red">{create.error.message}</Alert> : null}
          <Radio.Group
            label={intl.formatMessage({ id: 'communalMeals.series.kind' })}
            value={kind}
            onChange={(v) => {
              setKind(v as CommunalSeriesKind)
              if (v === 'monthly') {
                setCount(12)
                setClosing('')
                setRows(STARTING_NEEDS())
              }
            }}
          >
            <Group mt="xs">
              <Radio value="nightly" label={intl.formatMessage({ id: 'communalMeals.series.kind.nightly' })} />
              <Radio value="monthly" label={intl.formatMessage({ id: 'communalMeals.series.kind.monthly' })} />
            </Group>
          </Radio.Group>
          <TextInput data-autofocus label={intl.formatMessage({ id: 'communalMeals.form.title' })} required value={title} error={create.error?.fields.title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <Group grow align="flex-start">
            <DateField label={intl.formatMessage({ id: 'communalMeals.series.startsOn' })} required value={startsOn} error={create.error?.fields.startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} />
            <NumberInput label={intl.formatMessage({ id: 'communalMeals.series.count' })} min={1} max={60} value={count} onChange={setCount} />
            <TextInput label={intl.formatMessage({ id: 'communalMeals.form.time' })} placeholder="17:45" value={time} error={create.error?.fields.time} onChange={(e) => setTime(e.currentTarget.value)} />
          </Group>
          <TextInput label={intl.formatMessage({ id: 'communalMeals.series.closing' })} value={closing} onChange={(e) => setClosing(e.currentTarget.value)} />
          <TextInput label={intl.formatMessage({ id: 'communalMeals.form.place' })} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
          <NeedsEditor rows={rows} onChange={setRows} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button type="submit" loading={create.isPending}>
              <FormattedMessage id="communalMeals.series.save" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
