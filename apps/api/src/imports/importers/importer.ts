import { randomUUID } from 'node:crypto';
import { AuditAction, FieldChange, ImportEntity, ImportRowAction } from '@irm/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { AuditEntry, AuditService, diff } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { canEdit } from '../../auth/record-policy';
import { AppException } from '../../common/app-exception';
import { checkOwnerChoice } from '../../common/owned-records';
import { UUID_PATTERN } from '../../common/pagination';
import { toFieldErrors } from '../../common/validation';

/** A data row of the file: its non-empty cells by field, and everything as read for error reports. */
export interface ImportRow {
  rowNumber: number;
  values: Map<string, string>;
  raw: Record<string, string>;
  /** Set when the row itself is malformed (more cells than headers). */
  problem?: string;
}

/** The import cannot go on at all (its event is gone, say): the job fails with this message. */
export class ImportAbortedError extends Error {}

export interface RowError {
  field: string | null;
  message: string;
}

/** What a row did, or in a dry run would do, with the values as they would be saved. */
export interface PlannedRow {
  rowNumber: number;
  source: ImportRow;
  action: ImportRowAction;
  values: Record<string, unknown>;
  errors: RowError[];
}

export interface ImportRunContext {
  jobId: string;
  actor: Principal;
  dryRun: boolean;
  /** The event an attendee import adds people to. */
  eventId: string | null;
  /** Upsert keys (tax code, email) already met in the file, with the row that had them first. */
  seenKeys: Map<string, number>;
  /** Active users by lower-case email, filled as owner emails come up. */
  usersByEmail: Map<string, string | null>;
}

/** A batch decided: what each row does, and the writes that carry it out (none in a dry run). */
export interface PlannedBatch {
  planned: PlannedRow[];
  write(): Promise<void>;
}

/** Decides one batch of rows inside the caller's transaction; the caller then writes it. */
export interface EntityImporter {
  readonly entity: ImportEntity;
  /**
   * Plan a batch only once the one before it has committed: its rows look for records earlier rows created
   * (an investor named again), which another transaction sees only then.
   */
  readonly sequential?: boolean;
  /** The row's keys (record ID, tax code or email), so rows done before a restart still count as seen. */
  keysOf(row: ImportRow): string[];
  planBatch(manager: EntityManager, rows: ImportRow[], context: ImportRunContext): Promise<PlannedBatch>;
}

/** Validates a record with the API's own DTO; returns the transformed values or the field errors. */
export function validateWith<T extends object>(
  dto: new () => T,
  plain: Record<string, unknown>,
): { value: T; errors: RowError[] } {
  const value = plainToInstance(dto, plain);
  const errors = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  // One message per field: an empty required cell fails "not empty", "a string" and "length" alike.
  const seen = new Set<string>();
  const first = toFieldErrors(errors).filter((error) => !seen.has(error.field) && seen.add(error.field));
  return {
    value,
    errors: first.map((error) =>
      plain[error.field] === undefined || plain[error.field] === '' ? { ...error, message: 'is required' } : error,
    ),
  };
}

/**
 * Within one file a record, tax code or email may appear once: a second row would silently
 * overwrite the first, so it is reported instead. `keys` are [key, what it is] pairs.
 */
export function claimKeys(
  keys: readonly (readonly [string | null, string])[],
  rowNumber: number,
  context: ImportRunContext,
  claimed: Map<string, number>,
): RowError | null {
  for (const [key, what] of keys) {
    if (!key) continue;
    const first = context.seenKeys.get(key) ?? claimed.get(key);
    if (first !== undefined) return { field: null, message: `the same ${what} as row ${first}` };
  }
  for (const [key] of keys) if (key) claimed.set(key, rowNumber);
  return null;
}

/** The record ID cell of a row (from an export), lower-cased; undefined when empty. */
export function recordIdOf(row: ImportRow): string | undefined {
  return row.values.get('id')?.toLowerCase();
}

