import { useState, type ReactNode } from 'react';
import { ImportEntity, ImportStatus, type ImportJob } from '@irm/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../shared/i18n';
import { ConfirmModal, FormError, notify } from '../../../shared/ui';
import { isFinished, useCancelImport } from '../hooks/use-imports';
import { ImportStatusBadge, RowActionBadge } from './badges';
import { ImportErrorsPanel } from './ImportErrorsPanel';

/**
 * An import as it runs and after: progress, counts, what went wrong, and for a check the first rows.
 * `actions` (apply, start over) sit right under the counts, above the long lists. `recordsLink`: offer to open
 * what was imported into (off where the person is looking at it already).
 */
export function ImportJobView({
  job,
  actions,
  recordsLink = true,
}: {
  job: ImportJob;
  actions?: ReactNode;
  recordsLink?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap="lg" data-testid="import-job" data-status={job.status}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Text fw={700}>{job.fileName}</Text>
            <ImportStatusBadge status={job.status} />
            {job.dryRun && (
              <Badge variant="outline" color="gray" radius="sm" tt="none">
                {t('imports.dryRun')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {[t(`imports.entity.${job.entity}`), job.eventName, job.createdByName, format.dateTime(job.createdAt)]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
      </Group>
      {!isFinished(job) && <ImportProgress job={job} />}
      <ImportOutcome job={job} recordsLink={recordsLink} />
      <ImportCounts job={job} />
      {actions}
      {job.ignoredColumns.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('imports.ignoredColumns', { columns: job.ignoredColumns.join(', ') })}
        </Text>
      )}
      {job.dryRun && job.preview.length > 0 && <ImportPreview job={job} />}
      {isFinished(job) && <ImportErrorsPanel job={job} />}
    </Stack>
  );
}

function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [confirming, setConfirming] = useState(false);
  const cancel = useCancelImport();
  const counted = job.total !== null;
  const percent = counted && job.total ? (job.processed / job.total) * 100 : 0;
  const label =
    job.status === ImportStatus.Queued
      ? t('imports.queued')
      : !counted
        ? t('imports.counting')
        : t('imports.progress', { processed: format.integer(job.processed), total: format.integer(job.total ?? 0) });
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{job.dryRun ? t('imports.checkingTitle') : t('imports.runningTitle')}</Text>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="import-progress-label">
            {label}
          </Text>
        </Group>
        <Progress
          value={counted ? percent : 100}
          animated={!counted || job.status === ImportStatus.Running}
          striped={!counted}
          size="lg"
          radius="xl"
          aria-label={label}
          data-testid="import-progress"
        />
        <Group>
          <Button
            variant="default"
            color="red"
            size="xs"
            leftSection={<IconPlayerStop size={16} aria-hidden />}
            onClick={() => setConfirming(true)}
            data-testid="import-cancel"
          >
            {t('imports.cancel')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('imports.cancelTitle')}
        message={t('imports.cancelConfirm')}
        confirmLabel={t('imports.cancel')}
        destructive
        pending={cancel.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          cancel.mutate(job.id, {
            onSuccess: () => {
              setConfirming(false);
              notify({ tone: 'info', message: t('imports.cancelledNotice') });
            },
          })
        }
      >
        <FormError error={cancel.error} title={t('imports.cancelFailed')} />
      </ConfirmModal>
    </Paper>
  );
}

/** Where the records of a finished import are listed. */
function recordsOf(
  job: ImportJob,
): { path: string; label: 'imports.openInvestors' | 'imports.openContacts' | 'imports.openEvent' } | null {
  if (job.entity === ImportEntity.Organizations) return { path: '/investors', label: 'imports.openInvestors' };
  if (job.entity === ImportEntity.Contacts) return { path: '/contacts', label: 'imports.openContacts' };
  return job.eventId ? { path: `/events/${encodeURIComponent(job.eventId)}`, label: 'imports.openEvent' } : null;
}

