import type { Pipeline, PipelineItemBase } from '@irm/contracts';
import { Avatar, Box, Group, Stack, Text } from '@mantine/core';
import { IconLayoutKanban } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { ColumnsMenu, ListRecordLink, RecordListBody, useHiddenColumns, type ListColumn } from '../../records';
import type { PipelineFiltersState } from '../hooks/use-pipeline-filters';
import { useItemList } from '../hooks/use-pipelines';
import { itemPath } from '../paths';
import type { ItemSort } from '../types';
import { OverdueBadge, StageBadge } from './badges';
import { ItemFigures } from './ItemFigures';
import { PipelineFilters } from './PipelineFilters';

type ItemSortField = 'title' | 'stageEnteredAt' | 'updatedAt';

interface ItemTableProps {
  pipeline: Pipeline;
  state: PipelineFiltersState;
  onAdd?: () => void;
}

/** The pipeline's items as a table, with the board's filters, a chosen order and paging. */
export function ItemTable({ pipeline, state, onAdd }: ItemTableProps) {
  const list = useItemList(pipeline.kind, state.filters, state.sort);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const columns = useItemColumns(pipeline);
  const { hidden, toggle } = useHiddenColumns(`pipeline-${pipeline.kind}`, ['updatedAt']);
  return (
    <>
      <Stack p="md">
        <PipelineFilters
          state={state}
          refreshing={list.isFetching && !list.isPending}
          extra={
            // Phones get one card per item instead of the table, so there are no columns to choose.
            <Box visibleFrom="sm">
              <ColumnsMenu columns={columns} hidden={hidden} onToggle={toggle} />
            </Box>
          }
        />
      </Stack>
      <RecordListBody<PipelineItemBase, ItemSort>
        name="pipelineItems"
        list={list}
        items={items}
        filtered={state.filtered}
        onAdd={onAdd}
        onClearFilters={state.clearFilters}
        emptyIcon={<IconLayoutKanban aria-hidden />}
        tableMinWidth={960}
        columns={columns}
        hidden={hidden}
        sorting={{ sort: state.sort, onSort: state.setSort }}
        rowProps={(item) => ({ 'data-testid': 'item-row', 'data-item-id': item.id })}
        renderCard={(item) => <ItemListCard key={item.id} pipeline={pipeline} item={item} />}
      />
    </>
  );
}

function stageOf(pipeline: Pipeline, item: PipelineItemBase) {
  return pipeline.stages.find((stage) => stage.id === item.stageId);
}

function useItemColumns(pipeline: Pipeline): ListColumn<PipelineItemBase, ItemSortField>[] {
  const { t } = useTranslation();
  const format = useFormatters();
  const nowrap = { style: { whiteSpace: 'nowrap' } } as const;
  return [
    {
      key: 'title',
      label: t('pipelines.field.title'),
      required: true,
      sortBy: 'title',
      cellProps: { maw: 340 },
      cell: (item) => (
        <>
          <Group gap={8} wrap="nowrap">
            <ListRecordLink to={itemPath(item.kind, item.id)} testId="item-link">
              {item.title}
            </ListRecordLink>
            {item.overdue && <OverdueBadge slaDueOn={item.slaDueOn} size="xs" />}
          </Group>
          {item.organizationName && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {item.organizationName}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'stage',
      label: t('pipelines.field.stage'),
      cellProps: nowrap,
      cell: (item) => {
        const stage = stageOf(pipeline, item);
        return stage ? <StageBadge stage={stage} size="sm" /> : null;
      },
    },
    {
      key: 'daysInStage',
      label: t('pipelines.field.daysInStage'),
      sortBy: 'stageEnteredAt',
      numeric: true,
      cellProps: nowrap,
      cell: (item) => (
        <Text size="sm" c={item.overdue ? 'red.7' : undefined} fw={item.overdue ? 600 : undefined}>
          {t('pipelines.daysShort', { count: item.daysInStage })}
        </Text>
      ),
    },
    {
      key: 'figures',
      label: t(`pipelines.figuresLabel.${pipeline.kind}`),
      cellProps: nowrap,
      cell: (item) => <ItemFigures item={item} />,
    },
    {
      key: 'owner',
      label: t('pipelines.field.owner'),
      cell: (item) => (
        <Group gap={8} wrap="nowrap">
          <Avatar name={item.ownerName} color="initials" radius="xl" size={26} aria-hidden />
          <Text size="sm">{item.ownerName}</Text>
        </Group>
      ),
    },
    {
      key: 'slaDueOn',
      label: t('pipelines.field.slaDueOn'),
      cellProps: nowrap,
      cell: (item) => (
        <Text size="sm" c={item.slaDueOn ? undefined : 'dimmed'}>
          {item.slaDueOn ? format.date(item.slaDueOn) : '—'}
        </Text>
      ),
    },
    {
      key: 'updatedAt',
      label: t('pipelines.field.updatedAt'),
      sortBy: 'updatedAt',
      cellProps: nowrap,
      cell: (item) => <Text size="sm">{format.date(item.updatedAt)}</Text>,
    },
  ];
}

function ItemListCard({ pipeline, item }: { pipeline: Pipeline; item: PipelineItemBase }) {
  const { t } = useTranslation();
  const stage = stageOf(pipeline, item);
  return (
    <Stack
      component="li"
      gap={6}
      px="md"
      py="sm"
      data-testid="item-card"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <ListRecordLink to={itemPath(item.kind, item.id)} testId="item-link">
          {item.title}
        </ListRecordLink>
        {stage && <StageBadge stage={stage} size="sm" />}
      </Group>
      {item.organizationName && (
        <Text size="xs" c="dimmed">
          {item.organizationName}
        </Text>
      )}
      <ItemFigures item={item} size="xs" />
      <Group gap={6} wrap="nowrap">
        <Avatar name={item.ownerName} color="initials" radius="xl" size={20} aria-hidden />
        <Text size="xs" c="dimmed" truncate="end">
          {item.ownerName} · {t('pipelines.daysShort', { count: item.daysInStage })}
        </Text>
        {item.overdue && <OverdueBadge slaDueOn={item.slaDueOn} size="xs" />}
      </Group>
    </Stack>
  );
}
