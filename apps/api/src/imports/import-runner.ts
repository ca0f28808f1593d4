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
import { AttendeeImporter } from './importers/attendee-importer';
import {
  ImportAbortedError,
  type EntityImporter,
  type ImportRow,
  type ImportRunContext,
  type PlannedBatch,
  type PlannedRow,
} from './importers/importer';
import { OrganizationImporter } from './importers/organization-importer';
import { BatchCounts, ImportJobRow, ImportsRepository, RowErrorValues } from './imports.repository';
import { UnreadableFileError } from './table-reader';

/** Rows written per transaction. */
export const IMPORT_BATCH_SIZE = 1_000;
/** A run that meets a concurrent insert of the same key starts again from what was committed, this often. */
const UNIQUE_RETRIES = 3;

/** A batch's transaction found the job no longer its to advance (cancelled, or moved on by another run). */
class BatchStopped extends Error {}

/**
 * Carries out one import job in the worker: counts the rows (which also proves the whole file
 * readable before anything is written), then plans and writes batch after batch. Each batch's
 * writes, row errors and counters commit together, so a job that is run again (a crash, a
 * retry) skips the rows already counted as processed and never applies a row twice.
 *
 * Two batches are in flight at once: while the database writes one, the next is read and checked.
 * They are planned in file order, and each commits only after the one before it (the counters
 * must show exactly the rows before them as processed, under the job row's lock).
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
    attendees: AttendeeImporter,
  ) {
    this.importers = {
      [ImportEntity.Organizations]: organizations,
      [ImportEntity.Contacts]: contacts,
      [ImportEntity.Attendees]: attendees,
    };
  }

  /** `finalAttempt`: no retry follows, so an unexpected failure ends the job as failed. */
  async run(jobId: string, finalAttempt: boolean): Promise<void> {
    let job = await this.imports.findJob(jobId);
    if (!job || ![ImportStatus.Queued, ImportStatus.Running].includes(job.status)) return;
    await this.imports.start(jobId);
    job = (await this.imports.findJob(jobId))!;
    if (job.status !== ImportStatus.Running) return;
    try {
      if (!job.fileId) {
        await this.imports.finish(jobId, ImportStatus.Failed, 'The uploaded file is no longer kept; upload it again.');
        return;
      }
      const actor = await this.actorOf(job);
      if (!actor) {
        await this.imports.finish(jobId, ImportStatus.Failed, 'The person who started the import is no longer active.');
        return;
      }
      if (job.total === null) {
        await this.imports.setTotal(
          jobId,
          await countDataRows(job.entity, job.format, Readable.from(this.imports.readFile(job.fileId!))),
        );
      }
      for (let attempt = 1; ; attempt++) {
        try {
          const completed = await this.importRows((await this.imports.findJob(jobId))!, actor);
          if (completed && (await this.imports.finish(jobId, ImportStatus.Completed)))
            this.logger.log({ msg: 'import finished', importJobId: jobId, dryRun: job.dryRun });
          return;
        } catch (error) {
          // Someone created the same tax code or email meanwhile: plan again from what was committed.
          const unique = error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
          if (!unique || attempt >= UNIQUE_RETRIES) throw error;
        }
      }
    } catch (error) {
      if (error instanceof UnreadableFileError || error instanceof ImportAbortedError) {
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
    return readImportRows(job.entity, job.format, Readable.from(this.imports.readFile(job.fileId!)));
  }

  /** Returns false when the job stopped early (cancelled, or taken over by another run). */
  private async importRows(job: ImportJobRow, actor: Principal): Promise<boolean> {
    const importer = this.importers[job.entity];
    const context: ImportRunContext = {
      jobId: job.id,
      actor,
      dryRun: job.dryRun,
      eventId: job.eventId,
      seenKeys: new Map(),
      usersByEmail: new Map(),
    };
    let done = job.processed;
    let skipped = 0;
    let batch: ImportRow[] = [];
    // The batch before this one: planned (so keys are claimed in file order) and committed.
    let previous = { planned: Promise.resolve(), committed: Promise.resolve(true) };
    const send = async (rows: ImportRow[]): Promise<boolean> => {
      const current = this.importBatch(job, importer, rows, done, context, previous);
      done += rows.length;
      // At most two in flight: wait for the earlier one before reading further.
      const earlier = previous.committed;
      previous = current;
      if (await earlier) return true;
      await current.committed.catch(() => undefined);
      return false;
    };
    try {
      for await (const row of this.rowsOf(job)) {
        if (skipped < job.processed) {
          // Done before a restart: only its keys are remembered, for the duplicate check.
          skipped++;
          for (const key of importer.keysOf(row))
            if (!context.seenKeys.has(key)) context.seenKeys.set(key, row.rowNumber);
          continue;
        }
        batch.push(row);
        if (batch.length >= IMPORT_BATCH_SIZE) {
          if (!(await send(batch))) return false;
          batch = [];
        }
      }
      if (batch.length > 0 && !(await send(batch))) return false;
      return await previous.committed;
    } catch (error) {
      // Let the batch still in flight settle (it cannot commit past a failed one) before giving up.
      await previous.committed.catch(() => undefined);
      throw error;
    }
  }

  /** Starts a batch's transaction; its plan waits for the previous plan, its commit for the previous commit. */
  private importBatch(
    job: ImportJobRow,
    importer: EntityImporter,
    rows: ImportRow[],
    done: number,
    context: ImportRunContext,
    previous: { planned: Promise<void>; committed: Promise<boolean> },
  ): { planned: Promise<void>; committed: Promise<boolean> } {
    let planned!: () => void;
    const plannedPromise = new Promise<void>((resolve) => (planned = resolve));
    const committed = this.dataSource
      .transaction(async (manager) => {
        let batch: PlannedBatch;
        try {
          if (importer.sequential) await previous.committed.catch(() => false);
          else await previous.planned;
          batch = await importer.planBatch(manager, rows, context);
        } finally {
          planned();
        }
        await batch.write();
        await this.imports.insertRowErrors(manager, job.id, batch.planned.flatMap(rowErrorsOf));
        // Only after the previous batch has committed can the counters show this one as next.
        if (!(await previous.committed.catch(() => false))) throw new BatchStopped();
        await this.recordBatch(manager, job, done, batch.planned);
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof BatchStopped) return false;
        throw error;
      });
    // Awaited only when the next batch is sent; until then a failure must not count as unhandled.
    committed.catch(() => undefined);
    return { planned: plannedPromise, committed };
  }

  /** Under the job row's lock: still running and exactly `done` rows behind us, or this batch rolls back. */
  private async recordBatch(manager: EntityManager, job: ImportJobRow, done: number, planned: PlannedRow[]) {
    const state = await this.imports.lockJob(manager, job.id);
    if (!state || state.status !== ImportStatus.Running) throw new BatchStopped();
    if (state.processed !== done) {
      this.logger.warn({ msg: 'import advanced by another run; stopping this one', importJobId: job.id });
      throw new BatchStopped();
    }
    const preview: ImportPreviewRow[] = job.dryRun
      ? planned.slice(0, Math.max(0, IMPORT_PREVIEW_ROWS - state.previewSize)).map(previewOf)
      : [];
    await this.imports.recordBatch(manager, job.id, countsOf(planned), preview);
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
