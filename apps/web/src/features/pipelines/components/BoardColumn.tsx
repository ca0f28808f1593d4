import { useMemo, useState, type CSSProperties, type DragEvent } from 'react';
import { StageType, type BoardStage, type Pipeline, type PipelineItemBase, type Stage } from '@irm/contracts';
import { Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { useMoneyFormat } from '../hooks/use-money-format';
import { useMoreStageCards } from '../hooks/use-pipelines';
import { KIND_SETTINGS } from '../kinds';
import { blockedMove, localized } from '../move-check';
import type { ItemFilters } from '../types';
import { stageColor } from './badges';
import { CARD_DRAG_TYPE, ItemCard } from './ItemCard';
import classes from './Board.module.css';

interface BoardColumnProps {
  pipeline: Pipeline;
  stage: Stage;
  column: BoardStage;
  filters: ItemFilters;
  /** The card being dragged, if any: a column other than its own takes it. */
  dragged: PipelineItemBase | null;
  onMove: (item: PipelineItemBase, to: Stage) => void;
  onDragStart: (item: PipelineItemBase) => void;
  onDragEnd: () => void;
}

export function BoardColumn({
  pipeline,
  stage,
  column,
  filters,
  dragged,
  onMove,
  onDragStart,
  onDragEnd,
}: BoardColumnProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [over, setOver] = useState(false);
  const [showMore, setShowMore] = useState(false);
  const more = useMoreStageCards(pipeline.kind, stage.id, filters, column.nextCursor, showMore);
  const name = localized(stage.name, language);
  const titleId = `column-${stage.id}`;

  // The board's first cards, then the further pages; a card moved away meanwhile is left out.
  const cards = useMemo(() => {
    const seen = new Set(column.cards.map((card) => card.id));
    const extra = (more.data?.pages ?? [])
      .flatMap((page) => page.items)
      .filter((card) => card.stageId === stage.id && !seen.has(card.id));
    return [...column.cards, ...extra];
  }, [column.cards, more.data, stage.id]);
  const hasMore = showMore ? more.hasNextPage : column.nextCursor !== null;

  // A column takes a card only where a move could happen (not into "Converted", not out of a won stage).
  const accepts = useMemo(
    () => dragged !== null && dragged.stageId !== stage.id && !blockedMove(pipeline, dragged, stage),
    [dragged, pipeline, stage],
  );
  const dropProps = {
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (!accepts || !event.dataTransfer.types.includes(CARD_DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (!over) setOver(true);
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      event.preventDefault();
      setOver(false);
      if (accepts && dragged) onMove(dragged, stage);
    },
  };

  return (
    <section
      className={classes.column}
      style={{ '--column-accent': `var(--mantine-color-${stageColor(stage.type)}-5)` } as CSSProperties}
      aria-labelledby={titleId}
      data-drop-target={(accepts && over) || undefined}
      data-testid="board-column"
      data-stage-key={stage.key}
      data-stage-id={stage.id}
      {...dropProps}
    >
      <ColumnHeader
        stage={stage}
        column={column}
        name={name}
        titleId={titleId}
        totals={KIND_SETTINGS[pipeline.kind].totals}
      />
      <ul className={classes.cards} aria-labelledby={titleId}>
        {cards.map((item) => (
          <ItemCard
            key={item.id}
            pipeline={pipeline}
            item={item}
            stageType={stage.type}
            dragging={dragged?.id === item.id}
            onMove={onMove}
            onDragStart={onDragStart}
            onDragEnd={onDragEnd}
          />
        ))}
        {cards.length === 0 && (
          <li className={classes.empty}>
            <Text size="xs" c="dimmed">
              {accepts ? t('pipelines.board.dropHere') : t('pipelines.board.emptyColumn')}
            </Text>
          </li>
        )}
        {hasMore && (
          <li>
            <Button
              variant="subtle"
              size="compact-sm"
              fullWidth
              loading={more.isFetching}
              onClick={() => (showMore ? void more.fetchNextPage() : setShowMore(true))}
              data-testid="column-show-more"
            >
              {t('pipelines.board.showMore', { count: Math.max(0, column.count - cards.length) })}
            </Button>
          </li>
        )}
      </ul>
    </section>
  );
}

function ColumnHeader({
  stage,
  column,
  name,
  titleId,
  totals,
}: {
  stage: Stage;
  column: BoardStage;
  name: string;
  titleId: string;
  totals: readonly ('areaHa' | 'capitalUsd' | 'amountVnd')[];
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const figures = totals
    .map((field) => {
      const value = column.totals[field];
      if (value === null || value === undefined) return null;
      if (field === 'areaHa') return format.hectares(value);
      if (field === 'capitalUsd') return money.usdShort(value);
      return money.vndShort(value);
    })
    .filter((text): text is string => text !== null);
  return (
    <Stack gap={4} className={classes.columnHeader}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text component="h2" id={titleId} size="sm" fw={700} m={0} truncate="end" title={name}>
          {name}
        </Text>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {column.overdueCount > 0 && (
            <Tooltip label={t('pipelines.board.overdueCount', { count: column.overdueCount })} withArrow>
              <Badge color="red" variant="light" size="sm" radius="sm" data-testid="column-overdue">
                {t('pipelines.board.overdueShort', { count: column.overdueCount })}
              </Badge>
            </Tooltip>
          )}
          <Badge color="gray" variant="white" size="sm" radius="sm" data-testid="column-count">
            {column.count}
          </Badge>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {stage.type !== StageType.Open
          ? t(`pipelines.stageType.${stage.type}`)
          : stage.slaWorkingDays === null
            ? t('pipelines.noSla')
            : t('pipelines.sla', { count: stage.slaWorkingDays })}
      </Text>
      {figures.length > 0 && (
        <Text size="xs" fw={700} c="dark.5" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="column-totals">
          {figures.join(' · ')}
        </Text>
      )}
    </Stack>
  );
}
