import {
  MAX_PAGE_LIMIT,
  TimelineEntryKind,
  type Page,
  type PortalAssignment,
  type PortalDocumentInfo,
  type PortalReply,
  type PortalReplyRequest,
  type RecordSubjectType,
  type TimelineEntry,
  type UpdatePortalAssignmentRequest,
  type UserSummary,
} from '@irm/contracts';
import { api } from '../../../shared/api';

/** More than any real thread holds; older ones stay on the item's timeline. */
const THREAD_LIMIT = 100;

/** The item's portal entries (submissions, messages, replies, uploads), newest first. */
export function fetchPortalThread(
  subjectType: RecordSubjectType,
  subjectId: string,
  signal?: AbortSignal,
): Promise<Page<TimelineEntry>> {
  return api.get<Page<TimelineEntry>>('/timeline', {
    query: { subjectType, subjectId, kind: TimelineEntryKind.PortalMessage, limit: THREAD_LIMIT },
    signal,
  });
}

/** `resource` is the item kind's path under `/api`, e.g. `/land-enquiries`. */
export function sendPortalReply(resource: string, itemId: string, request: PortalReplyRequest): Promise<PortalReply> {
  return api.post<PortalReply>(`${resource}/${encodeURIComponent(itemId)}/portal-replies`, request);
}

export function fetchPortalDocuments(itemId: string, signal?: AbortSignal): Promise<PortalDocumentInfo[]> {
  return api.get<PortalDocumentInfo[]>('/portal-documents', { query: { itemId }, signal });
}

/** A plain link: the browser downloads the file with the session cookie. */
export function portalDocumentUrl(documentId: string): string {
  return `/api/portal-documents/${encodeURIComponent(documentId)}/download`;
}

export function fetchPortalAssignment(signal?: AbortSignal): Promise<PortalAssignment> {
  return api.get<PortalAssignment>('/settings/portal-assignment', { signal });
}

export function savePortalAssignment(request: UpdatePortalAssignmentRequest): Promise<PortalAssignment> {
  return api.put<PortalAssignment>('/settings/portal-assignment', request);
}

/** Every active colleague (an agency has far fewer than a page), to choose who takes submissions. */
export function fetchActiveStaff(signal?: AbortSignal): Promise<Page<UserSummary>> {
  return api.get<Page<UserSummary>>('/users/directory', { query: { limit: MAX_PAGE_LIMIT }, signal });
}
