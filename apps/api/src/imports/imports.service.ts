import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  EXPORT_ONLY_COLUMNS,
  ExportFormat,
  IMPORT_COLUMNS,
  ImportCreated,
  ImportEntity,
  ImportFormat,
  ImportJob,
  ImportRowErrorItem,
  ImportStatus,
  Page,
} from '@irm/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AttendeesService } from '../events/attendees.service';
import { isManagerOrAdmin, Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import type { Download } from '../common/download';
import { decodeCursor, toPage, UUID_PATTERN } from '../common/pagination';
import { CellValue, CONTENT_TYPE, csvStream, xlsxStream } from '../common/spreadsheet';
import { OutboxService } from '../queue/outbox.service';
import { JobName } from '../queue/queue-names';
import type { ImportListQueryDto, ImportErrorsQueryDto } from './imports.dto';
import { ImportJobRow, ImportsRepository } from './imports.repository';
import { readHeader, slices } from './import-rows';
import { prepareUpload, UnreadableFileError } from './table-reader';
import type { ImportUpload } from './upload';

const SUBJECT = 'import_job';
const ERRORS_CSV_BATCH = 1_000;

function toImportJob(row: ImportJobRow, preview: ImportJob['preview'] = []): ImportJob {
  const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);
  return {
    id: row.id,
    entity: row.entity,
    fileName: row.fileName,
    format: row.format,
    fileSize: row.fileSize,
    status: row.status,
    dryRun: row.dryRun,
    columns: row.columns,
    ignoredColumns: row.ignoredColumns,
    total: row.total,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    errorMessage: row.errorMessage,
    preview,
    appliedJobId: row.appliedJobId,
    dryRunJobId: row.dryRunJobId,
    eventId: row.eventId,
    eventName: row.eventName,
    createdById: row.createdById,
    createdByName: row.createdByName,
    createdAt: iso(row.createdAt)!,
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    version: row.version,
  };
}

function languageOf(principal: Principal, lang?: 'vi' | 'en'): 'vi' | 'en' {
  return lang ?? (principal.language === 'en' ? 'en' : 'vi');
}