export function isRecordId(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** Resolves owner emails of a batch to active users, one query for the ones not seen before. */
export async function resolveOwners(
  manager: EntityManager,
  emails: Iterable<string>,
  context: ImportRunContext,
): Promise<void> {
  const unknown = [...new Set(emails)].filter((email) => !context.usersByEmail.has(email));
  if (unknown.length === 0) return;
  const rows: { id: string; email: string }[] = await manager.query(
    `SELECT id, lower(email) AS email FROM app_user WHERE active AND email = ANY($1::citext[])`,
    [unknown],
  );
  for (const email of unknown) context.usersByEmail.set(email, null);
  for (const row of rows) context.usersByEmail.set(row.email, row.id);
}

/**
 * The owner a row asks for, checked by the API's own rule (staff may only name themselves);
 * undefined when the row names nobody.
 */
export function ownerOf(
  row: ImportRow,
  currentOwnerId: string | null,
  context: ImportRunContext,
  errors: RowError[],
): string | undefined {
  const email = row.values.get('ownerEmail')?.toLowerCase();
  if (!email) return undefined;
  const ownerId = context.usersByEmail.get(email);
  if (!ownerId) {
    errors.push({ field: 'ownerEmail', message: 'is not the email of an active user' });
    return undefined;
  }
  try {
    checkOwnerChoice(context.actor, ownerId, currentOwnerId, 'record');
  } catch (error) {
    if (!(error instanceof AppException)) throw error;
    errors.push({ field: 'ownerEmail', message: 'only managers assign a record to someone else' });
    return undefined;
  }
  return ownerId;
}

export function auditDetails(context: ImportRunContext, rowNumber: number): Record<string, unknown> {
  return { importJobId: context.jobId, rowNumber };
}

/** The audit changes of a new record, as `diff({}, values, fields)` gives them, without comparing each field. */
export function createdChanges<T extends object>(values: T, fields: readonly (keyof T)[]): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) {
    if (values[field] !== undefined) changes[String(field)] = { before: null, after: values[field] };
  }
  return changes;
}

/** The cells of a row as the API's create request would carry them: each listed field, read through its parser. */
export function requestOf(
  row: ImportRow,
  fields: Record<string, ((value: string) => unknown) | null>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [field, map] of Object.entries(fields)) {
    const value = row.values.get(field);
    if (value !== undefined) input[field] = map ? map(value) : value;
  }
  return input;
}

/** How rows name the records they update: a record ID from an export, else a natural key (tax code, email). */
export interface RecordKey<E> {
  /** What a record is called in messages: "investor". */
  record: string;
  /** The key's field in error reports ("taxCode"), its name in messages ("tax code"), its prefix among seen keys. */
  field: string;
  name: string;
  prefix: string;
  /** The key a row gives, normalised as stored; null when it gives none. */
  ofRow(row: ImportRow): string | null;
  /** The key a stored record has. */
  ofRecord(record: E): string | null;
}

/** The keys a row claims within a file (see `EntityImporter.keysOf`). */
export function rowKeys<E>(row: ImportRow, key: RecordKey<E>): string[] {
  const id = recordIdOf(row);
  const natural = key.ofRow(row);
  return [...(id ? [`id:${id}`] : []), ...(natural ? [`${key.prefix}:${natural}`] : [])];
}

/** A record as read for a batch: enough to match, authorise and compare a row against it. */
export interface ExistingRecord {
  id: string;
  ownerId: string;
}

/** A row matched to the record it updates (none: it creates one), with the errors found on the way. */
export interface MatchedRow<E> {
  row: ImportRow;
  /** The row's place in the batch. */
  index: number;
  before: E | null;
  /** The owner the row names, checked; undefined when it names nobody or the name is wrong. */
  ownerId: string | undefined;
  errors: RowError[];
}

/** A create or update that a batch's write carries out. */
export interface RecordWrite<E, V> {
  id: string;
  values: V;
  before: E | null;
  rowNumber: number;
  /** The row's place in the batch. */
  index: number;
}

/** The entity-specific parts of a record import: how records are found, what a row saves, how a batch is written. */
export interface RecordImport<E extends ExistingRecord & V, V extends object> {
  key: RecordKey<E>;
  audited: readonly (keyof V)[];
  /** The records with these IDs or keys, locked unless a dry run. */
  findExisting(ids: string[], keys: string[]): Promise<E[]>;
  /** The values the row would save, validated; further problems go into `matched.errors`. */
  valuesOf(matched: MatchedRow<E>): V;
  write(writes: RecordWrite<E, V>[]): Promise<void>;
}

