import type {
  CreateTimelineEntryRequest,
  RecordSubjectType,
  TimelineEntry,
  UpdateTimelineEntryRequest,
} from '@irm/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import { isStaleVersion } from '../../records';
import { createTimelineEntry, deleteTimelineEntry, fetchTimeline, updateTimelineEntry } from '../api/timeline.api';

/** A record's timeline, newest first, a page at a time. */
export function useTimeline(subjectType: RecordSubjectType, subjectId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.timeline.subject(subjectType, subjectId),
    queryFn: ({ pageParam, signal }) => fetchTimeline(subjectType, subjectId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

function useRefreshTimeline(subjectType: RecordSubjectType, subjectId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.timeline.subject(subjectType, subjectId) });
}

export function useCreateTimelineEntry(subjectType: RecordSubjectType, subjectId: string) {
  const refresh = useRefreshTimeline(subjectType, subjectId);
  return useMutation({
    mutationFn: (request: Omit<CreateTimelineEntryRequest, 'subjectType' | 'subjectId'>) =>
      createTimelineEntry({ ...request, subjectType, subjectId }),
    onSuccess: () => refresh(),
  });
}

export interface TimelineEntryChange {
  /** The entry as the person saw it: its `version` guards against overwriting someone else's change. */
  entry: TimelineEntry;
  changes: Omit<UpdateTimelineEntryRequest, 'version'>;
}

export function useUpdateTimelineEntry(subjectType: RecordSubjectType, subjectId: string) {
  const refresh = useRefreshTimeline(subjectType, subjectId);
  return useMutation({
    mutationFn: ({ entry, changes }: TimelineEntryChange) =>
      updateTimelineEntry(entry.id, { ...changes, version: entry.version }),
    onSuccess: () => refresh(),
    onError: (error) => {
      if (isStaleVersion(error)) void refresh();
    },
  });
}

export function useDeleteTimelineEntry(subjectType: RecordSubjectType, subjectId: string) {
  const refresh = useRefreshTimeline(subjectType, subjectId);
  return useMutation({
    mutationFn: (entry: TimelineEntry) => deleteTimelineEntry(entry.id, entry.version),
    onSuccess: () => refresh(),
    onError: (error) => {
      if (isStaleVersion(error)) void refresh();
    },
  });
}