@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: ImportsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly attendees: AttendeesService,
  ) {}

  /**
   * Checks the file far enough to refuse it at once (empty, not a table, wrong columns), then stores it and
   * queues the job in one transaction; the worker reads it from the database.
   */
  async upload(principal: Principal, upload: ImportUpload): Promise<ImportCreated> {
    const { entity, dryRun = false } = upload.fields;
    const eventId = await this.checkEvent(principal, entity, upload.fields.eventId);
    const prepared = prepareUpload(upload.content);
    const header = await this.checkHeader(entity, prepared.format, prepared.content);
    return this.dataSource.transaction(async (manager) => {
      const fileId = await this.imports.insertFile(
        manager,
        prepared.content,
        createHash('sha256').update(upload.content).digest('hex'),
      );
      const id = await this.imports.insertJob(manager, {
        entity,
        fileId,
        fileName: upload.fileName,
        format: prepared.format,
        fileSize: upload.content.length,
        dryRun,
        columns: header.columns,
        ignoredColumns: header.ignored,
        headers: header.headers.filter(Boolean),
        createdById: principal.userId,
        eventId,
      });
      await this.audit.record(manager, {
        action: AuditAction.Create,
        subjectType: SUBJECT,
        subjectId: id,
        details: {
          entity,
          fileName: upload.fileName,
          dryRun,
          fileSize: upload.content.length,
          ...(eventId && { eventId }),
        },
      });
      await this.outbox.enqueue(manager, JobName.RunImport, { importJobId: id });
      return { id };
    });
  }

  /**
   * An attendee import names its event, and only someone who may add attendees to it (its owner, an assignee or a
   * manager, as on the attendee routes) may import them; other imports name none.
   */
  private async checkEvent(principal: Principal, entity: ImportEntity, eventId?: string): Promise<string | null> {
    if (entity !== ImportEntity.Attendees) {
      if (eventId === undefined) return null;
      throw new AppException(ErrorCode.ValidationFailed, 'Only an attendee import names an event.', [
        { field: 'eventId', message: 'is only for attendee imports' },
      ]);
    }
    if (eventId === undefined) {
      throw new AppException(ErrorCode.ValidationFailed, 'Name the event whose attendees the file lists.', [
        { field: 'eventId', message: 'is required for an attendee import' },
      ]);
    }
    try {
      await this.dataSource.transaction((manager) => this.attendees.lockEvent(manager, principal, eventId));
    } catch (error) {
      if (error instanceof AppException && error.code === ErrorCode.NotFound) {
        throw new AppException(ErrorCode.RuleViolated, `Event ${eventId} does not exist.`, [
          { field: 'eventId', message: 'does not exist' },
        ]);
      }
      throw error;
    }
    return eventId;
  }

  private async checkHeader(entity: ImportEntity, format: ImportFormat, content: Buffer) {
    let header;
    try {
      header = await readHeader(entity, format, slices(content));
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      throw format === ImportFormat.Xlsx
        ? new AppException(ErrorCode.UnsupportedMediaType, error.message)
        : new AppException(ErrorCode.BadRequest, error.message);
    }
    if (!header) throw new AppException(ErrorCode.BadRequest, 'The file has no rows.');
    const { mapping } = header;
    if (mapping.missing.length > 0) {
      const found = mapping.headers.filter(Boolean);
      throw new AppException(
        ErrorCode.ValidationFailed,
        `Required columns are missing: ${mapping.missing.map((c) => `“${c.vi}” (${c.en})`).join(', ')}. ` +
          `The file's columns are: ${found.length ? found.map((h) => `“${h}”`).join(', ') : 'none'}. ` +
          'Download the template to see the expected columns.',
        mapping.missing.map((column) => ({
          field: column.key,
          message: `column “${column.vi}” (${column.en}) is missing`,
        })),
      );
    }
    if (mapping.duplicates.length > 0) {
      throw new AppException(
        ErrorCode.ValidationFailed,
        `Several columns fill the same field: ${mapping.duplicates.map((d) => d.headers.map((h) => `“${h}”`).join(' and ')).join('; ')}. Keep one of each.`,
        mapping.duplicates.map((d) => ({ field: d.field, message: `named by ${d.headers.length} columns` })),
      );
    }
    return mapping;
  }

  async list(principal: Principal, query: ImportListQueryDto): Promise<Page<ImportJob>> {
    const before = query.cursor
      ? (decodeCursor(
          query.cursor,
          2,
          ([at, id]) => !Number.isNaN(Date.parse(String(at))) && UUID_PATTERN.test(String(id)),
        ) as [string, string])
      : undefined;
    const rows = await this.imports.list({
      createdById: isManagerOrAdmin(principal) ? undefined : principal.userId,
      before,
      limit: query.limit,
    });
    return toPage(
      rows,
      query.limit,
      (row) => toImportJob(row),
      (row) => [new Date(row.createdAt).toISOString(), row.id],
    );
  }

  async get(principal: Principal, id: string): Promise<ImportJob> {
    const row = await this.visibleJob(principal, id);
    return toImportJob(row, row.dryRun ? await this.imports.findPreview(id) : []);
  }

  async errors(principal: Principal, id: string, query: ImportErrorsQueryDto): Promise<Page<ImportRowErrorItem>> {
    const job = await this.visibleJob(principal, id);
    const after = query.cursor
      ? (decodeCursor(
          query.cursor,
          2,
          ([row, errorId]) => Number.isInteger(row) && /^\d{1,18}$/.test(String(errorId)),
        ) as [number, string])
      : undefined;
    const rows = await this.imports.rowErrors(id, after, query.limit);
    return toPage(
      rows,
      query.limit,
      (row) => ({ ...row, column: row.field ? (job.columns[row.field] ?? null) : null }),
      (row) => [row.rowNumber, row.id],
    );
  }

  /**
   * The rows that failed, one line each: row number, what is wrong, then the row's own cells under its own
   * headers, so a person can fix them and import this file again (the two extra columns are ignored).
   */
  async errorsCsv(principal: Principal, id: string): Promise<Download> {
    const job = await this.visibleJob(principal, id);
    const lang = languageOf(principal);
    const headers = job.headers;
    const imports = this.imports;
    async function* lines(): AsyncGenerator<CellValue[]> {
      let after: [number, string] | undefined;
      let pending: { rowNumber: number; messages: string[]; raw: Record<string, string> } | undefined;
      for (;;) {
        const rows = await imports.rowErrors(id, after, ERRORS_CSV_BATCH);
        for (const row of rows.slice(0, ERRORS_CSV_BATCH)) {
          const message = row.field ? `${job.columns[row.field] ?? row.field}: ${row.message}` : row.message;
          if (pending?.rowNumber === row.rowNumber) {
            pending.messages.push(message);
            continue;
          }
          if (pending)
            yield [pending.rowNumber, pending.messages.join('; '), ...headers.map((h) => pending!.raw[h] ?? '')];
          pending = { rowNumber: row.rowNumber, messages: [message], raw: row.raw };
        }
        if (rows.length <= ERRORS_CSV_BATCH) break;
        const last = rows[ERRORS_CSV_BATCH - 1];
        after = [last.rowNumber, last.id];
      }
      if (pending) yield [pending.rowNumber, pending.messages.join('; '), ...headers.map((h) => pending!.raw[h] ?? '')];
    }
    const stem = job.fileName.replace(/\.[^.]+$/, '') || 'import';
    return {
      fileName: `${stem}-${lang === 'vi' ? 'loi' : 'errors'}.csv`,
      contentType: CONTENT_TYPE[ExportFormat.Csv],
      stream: csvStream([lang === 'vi' ? 'Dòng' : 'Row', lang === 'vi' ? 'Lỗi' : 'Errors', ...headers], lines()),
    };
  }

  async cancel(principal: Principal, id: string): Promise<ImportJob> {
    await this.dataSource.transaction(async (manager) => {
      const job = await this.imports.lockForChange(manager, id);
      if (!job || !this.canSee(principal, job.createdById))
        throw new AppException(ErrorCode.NotFound, `Import ${id} does not exist.`);
      if (job.status !== ImportStatus.Queued && job.status !== ImportStatus.Running) {
        throw new AppException(ErrorCode.Conflict, `The import has already ended (${job.status}).`);
      }
      await this.imports.cancel(manager, id);
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: SUBJECT,
        subjectId: id,
        changes: { status: { before: job.status, after: ImportStatus.Cancelled } },
      });
    });
    return this.get(principal, id);
  }

  /** Runs a finished dry run for real, from the file it checked; each dry run can be applied once. */
  async apply(principal: Principal, id: string): Promise<ImportCreated> {
    return this.dataSource.transaction(async (manager) => {
      const dryRun = await this.imports.lockForChange(manager, id);
      if (!dryRun || !this.canSee(principal, dryRun.createdById))
        throw new AppException(ErrorCode.NotFound, `Import ${id} does not exist.`);
      if (!dryRun.dryRun)
        throw new AppException(ErrorCode.Conflict, 'This import was not a dry run; it has run already.');
      if (dryRun.status !== ImportStatus.Completed)
        throw new AppException(ErrorCode.Conflict, 'Only a completed dry run can be applied.');
      if (!dryRun.fileId)
        throw new AppException(ErrorCode.Conflict, 'The file of this dry run is no longer kept; upload it again.');
      if (dryRun.entity === ImportEntity.Attendees) {
        if (!dryRun.eventId)
          throw new AppException(ErrorCode.Conflict, 'The event of this dry run no longer exists.', [
            { field: 'eventId', message: 'no longer exists' },
          ]);
        await this.attendees.lockEvent(manager, principal, dryRun.eventId);
      }
      const applied = await this.imports.findJob(id, manager);
      if (applied?.appliedJobId)
        throw new AppException(ErrorCode.Conflict, 'This dry run has already been applied.', [
          { field: 'appliedJobId', message: applied.appliedJobId },
        ]);
      const newId = await this.imports.insertJob(manager, {
        entity: dryRun.entity,
        fileId: dryRun.fileId,
        fileName: dryRun.fileName,
        format: dryRun.format,
        fileSize: dryRun.fileSize,
        dryRun: false,
        columns: dryRun.columns,
        ignoredColumns: dryRun.ignoredColumns,
        headers: dryRun.headers,
        createdById: principal.userId,
        dryRunJobId: id,
        eventId: dryRun.eventId,
      });
      await this.audit.record(manager, {
        action: AuditAction.Create,
        subjectType: SUBJECT,
        subjectId: newId,
        details: { entity: dryRun.entity, fileName: dryRun.fileName, dryRunJobId: id },
      });
      await this.outbox.enqueue(manager, JobName.RunImport, { importJobId: newId });
      return { id: newId };
    });
  }

  template(principal: Principal, entity: ImportEntity, format: ExportFormat, lang?: 'vi' | 'en'): Download {
    const language = languageOf(principal, lang);
    const columns = IMPORT_COLUMNS[entity];
    // The record ID is for edited exports; a template is for new records.
    const header = columns.filter((column) => column.key !== 'id').map((column) => column[language]);
    const stem = `${language === 'vi' ? 'mau-nhap' : 'import-template'}-${entity}`;
    if (format === ExportFormat.Csv) {
      return {
        fileName: `${stem}.csv`,
        contentType: CONTENT_TYPE[ExportFormat.Csv],
        stream: csvStream(header, []),
      };
    }
    const yes = language === 'vi' ? 'Có' : 'Yes';
    const guide = columns.map((column) => [column[language], column.required ? yes : '', column.hint[language]]);
    const exportOnly = Object.values(EXPORT_ONLY_COLUMNS).map((c) => [
      c[language],
      '',
      language === 'vi' ? 'Chỉ có trong tệp xuất; khi nhập sẽ bỏ qua.' : 'Only in exports; ignored on import.',
    ]);
    return {
      fileName: `${stem}.xlsx`,
      contentType: CONTENT_TYPE[ExportFormat.Xlsx],
      stream: xlsxStream([
        { name: language === 'vi' ? 'Dữ liệu' : 'Data', header, rows: [] },
        {
          name: language === 'vi' ? 'Hướng dẫn' : 'Guide',
          header: language === 'vi' ? ['Cột', 'Bắt buộc', 'Cách ghi'] : ['Column', 'Required', 'How to fill it'],
          rows: [...guide, ...exportOnly],
          widths: [28, 10, 100],
        },
      ]),
    };
  }

  private canSee(principal: Principal, createdById: string): boolean {
    return isManagerOrAdmin(principal) || createdById === principal.userId;
  }

  /** Staff see their own imports; another person's is reported as missing, not as forbidden. */
  private async visibleJob(principal: Principal, id: string): Promise<ImportJobRow> {
    const row = await this.imports.findJob(id);
    if (!row || !this.canSee(principal, row.createdById))
      throw new AppException(ErrorCode.NotFound, `Import ${id} does not exist.`);
    return row;
  }
}
