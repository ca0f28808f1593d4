import { type ImportJob } from '@irm/contracts';
import { Anchor, Badge, Button, Card, EmptyState, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../shared/i18n';
import { ErrorState, PageHeader } from '../../../shared/ui';
import { useImportList } from '../hooks/use-imports';
import { ImportStatusBadge } from './badges';

/** Past and running imports, newest first: one's own, or everyone's for managers. */
export function ImportsList() {
  const { t } = useTranslation();
  const list = useImportList();
  const jobs = list.data?.pages.flatMap((page) => page.items) ?? [];
  const newButton = (
    <Button
      component={Link}
      to="/imports/new"
      leftSection={<IconPlus size={18} aria-hidden />}
      data-testid="new-import"
    >
      {t('imports.newImport')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} actions={newButton} />
      <Card withBorder radius="lg" padding={0}>
        {list.isPending ? (
          <Stack gap="sm" p="md" aria-busy="true">
            {[0, 1, 2].map((row) => (
              <Skeleton key={row} height={44} />
            ))}
          </Stack>
        ) : list.isError && jobs.length === 0 ? (
          <Stack p="md">
            <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
          </Stack>
        ) : jobs.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconFileImport aria-hidden />}
            title={t('imports.emptyTitle')}
            description={t('imports.emptyDescription')}
            data-testid="imports-empty"
          >
            {newButton}
          </EmptyState>
        ) : (
          <>
            <Table.ScrollContainer minWidth={860} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="imports-table">
                <Table.Thead bg="gray.0" style={{ whiteSpace: 'nowrap' }}>
                  <Table.Tr>
                    <Table.Th>{t('imports.file')}</Table.Th>
                    <Table.Th>{t('imports.kind')}</Table.Th>
                    <Table.Th>{t('imports.statusLabel')}</Table.Th>
                    <Table.Th>{t('imports.rows')}</Table.Th>
                    <Table.Th>{t('imports.by')}</Table.Th>
                    <Table.Th>{t('imports.when')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {jobs.map((job) => (
                    <ImportRow key={job.id} job={job} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {list.hasNextPage && (
              <Group p="md">
                <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {t('common.loadMore')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Card>
    </>
  );
}

function ImportRow({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table.Tr data-testid="import-row">
      <Table.Td maw={320}>
        <Anchor component={Link} to={`/imports/${job.id}`} fw={600} size="sm" c="inherit">
          {job.fileName}
        </Anchor>
        {job.dryRun && (
          <Badge ml={6} variant="outline" color="gray" size="sm" radius="sm" tt="none">
            {t('imports.dryRun')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{t(`imports.entity.${job.entity}`)}</Table.Td>
      <Table.Td>
        <ImportStatusBadge status={job.status} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">
          {format.integer(job.processed)}
          {job.total !== null && job.total !== job.processed ? ` / ${format.integer(job.total)}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {[
            job.created > 0 && t('imports.short.created', { count: job.created }),
            job.updated > 0 && t('imports.short.updated', { count: job.updated }),
          ]
            .filter(Boolean)
            .join(' · ')}
          {job.failed > 0 && (
            <Text span size="xs" c="red">
              {job.created + job.updated > 0 ? ' · ' : ''}
              {t('imports.short.failed', { count: job.failed })}
            </Text>
          )}
        </Text>
      </Table.Td>
      <Table.Td>{job.createdByName}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(job.createdAt)}</Table.Td>
    </Table.Tr>
  );
}
