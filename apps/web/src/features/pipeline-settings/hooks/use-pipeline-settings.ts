import type { CreateStageRequest, Pipeline, Stage, UpdateStageRequest } from '@irm/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError, queryKeys } from '../../../shared/api';
import {
  createStage,
  deleteStage,
  fetchPipelines,
  fetchStageUsage,
  reorderStages,
  restoreStage,
  retireStage,
  updateStage,
} from '../api/pipeline-settings.api';

export function usePipelines() {
  return useQuery({ queryKey: queryKeys.pipelines.list(), queryFn: ({ signal }) => fetchPipelines(signal) });
}

export function useStageUsage(pipelineId: string) {
  return useQuery({
    queryKey: queryKeys.pipelines.stageUsage(pipelineId),
    queryFn: ({ signal }) => fetchStageUsage(pipelineId, signal),
    select: (rows) => new Map(rows.map((row) => [row.stageId, row])),
  });
}

/**
 * The pipelines and their stage counts again, awaited: each change bumps the pipeline's version, and the next
 * change must be sent with the new one.
 */
function reload(queryClient: QueryClient, pipelineId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.pipelines.list() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.pipelines.stageUsage(pipelineId) }),
  ]);
}

/** Someone else changed the pipeline first (409): show them its current state. */
function reloadWhenStale(queryClient: QueryClient, pipelineId: string, error: unknown) {
  if (isApiError(error) && error.status === 409) void reload(queryClient, pipelineId);
}

export function useCreateStage(pipeline: Pipeline) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: Omit<CreateStageRequest, 'version'>) =>
      createStage(pipeline.id, { ...request, version: pipeline.version }),
    onSuccess: () => reload(queryClient, pipeline.id),
    onError: (error) => reloadWhenStale(queryClient, pipeline.id, error),
  });
}

export interface StageChange {
  /** The stage as the manager saw it: its version guards against overwriting someone else's change. */
  stage: Stage;
  changes: Omit<UpdateStageRequest, 'version'>;
}

export function useUpdateStage(pipelineId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stage, changes }: StageChange) =>
      updateStage(pipelineId, stage.id, { ...changes, version: stage.version }),
    onSuccess: () => reload(queryClient, pipelineId),
    onError: (error) => reloadWhenStale(queryClient, pipelineId, error),
  });
}

/** A new order, shown at once and put back if the server refuses it. */
export function useReorderStages(pipeline: Pipeline) {
  const queryClient = useQueryClient();
  const key = queryKeys.pipelines.list();
  return useMutation({
    mutationFn: (stageIds: string[]) => reorderStages(pipeline.id, { stageIds, version: pipeline.version }),
    onMutate: async (stageIds) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Pipeline[]>(key);
      queryClient.setQueryData<Pipeline[]>(key, (pipelines) =>
        pipelines?.map((candidate) => (candidate.id === pipeline.id ? inOrder(candidate, stageIds) : candidate)),
      );
      return { previous };
    },
    onSuccess: (updated) =>
      queryClient.setQueryData<Pipeline[]>(key, (pipelines) =>
        pipelines?.map((candidate) => (candidate.id === updated.id ? updated : candidate)),
      ),
    onError: (error, _stageIds, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      reloadWhenStale(queryClient, pipeline.id, error);
    },
  });
}

function inOrder(pipeline: Pipeline, stageIds: string[]): Pipeline {
  const byId = new Map(pipeline.stages.map((stage) => [stage.id, stage]));
  const stages = stageIds.flatMap((id, index) => {
    const stage = byId.get(id);
    return stage ? [{ ...stage, position: index + 1 }] : [];
  });
  return { ...pipeline, stages };
}

export function useRetireStage(pipelineId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stage, moveItemsToStageId }: { stage: Stage; moveItemsToStageId: string | null }) =>
      retireStage(pipelineId, stage.id, { moveItemsToStageId, version: stage.version }),
    onSuccess: () => reload(queryClient, pipelineId),
    onError: (error) => reloadWhenStale(queryClient, pipelineId, error),
  });
}

export function useRestoreStage(pipelineId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stage: Stage) => restoreStage(pipelineId, stage.id, stage.version),
    onSuccess: () => reload(queryClient, pipelineId),
    onError: (error) => reloadWhenStale(queryClient, pipelineId, error),
  });
}

export function useDeleteStage(pipelineId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stage: Stage) => deleteStage(pipelineId, stage.id, stage.version),
    onSuccess: () => reload(queryClient, pipelineId),
    onError: (error) => reloadWhenStale(queryClient, pipelineId, error),
  });
}
