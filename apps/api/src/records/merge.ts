import {
  AuditAction,
  FieldChange,
  DuplicateCandidate,
  DuplicateGroup,
  DuplicateMatch,
  MergeRequest,
  MergeResult,
  Page,
} from '@irm/contracts';
import type { EntityManager } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { checkEditable, OwnedVersionedRecord } from '../common/owned-records';
import { decodeCursor, encodeCursor } from '../common/pagination';
import { LinkedSubject, RecordLinks } from './record-links';

type MergeableRecord = OwnedVersionedRecord & { id: string };

export interface MergeOptions<T extends MergeableRecord> {
  principal: Principal;
  subject: LinkedSubject;
  /** How people call the record in messages: "investor", "contact". */
  what: string;
  survivorId: string;
  request: MergeRequest;
  /** Reads one record under a row lock. */
  lock: (id: string) => Promise<T | null>;
  /** The survivor's new values, taken from both records. */
  fill: (survivor: T, duplicate: T) => Partial<T>;
  audited: readonly (keyof T & string)[];
  repository: {
    update(manager: EntityManager, id: string, changes: Partial<T>): Promise<void>;
    delete(manager: EntityManager, id: string): Promise<void>;
  };
  links: RecordLinks;
  audit: AuditService;
  /** Tells the survivor's timeline, in the same transaction. */
  onMerged?: (duplicate: T, changes: Record<string, FieldChange>) => Promise<void>;
}

/**
 * Merges two records of one kind in the caller's transaction. Both must be editable by the person and unchanged
 * since they looked (versions); every linked row moves to the survivor before the duplicate is deleted.
 */
export async function mergeInto<T extends MergeableRecord>(
  manager: EntityManager,
  options: MergeOptions<T>,
): Promise<MergeResult> {
  const { principal, survivorId, request, what } = options;
  const duplicateId = request.duplicateId;
  if (survivorId === duplicateId) {
    throw new AppException(ErrorCode.RuleViolated, `An ${what} cannot be merged into itself.`, [
      { field: 'duplicateId', message: 'is the record being kept' },
    ]);
  }
  // Lock in id order so that two merges of the same pair wait for each other instead of deadlocking.
  const locked = new Map<string, T | null>();
  for (const id of [survivorId, duplicateId].sort()) locked.set(id, await options.lock(id));
  const survivor = checkEditable(principal, locked.get(survivorId)!, request.version, what);
  const duplicate = checkEditable(principal, locked.get(duplicateId)!, request.duplicateVersion, `duplicate ${what}`);

  const moved = await options.links.relink(manager, options.subject, duplicateId, survivorId);
  await options.repository.delete(manager, duplicateId);
  const changes = options.fill(survivor, duplicate);
  await options.repository.update(manager, survivorId, changes);

  const changed = diff(survivor, changes, options.audited);
  await options.onMerged?.(duplicate, changed);
  await options.audit.record(manager, {
    action: AuditAction.Merge,
    subjectType: options.subject,
    subjectId: survivorId,
    changes: changed,
    details: { mergedId: duplicateId, moved },
  });
  await options.audit.record(manager, {
    action: AuditAction.Merge,
    subjectType: options.subject,
    subjectId: duplicateId,
    // What the merged record held, so the trail still tells it after the row is gone.
    details: {
      mergedInto: survivorId,
      record: Object.fromEntries(options.audited.map((field) => [field, duplicate[field] ?? null])),
    },
  });
  return { survivorId, mergedId: duplicateId, moved };
}

/** Turns candidate rows ordered by group key (one more group than asked for) into a keyset page of groups. */
export function pageOfGroups<R extends { key: string }>(
  rows: R[],
  limit: number,
  match: DuplicateMatch,
  toCandidate: (row: R) => DuplicateCandidate,
): Page<DuplicateGroup> {
  const groups: DuplicateGroup[] = [];
  for (const row of rows) {
    let group = groups.at(-1);
    if (group?.key !== row.key) groups.push((group = { key: row.key, match, records: [] }));
    group.records.push(toCandidate(row));
  }
  const more = groups.length > limit;
  const items = groups.slice(0, limit);
  return { items, nextCursor: more ? encodeCursor([items.at(-1)!.key]) : null };
}

/** The group key a report page continues after. */
export function decodeGroupCursor(cursor: string | undefined): string | undefined {
  return cursor === undefined ? undefined : String(decodeCursor(cursor, 1, ([key]) => typeof key === 'string')[0]);
}
