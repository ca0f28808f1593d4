import { useState } from 'react';
import { ImportEntity, type PromotionEvent } from '@irm/contracts';
import { Accordion, Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError } from '../../../shared/ui';
import { ColumnGuide, FileDrop, ImportJobView, isFinished, useImportJob, useUploadImport } from '../../imports';

/**
 * Imports the attendee list the organisers hand over after the event (CSV or Excel): each person is found or added
 * as a contact and added to the event with their event contact. The import runs in the background; its progress,
 * then what it added, skipped and could not read, show here, and the attendee list refreshes when it is done.
 * `jobId` lives with the panel, so closing the dialog while it runs loses nothing.
 */
export function ImportAttendeesModal({
  event,
  opened,
  jobId,
  onStarted,
  onReset,
  onClose,
}: {
  event: PromotionEvent;
  opened: boolean;
  jobId: string | undefined;
  onStarted: (jobId: string) => void;
  onReset: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('events.import.title')}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened &&
        (jobId ? (
          <ImportProgress jobId={jobId} onAnother={onReset} onDone={onClose} />
        ) : (
          <ChooseFile event={event} onStarted={onStarted} />
        ))}
    </Modal>
  );
}

function ChooseFile({ event, onStarted }: { event: PromotionEvent; onStarted: (jobId: string) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadImport();
  return (
    <Stack gap="md" data-testid="import-attendees-form">
      <Text size="sm" c="dimmed">
        {t('events.import.hint', { name: event.name })}
      </Text>
      <FileDrop file={file} onChange={setFile} disabled={upload.isPending} />
      <FormError error={upload.error} title={t('events.import.failed')} />
      <Accordion variant="contained" radius="md">
        <Accordion.Item value="columns">
          <Accordion.Control>{t('events.import.columns')}</Accordion.Control>
          <Accordion.Panel>
            <ColumnGuide entity={ImportEntity.Attendees} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      <Group justify="flex-end">
        <Button
          leftSection={<IconFileImport size={18} aria-hidden />}
          disabled={!file}
          loading={upload.isPending}
          onClick={() =>
            file &&
            upload.mutate(
              { entity: ImportEntity.Attendees, file, dryRun: false, eventId: event.id },
              { onSuccess: (created) => onStarted(created.id) },
            )
          }
          data-testid="import-attendees-submit"
        >
          {t('events.import.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function ImportProgress({ jobId, onAnother, onDone }: { jobId: string; onAnother: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const job = useImportJob(jobId);
  if (!job.data) {
    return job.isError ? (
      <ErrorState error={job.error} onRetry={() => void job.refetch()} retrying={job.isFetching} />
    ) : (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  return (
    <ImportJobView
      job={job.data}
      recordsLink={false}
      actions={
        isFinished(job.data) && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onAnother}>
              {t('events.import.another')}
            </Button>
            <Button onClick={onDone} data-testid="import-attendees-done">
              {t('events.import.done')}
            </Button>
          </Group>
        )
      }
    />
  );
}
