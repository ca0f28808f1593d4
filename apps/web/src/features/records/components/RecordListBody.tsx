import type { ReactNode } from 'react';
import { Button, EmptyState, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui';

/** The parts of an infinite list query the list body reads. */
interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => Promise<unknown>;
  fetchNextPage: () => Promise<unknown>;
}

interface RecordListBodyProps<T extends { id: string }> {
  /** Both the translation namespace and the test id prefix, e.g. `contacts-table`. */
  name: 'contacts' | 'investors' | 'zones';
  list: ListQuery;
  items: readonly T[];
  filtered: boolean;
  /** Lists whose records are not created here have no add button. */
  onAdd?: () => void;
  onClearFilters: () => void;
  emptyIcon: ReactNode;
  tableMinWidth: number;
  /** The table's column headings. */
  columns: readonly ReactNode[];
  renderRow: (item: T) => ReactNode;
  /** Small screens get one card per record instead of a table that scrolls sideways. */
  renderCard: (item: T) => ReactNode;
}

/** A record list below its filters: loading, error, empty and no-match states, cards or a table, and load more. */
export function RecordListBody<T extends { id: string }>({
  name,
  list,
  items,
  filtered,
  onAdd,
  onClearFilters,
  emptyIcon,
  tableMinWidth,
  columns,
  renderRow,
  renderCard,
}: RecordListBodyProps<T>) {
  const { t } = useTranslation();
  if (list.isPending) {
    return (
      <Stack gap="sm" p="md" aria-busy="true" data-testid={`${name}-loading`}>
        {[0, 1, 2, 3, 4].map((row) => (
          <Skeleton key={row} height={44} />
        ))}
      </Stack>
    );
  }
  if (list.isError && items.length === 0) {
    return (
      <Stack p="md">
        <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      </Stack>
    );
  }
  if (items.length === 0) {
    return filtered ? (
      <EmptyState
        py="xl"
        icon={<IconSearch aria-hidden />}
        title={t(`${name}.noMatchTitle`)}
        description={t(`${name}.noMatchDescription`)}
        data-testid={`${name}-empty`}
      >
        <Button variant="default" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClearFilters}>
          {t(`${name}.clearFilters`)}
        </Button>
      </EmptyState>
    ) : (
      <EmptyState
        py="xl"
        icon={emptyIcon}
        title={t(`${name}.emptyTitle`)}
        description={t(`${name}.emptyDescription`)}
        data-testid={`${name}-empty`}
      >
        {onAdd && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd}>
            {t(`${name}.add`)}
          </Button>
        )}
      </EmptyState>
    );
  }
  return (
    <>
      {list.isError && (
        <Stack px="md" pb="md">
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        </Stack>
      )}
      <Stack gap={0} hiddenFrom="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map(renderCard)}
      </Stack>
      <Table.ScrollContainer minWidth={tableMinWidth} type="native" visibleFrom="sm">
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid={`${name}-table`}>
          <Table.Thead bg="gray.0" style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              {columns.map((column, index) => (
                <Table.Th key={index}>{column}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{items.map(renderRow)}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" p="md" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t(`${name}.shown`, { count: items.length })}
        </Text>
        {list.hasNextPage && (
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Group>
    </>
  );
}
