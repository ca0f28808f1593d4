import { AppException, ErrorCode } from '../common/app-exception';
import { isManagerOrAdmin, Principal } from './principal';

/** The people a record belongs to, for the owner-or-manager rule. */
export interface OwnedRecord {
  ownerId: string | null;
  assigneeIds?: readonly string[];
}

/** Staff change only what they own or are assigned; managers and admins change anything. */
export function canEdit(principal: Principal, record: OwnedRecord): boolean {
  if (isManagerOrAdmin(principal)) return true;
  return record.ownerId === principal.userId || (record.assigneeIds ?? []).includes(principal.userId);
}

export function assertCanEdit(principal: Principal, record: OwnedRecord, what = 'record'): void {
  if (!canEdit(principal, record)) {
    throw new AppException(ErrorCode.Forbidden, `Only the ${what}'s owner, an assignee or a manager can change it.`);
  }
}
