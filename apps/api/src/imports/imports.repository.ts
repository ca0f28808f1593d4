import { Injectable } from '@nestjs/common';
import { ImportEntity, ImportFormat, ImportPreviewRow, ImportStatus } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ImportJobEntity } from './import-job.entity';

export type ImportJobRow = Omit<ImportJobEntity, 'file' | 'createdBy' | 'dryRunJob' | 'event' | 'updatedAt'> & {
  createdByName: string;
  eventName: string | null;
  appliedJobId: string | null;
};

export interface NewImportJob {
  entity: ImportEntity;
  fileId: string;
  fileName: string;
  format: ImportFormat;
  fileSize: number;
  dryRun: boolean;
  columns: Record<string, string>;
  ignoredColumns: string[];
  headers: string[];
  createdById: string;
  dryRunJobId?: string | null;
  eventId?: string | null;
}

export interface BatchCounts {
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface RowErrorValues {
  rowNumber: number;
  field: string | null;
  message: string;
  raw: Record<string, string>;
}

export interface RowErrorRow extends RowErrorValues {
  id: string;
}

const JOB_COLUMNS = `j.id, j.entity, j.file_id AS "fileId", j.file_name AS "fileName", j.format,
  j.file_size AS "fileSize", j.status, j.dry_run AS "dryRun", j.columns, j.ignored_columns AS "ignoredColumns", j.headers,
  j.total, j.processed, j.created, j.updated, j.unchanged, j.failed, j.error_message AS "errorMessage",
  j.dry_run_job_id AS "dryRunJobId", a.id AS "appliedJobId", j.event_id AS "eventId", e.name AS "eventName",
  j.created_by_id AS "createdById",
  u.name AS "createdByName", j.created_at AS "createdAt", j.started_at AS "startedAt",
  j.finished_at AS "finishedAt", j.version`;
const JOB_FROM = `import_job j JOIN app_user u ON u.id = j.created_by_id
  LEFT JOIN import_job a ON a.dry_run_job_id = j.id LEFT JOIN promotion_event e ON e.id = j.event_id`;

/** Slices of a stored file read at a time; the file is never loaded whole. */
const FILE_SLICE_BYTES = 1024 * 1024;

@Injectable()
export class ImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertFile(manager: EntityManager, content: Buffer, sha256: string): Promise<string> {
    // Plain SQL: the driver sends the buffer as binary; the ORM's insert path is slow with megabytes.
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO import_file (content, size, sha256) VALUES ($1, $2, $3) RETURNING id`,
      [content, content.length, sha256],
    );
    return row.id;
  }

  async insertJob(manager: EntityManager, job: NewImportJob): Promise<string> {
    const result = await manager.insert(ImportJobEntity, { ...job, status: ImportStatus.Queued });
    return (result.identifiers[0] as { id: string }).id;
  }

  async findJob(id: string, manager: EntityManager = this.dataSource.manager): Promise<ImportJobRow | null> {
    const rows: ImportJobRow[] = await manager.query(`SELECT ${JOB_COLUMNS} FROM ${JOB_FROM} WHERE j.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findPreview(id: string): Promise<ImportPreviewRow[]> {
    const rows: { preview: ImportPreviewRow[] }[] = await this.dataSource.query(
      `SELECT preview FROM import_job WHERE id = $1`,
      [id],
    );
    return rows[0]?.preview ?? [];
  }

