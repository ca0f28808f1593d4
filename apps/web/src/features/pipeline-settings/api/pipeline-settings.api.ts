import type {
  CreateStageRequest,
  Pipeline,
  RetireStageRequest,
  Stage,
  StageOrderRequest,
  StageRetirement,
  StageUsage,
  UpdateStageRequest,
} from '@irm/contracts';
import { api } from '../../../shared/api';

const pipelinePath = (id: string) => `/pipelines/${encodeURIComponent(id)}`;
const stagePath = (pipelineId: string, stageId: string) =>
  `${pipelinePath(pipelineId)}/stages/${encodeURIComponent(stageId)}`;

export function fetchPipelines(signal?: AbortSignal): Promise<Pipeline[]> {
  return api.get<Pipeline[]>('/pipelines', { signal });
}

export function fetchStageUsage(pipelineId: string, signal?: AbortSignal): Promise<StageUsage[]> {
  return api.get<StageUsage[]>(`${pipelinePath(pipelineId)}/stage-usage`, { signal });
}

export function createStage(pipelineId: string, request: CreateStageRequest): Promise<Stage> {
  return api.post<Stage>(`${pipelinePath(pipelineId)}/stages`, request);
}

export function updateStage(pipelineId: string, stageId: string, request: UpdateStageRequest): Promise<Stage> {
  return api.patch<Stage>(stagePath(pipelineId, stageId), request);
}

export function reorderStages(pipelineId: string, request: StageOrderRequest): Promise<Pipeline> {
  return api.put<Pipeline>(`${pipelinePath(pipelineId)}/stage-order`, request);
}

export function retireStage(
  pipelineId: string,
  stageId: string,
  request: RetireStageRequest,
): Promise<StageRetirement> {
  return api.post<StageRetirement>(`${stagePath(pipelineId, stageId)}/retire`, request);
}

export function restoreStage(pipelineId: string, stageId: string, version: number): Promise<Stage> {
  return api.post<Stage>(`${stagePath(pipelineId, stageId)}/restore`, { version });
}

export function deleteStage(pipelineId: string, stageId: string, version: number): Promise<void> {
  return api.delete(stagePath(pipelineId, stageId), { query: { version } });
}
