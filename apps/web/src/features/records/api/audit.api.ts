import type { AuditEvent, Page } from '@irm/contracts';
import { api } from '../../../shared/api';

/** A record's audit trail, newest first. */
export function fetchRecordHistory(subjectType: string, id: string, signal?: AbortSignal): Promise<Page<AuditEvent>> {
  return api.get<Page<AuditEvent>>('/audit', { query: { subjectType, subjectId: id, limit: 100 }, signal });
}
