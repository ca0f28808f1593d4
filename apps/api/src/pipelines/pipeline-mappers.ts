import type { Pipeline, Stage } from '@irm/contracts';
import type { PipelineRow, StageRow } from './pipelines.repository';

export function toStage(stage: StageRow): Stage {
  return {
    id: stage.id,
    key: stage.key,
    name: { vi: stage.nameVi, en: stage.nameEn },
    type: stage.type,
    position: stage.position,
    slaWorkingDays: stage.slaWorkingDays,
    retiredAt: stage.retiredAt ? new Date(stage.retiredAt).toISOString() : null,
    publicLabelVi: stage.publicLabelVi,
    publicLabelEn: stage.publicLabelEn,
    version: stage.version,
  };
}

/** Pipelines with their stages, from the rows of both (stages in order). */
export function toPipelines(pipelines: PipelineRow[], stages: StageRow[]): Pipeline[] {
  return pipelines.map((pipeline) => ({
    id: pipeline.id,
    kind: pipeline.kind,
    name: { vi: pipeline.nameVi, en: pipeline.nameEn },
    version: pipeline.version,
    stages: stages.filter((stage) => stage.pipelineId === pipeline.id).map(toStage),
  }));
}