  /** Newest first; keyset on (created_at, id) descending. */
  async list(filter: { createdById?: string; before?: [string, string]; limit: number }): Promise<ImportJobRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.createdById) where.push(`j.created_by_id = ${param(filter.createdById)}`);
    if (filter.before)
      where.push(`(j.created_at, j.id) < (${param(filter.before[0])}::timestamptz, ${param(filter.before[1])}::uuid)`);
    return this.dataSource.query(
      `SELECT ${JOB_COLUMNS} FROM ${JOB_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY j.created_at DESC, j.id DESC LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }

  /** Holds the job row for one batch: a cancel waits for the batch, and the next batch sees it. */
  async lockJob(
    manager: EntityManager,
    id: string,
  ): Promise<{ status: ImportStatus; processed: number; previewSize: number } | null> {
    const rows = await manager.query(
      `SELECT status, processed, jsonb_array_length(preview) AS "previewSize" FROM import_job WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async start(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_job SET status = 'running', started_at = coalesce(started_at, now()), version = version + 1
        WHERE id = $1 AND status = 'queued'`,
      [id],
    );
  }

  async setTotal(id: string, total: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_job SET total = $2, version = version + 1 WHERE id = $1 AND status = 'running'`,
      [id, total],
    );
  }

  async recordBatch(
    manager: EntityManager,
    id: string,
    counts: BatchCounts,
    preview: ImportPreviewRow[],
  ): Promise<void> {
    await manager.query(
      `UPDATE import_job SET processed = processed + $2, created = created + $3, updated = updated + $4,
              unchanged = unchanged + $5, failed = failed + $6, preview = preview || $7::jsonb,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, counts.processed, counts.created, counts.updated, counts.unchanged, counts.failed, JSON.stringify(preview)],
    );
  }

  async insertRowErrors(manager: EntityManager, jobId: string, errors: RowErrorValues[]): Promise<void> {
    if (errors.length === 0) return;
    await manager.query(
      `INSERT INTO import_row_error (job_id, row_number, field, message, raw)
       SELECT $1, r.row_number, r.field, r.message, r.raw
         FROM jsonb_to_recordset($2::jsonb) AS r(row_number integer, field text, message text, raw jsonb)`,
      [
        jobId,
        JSON.stringify(
          errors.map((e) => ({ row_number: e.rowNumber, field: e.field, message: e.message, raw: e.raw })),
        ),
      ],
    );
  }

  /** Ends a running job; returns false when it had already ended (e.g. cancelled meanwhile). */
  async finish(id: string, status: ImportStatus, errorMessage: string | null = null): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE import_job SET status = $2, error_message = $3, finished_at = now(), version = version + 1
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, status, errorMessage],
    )) as [unknown, number];
    return affected > 0;
  }

  async cancel(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE import_job SET status = 'cancelled', finished_at = now(), version = version + 1 WHERE id = $1`,
      [id],
    );
  }

  async lockForChange(manager: EntityManager, id: string): Promise<ImportJobEntity | null> {
    return manager.getRepository(ImportJobEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The stored file, slice by slice. */
  async *readFile(fileId: string): AsyncGenerator<Buffer> {
    for (let offset = 1; ; offset += FILE_SLICE_BYTES) {
      const rows: { slice: Buffer | null }[] = await this.dataSource.query(
        `SELECT substring(content FROM $2 FOR $3) AS slice FROM import_file WHERE id = $1`,
        [fileId, offset, FILE_SLICE_BYTES],
      );
      const slice = rows[0]?.slice;
      if (!slice || slice.length === 0) return;
      yield slice;
      if (slice.length < FILE_SLICE_BYTES) return;
    }
  }

  /** Deletes files older than `days` that no queued or running job still needs; returns how many. */
  async deleteFilesBefore(days: number): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM import_file f WHERE f.created_at < now() - make_interval(days => $1)
          AND NOT EXISTS (SELECT 1 FROM import_job j WHERE j.file_id = f.id AND j.status IN ('queued', 'running'))`,
      [days],
    )) as [unknown, number];
    return deleted;
  }

  async rowErrors(jobId: string, after: [number, string] | undefined, limit: number): Promise<RowErrorRow[]> {
    return this.dataSource.query(
      `SELECT id::text AS id, row_number AS "rowNumber", field, message, raw FROM import_row_error
        WHERE job_id = $1 ${after ? 'AND (row_number, id) > ($3, $4::bigint)' : ''}
        ORDER BY row_number, id LIMIT $2`,
      after ? [jobId, limit + 1, after[0], after[1]] : [jobId, limit + 1],
    );
  }
}
