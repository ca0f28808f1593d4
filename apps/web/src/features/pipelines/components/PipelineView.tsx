import { useEffect } from 'react';
import type { Me, PipelineKind } from '@irm/contracts';
import { Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLayoutKanban, IconList, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n';
import { ErrorState, PageHeader, usePageTitle } from '../../../shared/ui';
import { useMoveFlow } from '../hooks/use-move-item';
import { usePipelineFilters, type PipelineView as View } from '../hooks/use-pipeline-filters';
import { useBoard, usePipeline } from '../hooks/use-pipelines';
import { KIND_SETTINGS } from '../kinds';
import { localized } from '../move-check';
import { Board, BoardSkeleton } from './Board';
import { CreateItemModal } from './CreateItemModal';
import { ItemTable } from './ItemTable';
import { LostReasonModal } from './LostReasonModal';
import { rememberOwner } from './OwnerFilter';
import { PipelineFilters } from './PipelineFilters';

/** One pipeline: its board (default) or its list, under the same filters, and a way to add an item. */
export function PipelineView({ kind, me }: { kind: PipelineKind; me: Me }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const definitions = usePipeline(kind);
  const pipeline = definitions.pipeline;
  const state = usePipelineFilters();
  const flow = useMoveFlow(pipeline);
  const board = useBoard(state.view === 'board' ? pipeline?.id : undefined, state.filters);
  const [createOpened, createModal] = useDisclosure(false);
  const title = pipeline ? localized(pipeline.name, language) : t(`pipelines.kind.${kind}`);
  usePageTitle(title);

  // Owners seen on the board name the owner filter after a reload.
  useEffect(() => {
    for (const column of board.data?.stages ?? [])
      for (const card of column.cards) rememberOwner(card.ownerId, card.ownerName);
  }, [board.data]);

  const creatable = KIND_SETTINGS[kind].creatable;
  const totals = board.data?.stages.reduce(
    (sum, column) => ({ count: sum.count + column.count, overdue: sum.overdue + column.overdueCount }),
    { count: 0, overdue: 0 },
  );

  return (
    <>
      <PageHeader
        title={title}
        description={t(`pipelines.description.${kind}`)}
        actions={
          <Group gap="sm">
            <SegmentedControl
              value={state.view}
              onChange={(value) => state.setView(value as View)}
              data={[
                { value: 'board', label: <ViewLabel icon="board" label={t('pipelines.view.board')} /> },
                { value: 'list', label: <ViewLabel icon="list" label={t('pipelines.view.list')} /> },
              ]}
              aria-label={t('pipelines.view.label')}
              data-testid="view-toggle"
            />
            {creatable && (
              <Button
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={createModal.open}
                data-testid="add-item"
              >
                {t(`pipelines.create.button.${kind}`)}
              </Button>
            )}
          </Group>
        }
      />
      {definitions.isError ? (
        <ErrorState
          error={definitions.error}
          onRetry={() => void definitions.refetch()}
          retrying={definitions.isFetching}
        />
      ) : !pipeline ? (
        <BoardSkeleton />
      ) : state.view === 'list' ? (
        <Card withBorder radius="lg" padding={0}>
          <ItemTable pipeline={pipeline} state={state} onAdd={creatable ? createModal.open : undefined} />
        </Card>
      ) : (
        <Stack gap="md">
          <Card withBorder radius="lg" padding="md">
            <PipelineFilters
              state={state}
              refreshing={board.isFetching && !board.isPending}
              extra={
                totals && (
                  <Text size="sm" c="dimmed" aria-live="polite" data-testid="board-summary">
                    {t('pipelines.board.summary', { count: totals.count })}
                    {totals.overdue > 0 && (
                      <Text span size="sm" c="red.7" fw={600}>
                        {' · '}
                        {t('pipelines.board.overdueCount', { count: totals.overdue })}
                      </Text>
                    )}
                  </Text>
                )
              }
            />
          </Card>
          {board.isError && !board.data ? (
            <ErrorState error={board.error} onRetry={() => void board.refetch()} retrying={board.isFetching} />
          ) : !board.data ? (
            <BoardSkeleton />
          ) : (
            <Board pipeline={pipeline} board={board.data} filters={state.filters} onMove={flow.requestMove} />
          )}
        </Stack>
      )}
      <LostReasonModal pending={flow.pendingLost} onCancel={flow.cancelLost} onConfirm={flow.confirmLost} />
      {creatable && <CreateItemModal kind={kind} me={me} opened={createOpened} onClose={createModal.close} />}
    </>
  );
}

function ViewLabel({ icon, label }: { icon: 'board' | 'list'; label: string }) {
  const Icon = icon === 'board' ? IconLayoutKanban : IconList;
  return (
    <Group gap={6} wrap="nowrap">
      <Icon size={16} aria-hidden />
      <span>{label}</span>
    </Group>
  );
}
