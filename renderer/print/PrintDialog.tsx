import { Alert, Button, Group, Loader, Modal, Progress, Radio, ScrollArea, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMemo, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type DirectoryOptions, type LabelOptions, PROFILES_FOR, type PrintProfile, type PrintRequest } from '../../main/contract/print'
import { useHearthMutation, useHearthQuery } from '../api'
import { DirectoryOptionsFields } from './DirectoryOptions'
import { LabelOptionsFields } from './LabelOptions'
import { PdfPreview } from './PdfPreview'

let jobs = 0
// Unique within this window, which is all a job id needs (crypto.randomUUID is missing on non-secure origins).
const nextJobId = (key: string) => `${Date.now().toString(36)}-${++jobs}-${key.length}`

/**
 * Choose who the copy is for, see the real pages, then print or save. The PDF is made once in main; Print and
 * Save send those same bytes, so what is printed is what was previewed.
 */
export function PrintDialog({ request, opened, onClose }: { request: PrintRequest; opened: boolean; onClose: () => void }) {
  const intl = useIntl()
  const profiles = PROFILES_FOR[request.document]
  const [profile, setProfile] = useState<PrintProfile>(profiles[0] ?? 'volunteer')
  const [directoryOptions, setDirectoryOptions] = useState<DirectoryOptions>({})
  const [labelOptions, setLabelOptions] = useState<LabelOptions>(request.document === 'mailingLabels' ? request.options : { sheet: 'L7160' })
  const chosen: PrintRequest =
    request.document === 'directory'
      ? { ...request, options: { ...request.options, ...directoryOptions } }
      : request.document === 'mailingLabels'
        ? { ...request, options: labelOptions }
        : request
  // Each preview has its own job id, so the dialog can follow a long one and stop it.
  const chosenKey = JSON.stringify([chosen, profile])
  const jobId = useMemo(() => nextJobId(chosenKey), [chosenKey])
  const preview = useHearthQuery('print.preview', { request: chosen, profile, jobId }, { enabled: opened, staleTime: 0, gcTime: 0, retry: false })
  const making = opened && preview.isFetching
  const print = useHearthMutation('print.print', [])
  const save = useHearthMutation('print.save', [])
  const failure = (print.error ?? save.error)?.message
  const run = (action: 'print' | 'save') => {
    if (!preview.data) return
    const { token } = preview.data
    if (action === 'print') {
      save.reset()
      print.mutate({ token }, { onSuccess: ({ printed }) => printed && notifications.show({ message: intl.formatMessage({ id: 'print.sent' }), color: 'green' }) })
    } else {
      print.reset()
      save.mutate({ token }, { onSuccess: (saved) => saved && notifications.show({ message: intl.formatMessage({ id: 'print.saved' }, { path: saved.path }), color: 'green' }) })
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="auto"
      title={<FormattedMessage id={`print.document.${request.document}`} />}
      closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'app.close' }) }}
    >
      <Stack gap="md" w={720} maw="100%">
        {/* First in the window, so a long printout's progress and its Stop button are in sight at 800×600. */}
        {making ? <PreviewProgress jobId={jobId} /> : null}
        <Radio.Group
          label={intl.formatMessage({ id: 'print.profile.label' })}
          value={profile}
          onChange={(v) => setProfile(v as PrintProfile)}
        >
          <Stack gap={6} mt={6}>
            {profiles.map((p) => (
              <Radio key={p} value={p} label={intl.formatMessage({ id: `print.profile.${p}` })} description={intl.formatMessage({ id: `print.profile.${p}.help` })} />
            ))}
          </Stack>
        </Radio.Group>
        {request.document === 'directory' ? <DirectoryOptionsFields profile={profile} value={directoryOptions} onChange={setDirectoryOptions} /> : null}
        {request.document === 'mailingLabels' ? <LabelOptionsFields value={labelOptions} onChange={setLabelOptions} /> : null}
        {preview.error ? <Alert color="red">{preview.error.message}</Alert> : null}
        {failure ? <Alert color="red">{failure}</Alert> : null}
        <Group>
          <Button onClick={() => run('print')} disabled={!preview.data || preview.isFetching} loading={print.isPending}>
            <FormattedMessage id="print.print" />
          </Button>
          <Button variant="default" onClick={() => run('save')} disabled={!preview.data || preview.isFetching} loading={save.isPending}>
            <FormattedMessage id="print.save" />
          </Button>
          <Button variant="subtle" onClick={onClose}>
            <FormattedMessage id="app.close" />
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          <FormattedMessage id="print.preview.intro" />
        </Text>
        <ScrollArea.Autosize
          mah="60vh"
          type="auto"
          bg="gray.1"
          p="sm"
          aria-label={intl.formatMessage({ id: 'print.preview.label' })}
          // The pages scroll inside this box, so it takes focus: the arrow keys then scroll them without a mouse.
          viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': intl.formatMessage({ id: 'print.preview.label' }) }}
        >
          {preview.isFetching || !preview.data ? (
            preview.error ? null : (
              <Group justify="center" p="xl">
                <Loader aria-label={intl.formatMessage({ id: 'print.preview.making' })} />
              </Group>
            )
          ) : (
            <Stack gap="xs">
              {preview.data.previewPages !== undefined && preview.data.pages !== undefined && preview.data.previewPages < preview.data.pages ? (
                <Alert color="blue">
                  <FormattedMessage id="print.preview.firstPages" values={{ shown: preview.data.previewPages, total: preview.data.pages }} />
                </Alert>
              ) : null}
              <PdfPreview pdfBase64={preview.data.pdfBase64} />
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Stack>
    </Modal>
  )
}

/**
 * How far a long printout has got (a directory of thousands), and a button to stop it. Short ones finish before
 * the first report, so nothing shows for them but the spinner.
 */
function PreviewProgress({ jobId }: { jobId: string }) {
  const intl = useIntl()
  const progress = useHearthQuery('print.progress', { jobId }, { refetchInterval: 400, staleTime: 0, gcTime: 0 })
  const cancel = useHearthMutation('print.cancel', [])
  const p = progress.data
  if (!p) return null
  const percent = p.total > 0 ? Math.round((p.done / p.total) * 100) : 0
  const words =
    p.stage === 'reading'
      ? intl.formatMessage({ id: 'print.progress.reading' })
      : intl.formatMessage({ id: `print.progress.${p.stage}` }, { done: intl.formatNumber(p.done), total: intl.formatNumber(p.total) })
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <Stack gap={4} style={{ flex: 1 }}>
        <Text size="sm" role="status">
          {words}
        </Text>
        <Progress value={p.stage === 'reading' ? 100 : percent} animated={p.stage === 'reading'} aria-label={words} />
      </Stack>
      <Button
        variant="default"
        color="red"
        loading={cancel.isPending}
        onClick={() => cancel.mutate({ jobId })}
      >
        <FormattedMessage id="print.stop" />
      </Button>
    </Group>
  )
}
