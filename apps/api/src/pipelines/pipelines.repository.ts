import { Injectable } from '@nestjs/common';
import type { PipelineKind, StageType } from '@irm/contracts';
import { DataSource } from 'typeorm';

export interface PipelineRow {
  id: string;
  kind: PipelineKind;
  nameVi: string;
  nameEn: string;
  version: number;
}

export interface StageRow {
  id: string;
  pipelineId: string;
  key: string;
  nameVi: string;
  nameEn: string;
  type: StageType;
  position: number;
  slaWorkingDays: number | null;
  retiredAt: Date | null;
  version: number;
}

@Injectable()
export class PipelinesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Pipelines in kind order, and all their stages with one more query. */
  async list(id?: string): Promise<{ pipelines: PipelineRow[]; stages: StageRow[] }> {
    const pipelines: PipelineRow[] = await this.dataSource.query(
      `SELECT id, kind, name_vi AS "nameVi", name_en AS "nameEn", version FROM pipeline
        ${id ? 'WHERE id = $1' : ''} ORDER BY kind`,
      id ? [id] : [],
    );
    if (!pipelines.length) return { pipelines, stages: [] };
    const stages: StageRow[] = await this.dataSource.query(
      `SELECT id, pipeline_id AS "pipelineId", key, name_vi AS "nameVi", name_en AS "nameEn", type, position,
              sla_working_days AS "slaWorkingDays", retired_at AS "retiredAt", version
         FROM stage WHERE pipeline_id = ANY($1) ORDER BY position, id`,
      [pipelines.map((pipeline) => pipeline.id)],
    );
    return { pipelines, stages };
  }
}
