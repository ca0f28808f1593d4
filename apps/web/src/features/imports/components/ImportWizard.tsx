import { useState } from 'react';
import { ImportEntity, ImportStatus, type ImportJob } from '@irm/contracts';
import { Button, Card, Center, Group, Loader, SegmentedControl, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDatabaseImport, IconFileSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState, FormError, PageHeader } from '../../../shared/ui';
import { isFinished, useApplyImport, useImportJob, useUploadImport } from '../hooks/use-imports';
import { ColumnGuide } from './ColumnGuide';
import { FileDrop } from './FileDrop';
import { ImportJobView } from './ImportJobView';

/** What the wizard imports; an event's attendee list is imported from the event's page, which names the event. */
const WIZARD_ENTITIES = [ImportEntity.Organizations, ImportEntity.Contacts];

const isEntity = (value: unknown): value is ImportEntity => WIZARD_ENTITIES.includes(value as ImportEntity);

/**
 * Choose what to import and the file → a check (dry run) with its preview and row errors → the import itself,
 * with progress. Nothing is written until the person has seen the check.
 */
export function ImportWizard() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const requested = params.get('entity');
  const [entity, setEntity] = useState<ImportEntity>(isEntity(requested) ? requested : ImportEntity.Organizations);
  const [file, setFile] = useState<File | null>(null);
  const [checkId, setCheckId] = useState<string>();
  const [runId, setRunId] = useState<string>();
  const upload = useUploadImport();
  const apply = useApplyImport();
  const check = useImportJob(checkId);
  const run = useImportJob(runId);

  const startOver = () => {
    setFile(null);
    setCheckId(undefined);
    setRunId(undefined);
    upload.reset();
    apply.reset();
  };
  const active = runId ? 2 : checkId ? 1 : 0;

  return (
    <>
      <PageHeader
        title={t('imports.newTitle')}
        description={t('imports.newDescription')}
        actions={
          <Button component={Link} to="/imports" variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
            {t('imports.back')}
          </Button>
        }
      />
      <Stepper active={active} size="sm" mb="xl" allowNextStepsSelect={false}>
        <Stepper.Step label={t('imports.stepFile')} />
        <Stepper.Step label={t('imports.stepCheck')} />
        <Stepper.Step label={t('imports.stepImport')} />
      </Stepper>

      {active === 0 && (
        <Group align="flex-start" gap="lg" wrap="wrap">
          <Card withBorder radius="lg" padding="lg" style={{ flex: '1 1 420px' }}>
            <Stack gap="md">
              <Stack gap={6}>
                <Text fw={600} size="sm" id="import-entity-label">
                  {t('imports.entityLabel')}
                </Text>
                <SegmentedControl
                  aria-labelledby="import-entity-label"
                  value={entity}
                  onChange={(value) => setEntity(value as ImportEntity)}
                  data={WIZARD_ENTITIES.map((value) => ({ value, label: t(`imports.entity.${value}`) }))}
                  disabled={upload.isPending}
                  data-testid="import-entity"
                />
              </Stack>
              <FileDrop file={file} onChange={setFile} disabled={upload.isPending} />
              <FormError error={upload.error} title={t('imports.uploadFailed')} />
              <Group>
                <Button
                  leftSection={<IconFileSearch size={18} aria-hidden />}
                  disabled={!file}
                  loading={upload.isPending}
                  onClick={() =>
                    file &&
                    upload.mutate({ entity, file, dryRun: true }, { onSuccess: (created) => setCheckId(created.id) })
                  }
                  data-testid="import-check"
                >
                  {t('imports.check')}
                </Button>
              </Group>
            </Stack>
          </Card>
          <Card withBorder radius="lg" padding="lg" style={{ flex: '1 1 420px' }}>
            <Stack gap="xs">
              <Title order={2} fz="lg">
                {t('imports.columnsTitle')}
              </Title>
              <ColumnGuide entity={entity} />
            </Stack>
          </Card>
        </Group>
      )}

      {active === 1 && (
        <JobCard query={check}>
          {(job) => (
            <ImportJobView
              job={job}
              actions={
                isFinished(job) && (
                  <Stack gap="xs">
                    <FormError error={apply.error} title={t('imports.applyFailed')} />
                    <Group>
                      {job.status === ImportStatus.Completed && (
                        <Button
                          leftSection={<IconDatabaseImport size={18} aria-hidden />}
                          disabled={job.created + job.updated === 0}
                          loading={apply.isPending}
                          onClick={() => apply.mutate(job.id, { onSuccess: (created) => setRunId(created.id) })}
                          data-testid="import-apply"
                        >
                          {job.created + job.updated === 0
                            ? t('imports.applyNothing')
                            : t('imports.apply', { count: job.created + job.updated })}
                        </Button>
                      )}
                      <Button variant="default" onClick={startOver}>
                        {t('imports.otherFile')}
                      </Button>
                    </Group>
                    {job.status === ImportStatus.Completed && job.failed > 0 && job.created + job.updated > 0 && (
                      <Text size="sm" c="dimmed">
                        {t('imports.applyHint')}
                      </Text>
                    )}
                  </Stack>
                )
              }
            />
          )}
        </JobCard>
      )}

      {active === 2 && (
        <JobCard query={run}>
          {(job) => (
            <ImportJobView
              job={job}
              actions={
                isFinished(job) && (
                  <Group>
                    <Button variant="default" onClick={startOver}>
                      {t('imports.otherFile')}
                    </Button>
                  </Group>
                )
              }
            />
          )}
        </JobCard>
      )}
    </>
  );
}

interface JobQuery {
  data?: ImportJob;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

function JobCard({ query, children }: { query: JobQuery; children: (job: ImportJob) => React.ReactNode }) {
  return (
    <Card withBorder radius="lg" padding="lg">
      {query.data ? (
        children(query.data)
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : (
        <Center py="xl">
          <Loader />
        </Center>
      )}
    </Card>
  );
}
