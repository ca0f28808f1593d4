import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import {
  IMPORT_PREVIEW_ROWS,
  ImportEntity,
  ImportPreviewRow,
  ImportRowAction,
  ImportStatus,
  Role,
} from '@irm/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Principal } from '../auth/principal';
import { countDataRows, readImportRows } from './import-rows';
import { ContactImporter } from './importers/contact-importer';
import type { EntityImporter, ImportRow, ImportRunContext, PlannedRow } from './importers/importer';
import { OrganizationImporter } from './importers/organization-importer';
import { BatchCounts, ImportJobRow, ImportsRepository, RowErrorValues } from './imports.repository';
import { UnreadableFileError } from './table-reader';

/** Rows written per transaction. */
export const IMPORT_BATCH_SIZE = 1_000;
/** A batch that meets a concurrent insert of the same key is re-planned this many times. */
const UNIQUE_RETRIES = 3;

/**
 * Carries out one import job in the worker: counts the rows (which also proves the whole file
 * readable before anything is written), then plans and writes batch after batch. Each batch's
 * writes, row errors and counters commit together, so a job that is run again (a crash, a
 * retry) skips the rows already counted as processed and never applies a row twice.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);
  private readonly importers: Record<ImportEntity, EntityImporter>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: ImportsRepository,
    organizations: OrganizationImporter,
    contacts: ContactImporter,
  ) {
    this.importers = { [ImportEntity.Organizations]: organizations, [ImportEntity.Contacts]: contacts };
  }

  /** `finalAttempt`: no retry follows, so an unexpected failure ends the job as failed. */
  async run(jobId: string, finalAttempt: boolean): Promise<void> {
    let job = await this.imports.findJob(jobId);
    if (!job || ![ImportStatus.Queued, ImportStatus.Running].includes(job.status)) return;
    await this.imports.start(jobId);
    job = (await this.imports.findJob(jobId))!;
    if (job.status !== ImportStatus.Running) return;
    try {
      const actor = await this.actorOf(job);
      if (!actor) {
        await this.imports.finish(jobId, ImportStatus.Failed, 'The person who started the import is no longer active.');
        return;
      }
      if (job.total === null) {
        await this.imports.setTotal(
          jobId,
          await countDataRows(job.entity, job.format, Readable.from(this.imports.readFile(job.fileId))),
        );
      }
      const completed = await this.importRows(job, actor);
      if (completed && (await this.imports.finish(jobId, ImportStatus.Completed)))
        this.logger.log({ msg: 'import finished', importJobId: jobId, dryRun: job.dryRun });
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        await this.imports.finish(jobId, ImportStatus.Failed, error.message);
        return;
      }
      if (finalAttempt) {
        await this.imports.finish(jobId, ImportStatus.Failed, 'The import stopped on an unexpected error; try again.');
      }
      throw error;
    }
  }

  private rowsOf(job: ImportJobRow): AsyncGenerator<ImportRow> {
    return readImportRows(job.entity, job.format, Readable.from(this.imports.readFile(job.fileId)));
  }

  /** Returns false when the job stopped early (cancelled, or taken over by another run). */
  private async importRows(job: ImportJobRow, actor: Principal): Promise<boolean> {
    const importer = this.importers[job.entity];
    const context: ImportRunContext = {
      jobId: job.id,
      actor,
      dryRun: job.dryRun,
      seenKeys: new Map(),
      usersByEmail: new Map(),
    };
    let done = job.processed;
    let skipped = 0;
    let batch: ImportRow[] = [];
    for await (const row of this.rowsOf(job)) {
      if (skipped < job.processed) {
        // Done before a restart: only its key is remembered, for the duplicate check.
        skipped++;
        for (const key of importer.keysOf(row))
          if (!context.seenKeys.has(key)) context.seenKeys.set(key, row.rowNumber);
        continue;
      }
      batch.push(row);
      if (batch.length >= IMPORT_BATCH_SIZE) {
        if (!(await this.importBatch(job, importer, batch, done, context))) return false;
        done += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0 && !(await this.importBatch(job, importer, batch, done, context))) return false;
    return true;
  }

  private async importBatch(
    job: ImportJobRow,
    importer: EntityImporter,
    rows: ImportRow[],
    done: number,
    context: ImportRunContext,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) =>
          this.writeBatch(manager, job, importer, rows, done, context),
        );
      } catch (error) {
        // Keys claimed by the rolled-back batch are free again.
        for (const [key, rowNumber] of context.seenKeys)
          if (rowNumber >= rows[0].rowNumber) context.seenKeys.delete(key);
        // Someone created the same tax code or email meanwhile: plan the batch again, now as an update.
        const unique = error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
        if (!unique || attempt >= UNIQUE_RETRIES) throw error;
      }
    }
  }

  private async writeBatch(
    manager: EntityManager,
    job: ImportJobRow,
    importer: EntityImporter,
    rows: ImportRow[],
    done: number,
    context: ImportRunContext,
  ): Promise<boolean> {
    const state = await this.imports.lockJob(manager, job.id);
    if (!state || state.status !== ImportStatus.Running) return false;
    if (state.processed !== done) {
      this.logger.warn({ msg: 'import advanced by another run; stopping this one', importJobId: job.id });
      return false;
    }
    const planned = await importer.importBatch(manager, rows, context);
    await this.imports.insertRowErrors(manager, job.id, planned.flatMap(rowErrorsOf));
    const preview: ImportPreviewRow[] = job.dryRun
      ? planned.slice(0, Math.max(0, IMPORT_PREVIEW_ROWS - state.previewSize)).map(previewOf)
      : [];
    await this.imports.recordBatch(manager, job.id, countsOf(planned), preview);
    return true;
  }

  private async actorOf(job: ImportJobRow): Promise<Principal | null> {
    const rows: { id: string; email: string; name: string; role: Role; language: string }[] =
      await this.dataSource.query(`SELECT id, email, name, role, language FROM app_user WHERE id = $1 AND active`, [
        job.createdById,
      ]);
    const user = rows[0];
    return user
      ? { userId: user.id, email: user.email, name: user.name, role: user.role, language: user.language, via: 'token' }
      : null;
  }
}

function rowErrorsOf(row: PlannedRow): RowErrorValues[] {
  if (row.errors.length === 0) return [];
  const raw = row.source.raw;
  return row.errors.map((error) => ({ rowNumber: row.rowNumber, field: error.field, message: error.message, raw }));
}

function previewOf(row: PlannedRow): ImportPreviewRow {
  return { rowNumber: row.rowNumber, action: row.action, values: row.values, errors: row.errors };
}

function countsOf(rows: PlannedRow[]): BatchCounts {
  const count = (action: ImportRowAction) => rows.filter((row) => row.action === action).length;
  return {
    processed: rows.length,
    created: count(ImportRowAction.Create),
    updated: count(ImportRowAction.Update),
    unchanged: count(ImportRowAction.Unchanged),
    failed: count(ImportRowAction.Error),
  };
}
