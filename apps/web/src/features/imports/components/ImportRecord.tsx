import { ImportStatus } from '@irm/contracts';
import { Button, Card, Center, EmptyState, Group, Loader, Stack } from '@mantine/core';
import { IconArrowLeft, IconDatabaseImport, IconFileOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../../shared/api';
import { ErrorState, FormError, PageHeader } from '../../../shared/ui';
import { useApplyImport, useImportJob } from '../hooks/use-imports';
import { ImportJobView } from './ImportJobView';

/** One import's page: its progress or result, and for a finished check the way to apply it. */
export function ImportRecord({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useImportJob(id);
  const apply = useApplyImport();
  const job = query.data;
  const back = (
    <Button component={Link} to="/imports" variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
      {t('imports.back')}
    </Button>
  );
  return (
    <>
      <PageHeader title={job?.fileName ?? t('imports.title')} actions={back} />
      <Card withBorder radius="lg" padding="lg">
        {job ? (
          <ImportJobView
            job={job}
            actions={
              job.dryRun &&
              job.status === ImportStatus.Completed && (
                <Stack gap="xs">
                  <FormError error={apply.error} title={t('imports.applyFailed')} />
                  <Group>
                    {job.appliedJobId ? (
                      <Button component={Link} to={`/imports/${job.appliedJobId}`} variant="light">
                        {t('imports.openApplied')}
                      </Button>
                    ) : (
                      <Button
                        leftSection={<IconDatabaseImport size={18} aria-hidden />}
                        disabled={job.created + job.updated === 0}
                        loading={apply.isPending}
                        onClick={() =>
                          apply.mutate(job.id, { onSuccess: (created) => void navigate(`/imports/${created.id}`) })
                        }
                      >
                        {t('imports.apply', { count: job.created + job.updated })}
                      </Button>
                    )}
                  </Group>
                </Stack>
              )
            }
          />
        ) : query.isError && isApiError(query.error) && query.error.status === 404 ? (
          <EmptyState
            py="xl"
            icon={<IconFileOff aria-hidden />}
            title={t('imports.notFoundTitle')}
            description={t('imports.notFoundDescription')}
          />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        ) : (
          <Center py="xl">
            <Loader />
          </Center>
        )}
      </Card>
    </>
  );
}
