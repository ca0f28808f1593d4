import { useState } from 'react';
import { StageType, type Board, type Page, type Pipeline, type PipelineItemBase, type Stage } from '@irm/contracts';
import { useMutation, useQueryClient, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError, queryKeys } from '../../../shared/api';
import { useLanguage } from '../../../shared/i18n';
import { notify } from '../../../shared/ui';
import { isStaleVersion } from '../../records';
import { moveItem } from '../api/pipelines.api';
import { foreseenProblems, localized, problemLines } from '../move-check';
import { refreshItem } from './use-pipelines';

export interface MoveVariables {
  item: PipelineItemBase;
  to: Stage;
  reason?: string;
}

interface MoveContext {
  snapshot: [QueryKey, unknown][];
}

/** The item as it will be once moved: in the new stage since now, nothing overdue yet. */
function movedCopy<T extends PipelineItemBase>(item: T, to: Stage): T {
  return {
    ...item,
    stageId: to.id,
    stageKey: to.key,
    stageType: to.type,
    stageEnteredAt: new Date().toISOString(),
    daysInStage: 0,
    overdue: false,
  };
}

/** The board with the card taken out of its column and put at the end of the new one (newest in stage). */
function moveOnBoard(board: Board, item: PipelineItemBase, moved: PipelineItemBase): Board {
  return {
    ...board,
    stages: board.stages.map((column) => {
      if (column.stageId === item.stageId) {
        const had = column.cards.some((card) => card.id === item.id);
        return {
          ...column,
          cards: column.cards.filter((card) => card.id !== item.id),
          count: Math.max(0, column.count - 1),
          overdueCount: Math.max(0, column.overdueCount - (item.overdue && had ? 1 : 0)),
        };
      }
      if (column.stageId === moved.stageId) {
        return { ...column, cards: [...column.cards, moved], count: column.count + 1 };
      }
      return column;
    }),
  };
}

/**
 * Moves an item to another stage at once on screen (board, lists, its page), then asks the server. When the server
 * refuses (409 someone else changed it, 422 a rule), everything goes back, the reasons are shown and the board is
 * loaded again.
 */
export function useMoveItem() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [language] = useLanguage();
  return useMutation<PipelineItemBase, unknown, MoveVariables, MoveContext>({
    mutationFn: ({ item, to, reason }) => moveItem(item, { stageId: to.id, version: item.version, reason }),
    onMutate: async ({ item, to }) => {
      const boards = queryKeys.pipelines.boards(item.pipelineId);
      const lists = queryKeys.items.lists(item.kind);
      const detail = queryKeys.items.detail(item.kind, item.id);
      await Promise.all([
        queryClient.cancelQueries({ queryKey: boards }),
        queryClient.cancelQueries({ queryKey: lists }),
        queryClient.cancelQueries({ queryKey: detail }),
      ]);
      const snapshot = [
        ...queryClient.getQueriesData({ queryKey: boards }),
        ...queryClient.getQueriesData({ queryKey: lists }),
        ...queryClient.getQueriesData({ queryKey: detail }),
      ];
      const moved = movedCopy(item, to);
      queryClient.setQueriesData<Board>({ queryKey: boards }, (board) => board && moveOnBoard(board, item, moved));
      queryClient.setQueriesData<InfiniteData<Page<PipelineItemBase>>>(
        { queryKey: lists },
        (data) =>
          data?.pages && {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((card) => (card.id === item.id ? movedCopy(card, to) : card)),
            })),
          },
      );
      queryClient.setQueryData<PipelineItemBase>(detail, (current) => current && movedCopy(current, to));
      return { snapshot };
    },
    onError: (error, { to }, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
      const stage = localized(to.name, language);
      if (isStaleVersion(error)) {
        notify({ tone: 'warning', title: t('pipelines.move.staleTitle'), message: t('pipelines.move.stale') });
      } else if (isApiError(error) && error.fieldErrors.length > 0) {
        notify({
          tone: 'error',
          title: t('pipelines.move.refusedTitle', { stage }),
          message: problemLines(error.fieldErrors, t, language, stage).join('\n'),
        });
      } else {
        notify({
          tone: 'error',
          title: t('pipelines.move.failedTitle', { stage }),
          message: isApiError(error) ? (error.problem.detail ?? error.problem.title) : t('errors.unexpected'),
        });
      }
    },
    onSuccess: (updated, { to }) => {
      notify({
        tone: 'success',
        message: t('pipelines.move.done', { title: updated.title, stage: localized(to.name, language) }),
      });
    },
    onSettled: (_updated, _error, { item }) => refreshItem(queryClient, { kind: item.kind, id: item.id }),
  });
}

/** A move waiting for the person to give a reason (closing as lost). */
export interface PendingLostMove {
  item: PipelineItemBase;
  to: Stage;
}

/**
 * The way every "move" control asks for a move: a lost stage first asks why (see `LostReasonModal`), a refusal the
 * rules can foresee is explained without a round trip, and the rest goes to the server.
 */
export function useMoveFlow(pipeline: Pipeline | undefined) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const move = useMoveItem();
  const [pendingLost, setPendingLost] = useState<PendingLostMove | null>(null);

  const send = (item: PipelineItemBase, to: Stage, reason?: string) => {
    if (!pipeline) return;
    const foreseen = foreseenProblems(pipeline, item, to, reason);
    if (foreseen.length > 0) {
      const stage = localized(to.name, language);
      notify({
        tone: 'error',
        title: t('pipelines.move.refusedTitle', { stage }),
        message: problemLines(foreseen, t, language, stage).join('\n'),
      });
      return;
    }
    move.mutate({ item, to, reason });
  };

  const requestMove = (item: PipelineItemBase, to: Stage) => {
    if (to.id === item.stageId) return;
    if (to.type === StageType.Lost) setPendingLost({ item, to });
    else send(item, to);
  };

  return {
    requestMove,
    pendingLost,
    cancelLost: () => setPendingLost(null),
    confirmLost: (reason: string) => {
      if (pendingLost) send(pendingLost.item, pendingLost.to, reason);
      setPendingLost(null);
    },
    pending: move.isPending,
  };
}