/**
 * Plans a batch of rows for an entity upserted by record ID or natural key: matches each row to its record,
 * reports repeats within the file, foreign records and wrong owners, and decides create, update or unchanged.
 */
export async function planRecordBatch<E extends ExistingRecord & V, V extends object>(
  manager: EntityManager,
  rows: ImportRow[],
  context: ImportRunContext,
  spec: RecordImport<E, V>,
): Promise<PlannedBatch> {
  const { key } = spec;
  const keys = rows.map((row) => key.ofRow(row));
  const ids = rows.map(recordIdOf);
  const lookupIds = ids.filter((id): id is string => id !== undefined && isRecordId(id));
  const lookupKeys = keys.filter((value): value is string => value !== null);
  const found = lookupIds.length === 0 && lookupKeys.length === 0 ? [] : await spec.findExisting(lookupIds, lookupKeys);
  const byId = new Map(found.map((record) => [record.id, record]));
  const byKey = new Map<string, E>();
  for (const record of found) {
    const natural = key.ofRecord(record);
    if (natural) byKey.set(natural, record);
  }
  await resolveOwners(
    manager,
    rows.flatMap((row) => row.values.get('ownerEmail')?.toLowerCase() ?? []),
    context,
  );

  const claimed = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const writes: RecordWrite<E, V>[] = [];
  rows.forEach((row, index) => {
    const errors: RowError[] = [];
    if (row.problem) errors.push({ field: null, message: row.problem });
    const natural = keys[index];
    const holder = natural ? byKey.get(natural) : undefined;
    let before: E | null = null;
    const id = ids[index];
    if (id === undefined) {
      before = holder ?? null;
    } else if (!isRecordId(id)) {
      errors.push({ field: 'id', message: 'is not a record ID from an export' });
    } else {
      before = byId.get(id) ?? null;
      if (!before) errors.push({ field: 'id', message: `no ${key.record} has this ID; it may have been deleted` });
      else if (holder && holder.id !== before.id)
        errors.push({ field: key.field, message: `is already used by another ${key.record}` });
    }
    const duplicate = claimKeys(
      [
        [before && `id:${before.id}`, key.record],
        [natural && `${key.prefix}:${natural}`, key.name],
      ],
      row.rowNumber,
      context,
      claimed,
    );
    if (duplicate) errors.push(duplicate);
    if (before && !canEdit(context.actor, before)) {
      errors.push({
        field: null,
        message: `this ${key.record} belongs to someone else; only its owner or a manager can change it`,
      });
    }
    const ownerId = ownerOf(row, before?.ownerId ?? null, context, errors);
    const values = spec.valuesOf({ row, index, before, ownerId, errors });
    let action: ImportRowAction;
    if (errors.length > 0) action = ImportRowAction.Error;
    else if (!before) action = ImportRowAction.Create;
    else if (Object.keys(diff<V>(before, values, spec.audited)).length === 0) action = ImportRowAction.Unchanged;
    else action = ImportRowAction.Update;
    if (action === ImportRowAction.Create || action === ImportRowAction.Update) {
      writes.push({ id: before?.id ?? randomUUID(), values, before, rowNumber: row.rowNumber, index });
    }
    planned.push({
      rowNumber: row.rowNumber,
      source: row,
      action,
      values: { ...values } as Record<string, unknown>,
      errors,
    });
  });
  for (const [claimedKey, rowNumber] of claimed) context.seenKeys.set(claimedKey, rowNumber);
  return { planned, write: () => (context.dryRun ? Promise.resolve() : spec.write(writes)) };
}

/** One audit insert for a batch's writes, each entry naming the import job and row. */
export async function auditWrites<E extends V, V extends object>(
  audit: AuditService,
  manager: EntityManager,
  subjectType: string,
  writes: RecordWrite<E, V>[],
  audited: readonly (keyof V)[],
  context: ImportRunContext,
): Promise<void> {
  const entries: AuditEntry[] = writes.map(({ id, values, before, rowNumber }) => ({
    action: before ? AuditAction.Update : AuditAction.Create,
    subjectType,
    subjectId: id,
    changes: before ? diff<V>(before, values, audited) : createdChanges(values, audited),
    details: auditDetails(context, rowNumber),
  }));
  await audit.recordMany(manager, entries, {
    requestId: `import-${context.jobId}`,
    ip: null,
    principal: context.actor,
  });
}
