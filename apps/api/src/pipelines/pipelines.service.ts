import { Injectable } from '@nestjs/common';
import type { Pipeline } from '@irm/contracts';
import { AppException, ErrorCode } from '../common/app-exception';
import { PipelinesRepository } from './pipelines.repository';

@Injectable()
export class PipelinesService {
  constructor(private readonly pipelines: PipelinesRepository) {}

  async list(): Promise<Pipeline[]> {
    return this.assemble(await this.pipelines.list());
  }

  async get(id: string): Promise<Pipeline> {
    const [pipeline] = this.assemble(await this.pipelines.list(id));
    if (!pipeline) throw new AppException(ErrorCode.NotFound, `Pipeline ${id} does not exist.`);
    return pipeline;
  }

  private assemble({ pipelines, stages }: Awaited<ReturnType<PipelinesRepository['list']>>): Pipeline[] {
    return pipelines.map((pipeline) => ({
      id: pipeline.id,
      kind: pipeline.kind,
      name: { vi: pipeline.nameVi, en: pipeline.nameEn },
      version: pipeline.version,
      stages: stages
        .filter((stage) => stage.pipelineId === pipeline.id)
        .map((stage) => ({
          id: stage.id,
          key: stage.key,
          name: { vi: stage.nameVi, en: stage.nameEn },
          type: stage.type,
          position: stage.position,
          slaWorkingDays: stage.slaWorkingDays,
          retiredAt: stage.retiredAt ? new Date(stage.retiredAt).toISOString() : null,
          version: stage.version,
        })),
    }));
  }
}
