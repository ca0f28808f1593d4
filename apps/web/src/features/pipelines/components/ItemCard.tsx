import { memo, type DragEvent } from 'react';
import { StageType, type BoardCard, type Pipeline, type PipelineItemBase, type Stage } from '@irm/contracts';
import { ActionIcon, Avatar, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconBuilding, IconClockHour4, IconDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ListRecordLink } from '../../records';
import { itemPath } from '../paths';
import { OverdueBadge } from './badges';
import { ItemFigures } from './ItemFigures';
import { MoveToMenu } from './MoveToMenu';
import classes from './Board.module.css';

/** The type of the drag data: only cards of this app are accepted by the columns. */
export const CARD_DRAG_TYPE = 'application/x-irm-pipeline-item';

interface ItemCardProps {
  pipeline: Pipeline;
  /** A board card, or an item from a further page of the column: both carry the figures of their kind. */
  item: BoardCard;
  stageType: StageType;
  /** This card is the one being dragged. */
  dragging: boolean;
  onMove: (item: PipelineItemBase, to: Stage) => void;
  onDragStart: (item: PipelineItemBase) => void;
  onDragEnd: () => void;
}

/** One item on the board: what it is, for whom, who owns it, how long it has waited; drag it or use its menu. */
export const ItemCard = memo(function ItemCard({
  pipeline,
  item,
  stageType,
  dragging,
  onMove,
  onDragStart,
  onDragEnd,
}: ItemCardProps) {
  const { t } = useTranslation();
  const start = (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData(CARD_DRAG_TYPE, item.id);
    event.dataTransfer.setData('text/plain', item.title);
    event.dataTransfer.effectAllowed = 'move';
    onDragStart(item);
  };
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      className={classes.card}
      data-closed={stageType !== StageType.Open || undefined}
      data-overdue={item.overdue || undefined}
      data-dragging={dragging || undefined}
      // A won item stays won: nothing to drag it to.
      draggable={stageType !== StageType.Won}
      onDragStart={start}
      onDragEnd={onDragEnd}
      data-testid="board-card"
      data-item-id={item.id}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4}>
          <div style={{ minWidth: 0 }}>
            <ListRecordLink to={itemPath(item.kind, item.id)} testId="card-link">
              <Text span size="sm" fw={600} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                {item.title}
              </Text>
            </ListRecordLink>
          </div>
          {stageType !== StageType.Won && (
            <MoveToMenu pipeline={pipeline} item={item} onMove={(to) => onMove(item, to)}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('pipelines.move.menuFor', { title: item.title })}
                data-testid="card-move-menu"
              >
                <IconDots size={16} aria-hidden />
              </ActionIcon>
            </MoveToMenu>
          )}
        </Group>
        {item.organizationName && (
          <Group gap={4} wrap="nowrap">
            <IconBuilding size={14} aria-hidden style={{ flexShrink: 0, opacity: 0.55 }} />
            <Text size="xs" c="dimmed" truncate="end">
              {item.organizationName}
            </Text>
          </Group>
        )}
        <ItemFigures item={item} size="xs" />
        <Group justify="space-between" wrap="nowrap" gap="xs" mt={2}>
          <Group gap={6} wrap="nowrap" miw={0}>
            <Avatar name={item.ownerName} color="initials" radius="xl" size={20} aria-hidden />
            <Text size="xs" truncate="end">
              {item.ownerName}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            {item.overdue && <OverdueBadge slaDueOn={item.slaDueOn} size="xs" />}
            {stageType === StageType.Open && (
              <Tooltip label={t('pipelines.daysInStageHint', { count: item.daysInStage })} withArrow>
                <Group gap={2} wrap="nowrap" c={item.overdue ? 'red.7' : 'dimmed'} data-testid="days-in-stage">
                  <IconClockHour4 size={13} aria-hidden />
                  <Text size="xs" c="inherit" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {t('pipelines.daysShort', { count: item.daysInStage })}
                  </Text>
                </Group>
              </Tooltip>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
});
