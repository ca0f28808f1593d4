import type { ImportJob } from '@irm/contracts';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui';
import { errorsCsvUrl } from '../api/imports.api';
import { useImportErrors } from '../hooks/use-imports';

/** Every row error of an import, page by page, and the file to fix them in. */
export function ImportErrorsPanel({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const errors = useImportErrors(job.id, job.failed > 0);
  const items = errors.data?.pages.flatMap((page) => page.items) ?? [];
  if (job.failed === 0) return null;
  return (
    <Stack gap="sm" data-testid="import-errors">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} fz="lg">
            {t('imports.errorsTitle')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('imports.errorsHint')}
          </Text>
        </div>
        <Button
          component="a"
          href={errorsCsvUrl(job.id)}
          download
          variant="light"
          color="red"
          leftSection={<IconDownload size={16} aria-hidden />}
          data-testid="download-errors"
        >
          {t('imports.errorsDownload')}
        </Button>
      </Group>
      {errors.isError && <ErrorState error={errors.error} onRetry={() => void errors.refetch()} />}
      <Table.ScrollContainer minWidth={560} type="native">
        <Table verticalSpacing="xs" fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('imports.row')}</Table.Th>
              <Table.Th w={200}>{t('imports.column')}</Table.Th>
              <Table.Th>{t('imports.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((error) => (
              <Table.Tr key={error.id} data-testid="import-error-row">
                <Table.Td>{error.rowNumber}</Table.Td>
                <Table.Td>
                  {error.column ?? error.field ?? (
                    <Text span c="dimmed" size="sm">
                      {t('imports.wholeRow')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void errors.fetchNextPage()} loading={errors.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