function ImportOutcome({ job, recordsLink }: { job: ImportJob; recordsLink: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const processed = format.integer(job.processed);
  if (job.status === ImportStatus.Failed) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('imports.failedTitle')}>
        {job.errorMessage}
      </Alert>
    );
  }
  if (job.status === ImportStatus.Cancelled) {
    return (
      <Alert color="orange" variant="light" title={t('imports.cancelledTitle')}>
        {t('imports.cancelledText', { processed, total: format.integer(job.total ?? job.processed) })}
      </Alert>
    );
  }
  if (job.status !== ImportStatus.Completed) return null;
  if (job.dryRun) {
    return (
      <Alert color="blue" variant="light" title={t('imports.summaryTitle')}>
        {t('imports.summaryHint')}
      </Alert>
    );
  }
  const records = recordsLink ? recordsOf(job) : null;
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconCircleCheck aria-hidden />}
      title={t('imports.completedTitle')}
      data-testid="import-completed"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {job.entity === ImportEntity.Attendees
            ? t('imports.attendeesCompleted', {
                count: job.created,
                skipped: format.integer(job.unchanged),
                failed: format.integer(job.failed),
              })
            : t('imports.completedText', { processed })}
        </Text>
        {records && (
          <Button component={Link} to={records.path} variant="white" size="xs">
            {t(records.label)}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

function ImportCounts({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // An attendee list adds people or finds them attending already; it updates no one.
  const attendees = job.entity === ImportEntity.Attendees;
  const counts: { key: string; label: string; value: number | null; color?: string }[] = [
    { key: 'total', label: t('imports.counts.total'), value: job.total },
    {
      key: 'created',
      label: attendees
        ? job.dryRun
          ? t('imports.attendeeCounts.toAdd')
          : t('imports.attendeeCounts.added')
        : job.dryRun
          ? t('imports.dryCounts.created')
          : t('imports.counts.created'),
      value: job.created,
      color: 'teal',
    },
    ...(attendees
      ? []
      : [
          {
            key: 'updated',
            label: job.dryRun ? t('imports.dryCounts.updated') : t('imports.counts.updated'),
            value: job.updated,
            color: 'blue',
          },
        ]),
    {
      key: 'unchanged',
      label: attendees ? t('imports.attendeeCounts.skipped') : t('imports.counts.unchanged'),
      value: job.unchanged,
    },
    { key: 'failed', label: t('imports.counts.failed'), value: job.failed, color: job.failed ? 'red' : undefined },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: counts.length }} spacing="sm">
      {counts.map((count) => (
        <Card key={count.key} withBorder radius="md" padding="sm" data-testid={`import-count-${count.key}`}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {count.label}
          </Text>
          <Text fz={24} fw={700} c={count.color}>
            {count.value === null ? '—' : format.integer(count.value)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function ImportPreview({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const nameField = job.entity === ImportEntity.Organizations ? 'name' : 'fullName';
  const keyField = job.entity === ImportEntity.Organizations ? 'taxCode' : 'email';
  return (
    <Stack gap="xs">
      <Title order={3} fz="lg">
        {t('imports.previewTitle')}
      </Title>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table verticalSpacing="xs" fz="sm" data-testid="import-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('imports.row')}</Table.Th>
              <Table.Th w={120}>{t('imports.result')}</Table.Th>
              <Table.Th>{t('imports.record')}</Table.Th>
              <Table.Th>{t('imports.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.preview.map((row) => (
              <Table.Tr key={row.rowNumber} data-testid="import-preview-row">
                <Table.Td>{row.rowNumber}</Table.Td>
                <Table.Td>
                  <RowActionBadge action={row.action} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {String(row.values[nameField] ?? '')}
                  </Text>
                  {row.values[keyField] ? (
                    <Text size="xs" c="dimmed" ff={keyField === 'taxCode' ? 'monospace' : undefined}>
                      {String(row.values[keyField])}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {row.errors.map((error, index) => (
                    <Text key={index} size="sm" c="red">
                      {error.field ? `${job.columns[error.field] ?? error.field}: ` : ''}
                      {error.message}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
