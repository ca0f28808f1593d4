import { Injectable } from '@nestjs/common';
import type { Pipeline } from '@irm/contracts';
import type { EntityManager } from 'typeorm';
import { AppException, ErrorCode } from '../common/app-exception';
import { toPipelines } from './pipeline-mappers';
import { PipelinesRepository } from './pipelines.repository';

@Injectable()
export class PipelinesService {
  constructor(private readonly pipelines: PipelinesRepository) {}

  async list(): Promise<Pipeline[]> {
    const { pipelines, stages } = await this.pipelines.list();
    return toPipelines(pipelines, stages);
  }

  /** One pipeline; inside a transaction when `manager` is given (to answer with what it just wrote). */
  async get(id: string, manager?: EntityManager): Promise<Pipeline> {
    const { pipelines, stages } = await this.pipelines.list(id, manager);
    const [pipeline] = toPipelines(pipelines, stages);
    if (!pipeline) throw new AppException(ErrorCode.NotFound, `Pipeline ${id} does not exist.`);
    return pipeline;
  }
}
