import type { ReactNode } from 'react';
import type { RecordSort } from '@irm/contracts';
import {
  Button,
  EmptyState,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
  type TableTdProps,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
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

/** The field a column sorts by: `name`, `updatedAt` or `createdAt` (a leading "-" reverses it). */
export type SortField = 'name' | 'updatedAt' | 'createdAt';

/** Fields sorted A to Z first; any other field (a date) starts newest first. */
const ASCENDING_FIRST = new Set<string>(['name', 'title']);

/** One column of a record table: its heading, its cell, and whether people may sort by it or hide it. */
export interface ListColumn<T, Field extends string = SortField> {
  key: string;
  label: string;
  cell: (item: T) => ReactNode;
  cellProps?: TableTdProps;
  /** Right-aligned figures. */
  numeric?: boolean;
  sortBy?: Field;
  /** The column that names the record is always shown; others may be hidden. */
  required?: boolean;
}

/** The list's order; lists other than the record lists (e.g. pipeline items) bring their own sort values. */
export interface ListSorting<Sort extends string = RecordSort> {
  sort: Sort;
  onSort: (sort: Sort) => void;
}

interface RecordListBodyProps<T extends { id: string }, Sort extends string> {
  /** Both the translation namespace and the test id prefix, e.g. `contacts-table`. */
  name: 'contacts' | 'investors' | 'zones' | 'pipelineItems' | 'events';
  list: ListQuery;
  items: readonly T[];
  filtered: boolean;
  /** Lists whose records are not created here have no add button. */
  onAdd?: () => void;
  onClearFilters: () => void;
  emptyIcon: ReactNode;
  tableMinWidth: number;
  columns: readonly ListColumn<T, string>[];
  /** Keys of the columns the person chose to hide. */
  hidden?: ReadonlySet<string>;
  sorting?: ListSorting<Sort>;
  /** Attributes of each table row, e.g. test ids. */
  rowProps: (item: T) => Record<string, string>;
  /** Small screens get one card per record instead of a table that scrolls sideways. */
  renderCard: (item: T) => ReactNode;
}

/** A record list below its filters: loading, error, empty and no-match states, cards or a table, and load more. */
export function RecordListBody<T extends { id: string }, Sort extends string = RecordSort>({
  name,
  list,
  items,
  filtered,
  onAdd,
  onClearFilters,
  emptyIcon,
  tableMinWidth,
  columns,
  hidden,
  sorting,
  rowProps,
  renderCard,
}: RecordListBodyProps<T, Sort>) {
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
  const shown = columns.filter((column) => column.required || !hidden?.has(column.key));
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
              {shown.map((column) => (
                <ColumnHeading key={column.key} column={column} sorting={sorting} />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} {...rowProps(item)}>
                {shown.map((column) => (
                  <Table.Td
                    key={column.key}
                    ta={column.numeric ? 'right' : undefined}
                    style={column.numeric ? { fontVariantNumeric: 'tabular-nums' } : undefined}
                    {...column.cellProps}
                  >
                    {column.cell(item)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
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

/** A heading; a sortable one is a button that sorts by it, then reverses, and says the order to screen readers. */
function ColumnHeading<T, Sort extends string>({
  column,
  sorting,
}: {
  column: ListColumn<T, string>;
  sorting?: ListSorting<Sort>;
}) {
  const { t } = useTranslation();
  const align = column.numeric ? 'right' : undefined;
  if (!column.sortBy || !sorting) return <Table.Th ta={align}>{column.label}</Table.Th>;
  const field = column.sortBy;
  const active = sorting.sort.replace(/^-/, '') === field;
  const descending = active && sorting.sort.startsWith('-');
  // Dates start newest first, names A to Z.
  const first = (ASCENDING_FIRST.has(field) ? field : `-${field}`) as Sort;
  const next = (!active ? first : descending ? field : `-${field}`) as Sort;
  const Icon = !active ? IconArrowsSort : descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th ta={align} aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        onClick={() => sorting.onSort(next)}
        fz="sm"
        fw={700}
        title={t('lists.sortBy', { column: column.label })}
        data-testid={`sort-${field}`}
      >
        <Group gap={4} wrap="nowrap">
          {column.label}
          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
