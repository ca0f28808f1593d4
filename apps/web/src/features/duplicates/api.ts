import type { DuplicateGroup, DuplicateSubject, MergeRequest, MergeResult, Page } from '@irm/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../shared/api';

const BASE: Record<DuplicateSubject, string> = { organization: '/organizations', contact: '/contacts' };
const GROUPS_PER_PAGE = 20;

export function useDuplicateGroups(subject: DuplicateSubject) {
  return useInfiniteQuery({
    queryKey: queryKeys.duplicates(subject),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<DuplicateGroup>>(`${BASE[subject]}/duplicates`, {
        query: { limit: GROUPS_PER_PAGE, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

interface MergeInput {
  subject: DuplicateSubject;
  survivorId: string;
  survivorVersion: number;
  duplicates: { id: string; version: number }[];
}

/** Merges each duplicate into the survivor in turn; the survivor's version goes up by one per merge. */
export function useMergeRecords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ subject, survivorId, survivorVersion, duplicates }: MergeInput) => {
      const results: MergeResult[] = [];
      let version = survivorVersion;
      for (const duplicate of duplicates) {
        const request: MergeRequest = { version, duplicateId: duplicate.id, duplicateVersion: duplicate.version };
        results.push(await api.post<MergeResult>(`${BASE[subject]}/${encodeURIComponent(survivorId)}/merge`, request));
        version += 1;
      }
      return results;
    },
    onSettled: (_data, _error, { subject }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.duplicates(subject) });
      void queryClient.invalidateQueries({
        queryKey: subject === 'organization' ? queryKeys.organizations.all() : queryKeys.contacts.all(),
      });
      if (subject === 'organization') void queryClient.invalidateQueries({ queryKey: queryKeys.contacts.all() });
    },
  });
}
