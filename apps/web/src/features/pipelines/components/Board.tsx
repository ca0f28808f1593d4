import { useCallback, useState, type DragEvent } from 'react';
import type { Board as BoardData, Pipeline, PipelineItemBase, Stage } from '@irm/contracts';
import { Group, Skeleton, Stack } from '@mantine/core';
import type { ItemFilters } from '../types';
import { BoardColumn } from './BoardColumn';
import classes from './Board.module.css';

interface BoardProps {
  pipeline: Pipeline;
  board: BoardData;
  filters: ItemFilters;
  onMove: (item: PipelineItemBase, to: Stage) => void;
}

/** One column per stage in use (retired stages keep their history but take no items), cards dragged between them. */
export function Board({ pipeline, board, filters, onMove }: BoardProps) {
  const [dragged, setDragged] = useState<PipelineItemBase | null>(null);
  const columns = new Map(board.stages.map((column) => [column.stageId, column]));
  const stages = pipeline.stages.filter((stage) => !stage.retiredAt);
  const onDragStart = useCallback((item: PipelineItemBase) => setDragged(item), []);
  const onDragEnd = useCallback(() => setDragged(null), []);
  const move = useCallback(
    (item: PipelineItemBase, to: Stage) => {
      setDragged(null);
      onMove(item, to);
    },
    [onMove],
  );
  return (
    <div
      className={classes.board}
      data-testid="board"
      data-dragging={dragged ? true : undefined}
      onDragOver={dragged ? scrollNearEdges : undefined}
    >
      {stages.map((stage) => (
        <BoardColumn
          key={stage.id}
          pipeline={pipeline}
          stage={stage}
          column={
            columns.get(stage.id) ?? {
              stageId: stage.id,
              count: 0,
              overdueCount: 0,
              totals: { areaHa: null, capitalUsd: null, amountVnd: null },
              cards: [],
              nextCursor: null,
            }
          }
          filters={filters}
          dragged={dragged}
          onMove={move}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
        />
      ))}
    </div>
  );
}

/** Width of the strips along the board's sides where a dragged card scrolls the board towards hidden columns. */
const EDGE_PX = 72;
const STEP_PX = 24;

function scrollNearEdges(event: DragEvent<HTMLDivElement>) {
  const board = event.currentTarget;
  const { left, right } = board.getBoundingClientRect();
  if (event.clientX > right - EDGE_PX) board.scrollLeft += STEP_PX;
  else if (event.clientX < left + EDGE_PX) board.scrollLeft -= STEP_PX;
}

export function BoardSkeleton() {
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      style={{ overflow: 'hidden' }}
      aria-busy="true"
      data-testid="board-loading"
    >
      {[0, 1, 2, 3, 4].map((column) => (
        <Stack key={column} gap="xs" w={288} style={{ flexShrink: 0 }}>
          <Skeleton height={52} radius="lg" />
          {[0, 1, 2].slice(0, 3 - (column % 3)).map((card) => (
            <Skeleton key={card} height={92} radius="md" />
          ))}
        </Stack>
      ))}
    </Group>
  );
}
