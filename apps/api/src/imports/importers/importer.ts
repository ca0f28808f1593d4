import type { FieldChange, ImportEntity, ImportRowAction } from '@irm/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
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
