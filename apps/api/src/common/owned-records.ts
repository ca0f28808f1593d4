import type { FieldError } from '@irm/contracts';
import { QueryFailedError } from 'typeorm';
import { isManagerOrAdmin, Principal } from '../auth/principal';
import { assertCanEdit } from '../auth/record-policy';
import { AppException, ErrorCode } from './app-exception';

export interface OwnedVersionedRecord {
  ownerId: string;
  version: number;
}

/**
 * The checks before changing an owned record, on the row already locked for update:
 * it exists, the person may edit it, and they saw its current version.
 */
export function checkEditable<T extends OwnedVersionedRecord>(
  principal: Principal,
  record: T | null,
  version: number,
  what: string,
): T {
  if (!record) throw new AppException(ErrorCode.NotFound, `The ${what} does not exist.`);
  assertCanEdit(principal, record, what);
  if (record.version !== version) {
    throw new AppException(ErrorCode.StaleVersion, `Someone else changed this ${what}; reload to see their change.`);
  }
  return record;
}

/** Owners are chosen by managers; staff may only name themselves (or keep the current owner). */
export function checkOwnerChoice(
  principal: Principal,
  ownerId: string | undefined,
  currentOwnerId: string | null,
  what: string,
): void {
  if (ownerId === undefined || ownerId === currentOwnerId) return;
  if (currentOwnerId === null && ownerId === principal.userId) return;
  if (!isManagerOrAdmin(principal))
    throw new AppException(ErrorCode.Forbidden, `Only managers assign a ${what} to someone.`);
}

/** Runs a write and turns a named constraint's violation into a problem naming the field (409 unless told). */
export async function withUniqueFields<T>(
  task: () => Promise<T>,
  fields: Record<string, FieldError & { detail: string; code?: ErrorCode }>,
): Promise<T> {
  try {
    return await task();
  } catch (error) {
    const constraint =
      error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
    const known = constraint ? fields[constraint] : undefined;
    if (known)
      throw new AppException(known.code ?? ErrorCode.Conflict, known.detail, [
        { field: known.field, message: known.message },
      ]);
    throw error;
  }
}
