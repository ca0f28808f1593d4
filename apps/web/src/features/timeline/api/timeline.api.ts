import type {
  CreateTimelineEntryRequest,
  Page,
  RecordSubjectType,
  TimelineEntry,
  UpdateTimelineEntryRequest,
} from '@irm/contracts';
import { api } from '../../../shared/api';

const PAGE_SIZE = 20;
const entryPath = (id: string) => `/timeline/${encodeURIComponent(id)}`;

export function fetchTimeline(
  subjectType: RecordSubjectType,
  subjectId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<TimelineEntry>> {
  return api.get<Page<TimelineEntry>>('/timeline', {
    query: { subjectType, subjectId, limit: PAGE_SIZE, cursor },
    signal,
  });
}

export function createTimelineEntry(request: CreateTimelineEntryRequest): Promise<TimelineEntry> {
  return api.post<TimelineEntry>('/timeline', request);
}

export function updateTimelineEntry(id: string, request: UpdateTimelineEntryRequest): Promise<TimelineEntry> {
  return api.patch<TimelineEntry>(entryPath(id), request);
}

export function deleteTimelineEntry(id: string, version: number): Promise<void> {
  return api.delete(entryPath(id), { query: { version } });
}
