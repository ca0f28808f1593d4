import type { PortalAssignment, RecordSubjectType, UpdatePortalAssignmentRequest } from '@irm/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import { isStaleVersion } from '../../records';
import {
  fetchActiveStaff,
  fetchPortalAssignment,
  fetchPortalDocuments,
  fetchPortalThread,
  savePortalAssignment,
  sendPortalReply,
} from '../api/investor-portal.api';

/** The item's portal conversation, oldest first, as a conversation reads. */
export function usePortalThread(subjectType: RecordSubjectType, subjectId: string) {
  return useQuery({
    queryKey: queryKeys.timeline.portalThread(subjectType, subjectId),
    queryFn: ({ signal }) => fetchPortalThread(subjectType, subjectId, signal),
    select: (page) => [...page.items].reverse(),
  });
}

export function usePortalDocuments(itemId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.portal.documents(itemId),
    queryFn: ({ signal }) => fetchPortalDocuments(itemId, signal),
    enabled,
  });
}

interface ReplyTarget {
  /** The item kind's resource under `/api`. */
  resource: string;
  subjectType: RecordSubjectType;
  itemId: string;
}

/** A reply to the investor; the thread and the timeline show it once the server has it. */
export function useSendPortalReply({ resource, subjectType, itemId }: ReplyTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => sendPortalReply(resource, itemId, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.timeline.subject(subjectType, itemId) }),
  });
}

export function usePortalAssignment() {
  return useQuery({
    queryKey: queryKeys.portal.assignment(),
    queryFn: ({ signal }) => fetchPortalAssignment(signal),
  });
}

/** Saved under the version read; on a 409 the current rule is loaded again for the manager to look at. */
export function useSavePortalAssignment() {
  const queryClient = useQueryClient();
  const key = queryKeys.portal.assignment();
  return useMutation({
    mutationFn: (request: UpdatePortalAssignmentRequest) => savePortalAssignment(request),
    onSuccess: (saved: PortalAssignment) => queryClient.setQueryData(key, saved),
    onError: (error) => {
      if (isStaleVersion(error)) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export function useActiveStaff() {
  return useQuery({
    queryKey: queryKeys.portal.staff(),
    queryFn: ({ signal }) => fetchActiveStaff(signal),
    select: (page) => page.items,
    staleTime: 60_000,
  });
}
